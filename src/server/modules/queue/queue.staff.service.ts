import type { Kysely } from 'kysely';
import { reachOf } from '../../access/actor.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { findCounterById } from '../network/network.counters.service.js';
import { localDateTime } from '../network/network.opening.js';
import { findCentreById } from '../network/network.service.js';
import { counterState } from './queue.counter.service.js';
import { ensureCan, ensureCanSee, readableUnitsAt } from './queue.policy.js';
import { presentVisit } from './queue.presenters.js';
import { findPolicies } from './queue.repo.js';
import { DEFAULT_QUEUE_POLICY } from './queue.ordering.js';
import { boardRows, countersInReach, visitsOfDay } from './queue.staff.repo.js';
import type { CentreBoard, CentreVisits, CentreVisitsQuery, MyCounters } from './queue.staff.schemas.js';

const MINUTE_MS = 60_000;

/** The counters the actor may serve at (queue.serve), with their state: the counter surface's choice. */
export async function myCounters(db: Kysely<Database>, context: StaffContext): Promise<MyCounters> {
  const rows = await countersInReach(db, reachOf(context.actor, 'queue.serve'));
  const items: MyCounters['items'] = [];
  const counters = (await Promise.all(rows.map((row) => findCounterById(db, row.id)))).filter((counter) => counter !== undefined);
  const policies = await findPolicies(db, [...new Set(counters.map((counter) => counter.unitId))]);
  for (const [i, counter] of counters.entries()) {
    items.push({
      counter: await counterState(db, counter),
      unitName: rows[i]!.unit_name,
      centreName: rows[i]!.centre_name,
      serviceIds: counter.serviceIds,
      noShowAfterCalls: (policies.get(counter.unitId) ?? DEFAULT_QUEUE_POLICY).noShowAfterCalls,
    });
  }
  return { items };
}

/**
 * Today's visits of a centre with their tickets, for reception (queue.issue at the centre). The
 * visits carry the purpose reception recorded: reception may read what it wrote, and the list is
 * limited to the centre's current day.
 */
export async function centreVisitsToday(db: Kysely<Database>, context: StaffContext, centreId: string, query: CentreVisitsQuery, now = new Date()): Promise<CentreVisits> {
  const centre = await findCentreById(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCan(context.actor, 'queue.issue', { centreId }, 'The centre');
  const localDay = localDateTime(centre.timeZone, now).date;
  const visits = await visitsOfDay(db, { centreId, localDay, origin: query.origin, limit: query.limit });
  return { day: localDay, items: visits.map(({ visit, tickets }) => presentVisit(visit, tickets)) };
}

/** Per unit of a centre: waiting, longest wait, counters open, served today (queue.read; a unit grant sees its units). */
export async function centreBoard(db: Kysely<Database>, context: StaffContext, centreId: string, now = new Date()): Promise<CentreBoard> {
  const centre = await findCentreById(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCanSee(context.actor, { centreId }, 'The centre');
  const readable = readableUnitsAt(context.actor, centreId);
  if (!readable.allUnits && readable.unitIds.length === 0) throw AppError.forbidden();
  const localDay = localDateTime(centre.timeZone, now).date;
  const rows = await boardRows(db, { centreId, localDay, unitIds: readable.allUnits ? null : readable.unitIds });
  return {
    centreId,
    centreName: centre.name,
    day: localDay,
    timeZone: centre.timeZone,
    units: rows.map((row) => ({
      unitId: row.unit_id,
      unitName: row.unit_name,
      waiting: row.waiting,
      longestWaitMinutes: row.oldest_queued_at ? Math.max(0, Math.floor((now.getTime() - row.oldest_queued_at.getTime()) / MINUTE_MS)) : null,
      atCounters: row.at_counters,
      countersOpen: row.counters_open,
      countersPaused: row.counters_paused,
      counters: row.counters,
      servedToday: row.served,
      noShowsToday: row.no_shows,
    })),
  };
}
