import type { Kysely } from 'kysely';
import type { Database, TicketState } from '../../db/types.js';
import type { RequestContext } from '../../http/request-context.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { instantAt, minutesOf } from '../appointments/appointments.time.js';
import { recordAudit } from '../audit/audit.service.js';
import { addDays, localDateTime } from '../network/network.opening.js';
import { openingDays } from '../network/network.service.js';
import { recordTicketMoment } from './queue.events.js';
import * as repo from './queue.repo.js';

/** The outcome a ticket left open at the end of its day gets (ticket and ticket event). */
export const DAY_CLOSED_OUTCOME = 'day_closed';
const OPEN_STATES: readonly TicketState[] = ['pending', 'waiting', 'called', 'serving', 'parked'];

/** Nobody signed in: the end of day is the product's own doing, audited as such. */
const SYSTEM: RequestContext = { actor: null, ip: null, requestId: null };

export interface DayEndCounts {
  centres: number;
  ticketsClosed: number;
  countersClosed: number;
  visitsClosed: number;
  alertsErased: number;
}

/**
 * Which days of a centre are over at `now`: every day before today, and today too once its last
 * opening interval has closed (a day without hours is over from its start). Counter sessions opened
 * before `sessionsOpenedBefore` are left over from a closed day.
 */
export async function closedDaysOf(db: Kysely<Database>, centre: { id: string; timeZone: string }, now: Date): Promise<{ throughDay: string; sessionsOpenedBefore: Date }> {
  const today = localDateTime(centre.timeZone, now).date;
  const [day] = (await openingDays(db, centre.id, today, today)).days;
  const lastClosing = (day?.intervals ?? []).reduce((latest, interval) => Math.max(latest, minutesOf(interval.closes)), 0);
  const closingInstant = instantAt(centre.timeZone, today, lastClosing);
  if (now.getTime() >= closingInstant.getTime()) return { throughDay: today, sessionsOpenedBefore: closingInstant };
  return { throughDay: addDays(today, -1), sessionsOpenedBefore: instantAt(centre.timeZone, today, 0) };
}

/**
 * Ends the queue of every centre's days that are over: tickets still open are cancelled with the
 * outcome `day_closed` (a ticket event each, so the day's figures stay exact and say why), counters
 * left open are closed, visits are closed and the day's "you are next" contacts are erased. Every
 * change is conditional on the state it changes, so a second run, or a run on another instance at
 * the same time, finds nothing left to do.
 */
export async function closeFinishedDays(db: Kysely<Database>, now: Date): Promise<DayEndCounts> {
  const counts: DayEndCounts = { centres: 0, ticketsClosed: 0, countersClosed: 0, visitsClosed: 0, alertsErased: 0 };
  const centres = await db.selectFrom('centres').select(['id', 'time_zone']).orderBy('id').execute();
  for (const centre of centres) {
    const { throughDay, sessionsOpenedBefore } = await closedDaysOf(db, { id: centre.id, timeZone: centre.time_zone }, now);
    const done = await db.transaction().execute((trx) => closeCentreDays(trx, centre.id, throughDay, sessionsOpenedBefore, now));
    if (done.ticketsClosed + done.countersClosed + done.visitsClosed + done.alertsErased > 0) counts.centres++;
    counts.ticketsClosed += done.ticketsClosed;
    counts.countersClosed += done.countersClosed;
    counts.visitsClosed += done.visitsClosed;
    counts.alertsErased += done.alertsErased;
  }
  return counts;
}

async function closeCentreDays(trx: Kysely<Database>, centreId: string, throughDay: string, sessionsOpenedBefore: Date, now: Date): Promise<Omit<DayEndCounts, 'centres'>> {
  const open = await trx
    .selectFrom('tickets')
    .select(['id', 'state', 'counter_id'])
    .where('centre_id', '=', centreId)
    .where('local_day', '<=', throughDay)
    .where('state', 'in', [...OPEN_STATES])
    .orderBy('id')
    .execute();
  let ticketsClosed = 0;
  for (const ticket of open) {
    // No counter ended these: ended_at stays empty so no invented service time enters the figures.
    if (!(await repo.updateTicketIfState(trx, ticket.id, OPEN_STATES, { state: 'cancelled', outcome: DAY_CLOSED_OUTCOME }))) continue;
    ticketsClosed++;
    const closed = (await repo.findTicket(trx, ticket.id))!;
    await recordTicketMoment(trx, SYSTEM, closed, {
      kind: 'cancelled',
      at: now,
      counterId: ticket.counter_id,
      outcome: DAY_CLOSED_OUTCOME,
      note: 'day closed',
      details: { previousState: ticket.state },
    });
  }

  const countersClosed = await closeLeftoverSessions(trx, centreId, sessionsOpenedBefore, now);
  const visits = await trx
    .updateTable('visits')
    .set({ closed_at: now })
    .where('centre_id', '=', centreId)
    .where('local_day', '<=', throughDay)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  // The contact was given for this day's turn only.
  const alerts = await trx.deleteFrom('ticket_alerts').where('centre_id', '=', centreId).where('local_day', '<=', throughDay).executeTakeFirst();
  return { ticketsClosed, countersClosed, visitsClosed: Number(visits.numUpdatedRows), alertsErased: Number(alerts.numDeletedRows) };
}

/** Counters someone forgot to close: their live sessions end, as a manager closing them would. */
async function closeLeftoverSessions(trx: Kysely<Database>, centreId: string, openedBefore: Date, now: Date): Promise<number> {
  const sessions = await trx
    .selectFrom('counter_sessions')
    .innerJoin('counters', 'counters.id', 'counter_sessions.counter_id')
    .innerJoin('units', 'units.id', 'counters.unit_id')
    .select(['counter_sessions.id', 'counter_sessions.counter_id', 'counters.label', 'counters.unit_id'])
    .where('units.centre_id', '=', centreId)
    .where('counter_sessions.state', '!=', 'closed')
    .where('counter_sessions.opened_at', '<', openedBefore)
    .forUpdate('counter_sessions')
    .execute();
  let closed = 0;
  for (const session of sessions) {
    // A ticket of a day still running (a counter kept open overnight and used today) keeps it open.
    if (await repo.activeTicketOfCounter(trx, session.counter_id)) continue;
    const changed = await trx
      .updateTable('counter_sessions')
      .set({ state: 'closed', state_since: now, closed_at: now, closed_by: null })
      .where('id', '=', session.id)
      .where('state', '!=', 'closed')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) continue;
    closed++;
    await recordAudit(trx, SYSTEM, { action: 'queue.counter.closed', resourceType: 'counter', resourceId: session.counter_id, centreId, unitId: session.unit_id, details: { reason: 'day closed' } });
    await writeRealtimeEvent(trx, {
      type: 'queue.counter_changed',
      centreId,
      unitId: session.unit_id,
      payload: { counterId: session.counter_id, counterLabel: session.label, state: 'closed', staffId: null },
    });
  }
  return closed;
}
