import { sql, type Kysely } from 'kysely';
import type { Reach } from '../../access/actor.js';
import type { Database } from '../../db/types.js';
import { selectTicketsOfVisits, type TicketRow, type Visit } from './queue.repo.js';

/** SQL behind the staff surfaces (read-only joins on the network's tables for names). */

const uuids = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

/** Live counters of live units inside a reach, ordered by centre, unit and label. */
export async function countersInReach(db: Kysely<Database>, reach: Reach): Promise<{ id: string; unit_name: string; centre_name: string }[]> {
  if (!reach.everywhere && reach.centreIds.length === 0 && reach.unitIds.length === 0) return [];
  const places = reach.everywhere
    ? sql`true`
    : sql`(${reach.centreIds.length ? sql`u.centre_id IN (${uuids(reach.centreIds)})` : sql`false`} OR ${reach.unitIds.length ? sql`u.id IN (${uuids(reach.unitIds)})` : sql`false`})`;
  const result = await sql<{ id: string; unit_name: string; centre_name: string }>`
    SELECT c.id, u.name AS unit_name, ce.name AS centre_name
    FROM counters c JOIN units u ON u.id = c.unit_id JOIN centres ce ON ce.id = u.centre_id
    WHERE c.archived_at IS NULL AND u.archived_at IS NULL AND ce.archived_at IS NULL AND ${places}
    ORDER BY ce.name, u.name, length(c.label), c.label
    LIMIT 500`.execute(db);
  return result.rows;
}

/** Visits of a centre's local day, newest first, with their tickets in visit order. */
export async function visitsOfDay(db: Kysely<Database>, args: { centreId: string; localDay: string; origin?: Visit['origin'] | undefined; limit: number }): Promise<{ visit: Visit; tickets: TicketRow[] }[]> {
  let query = db.selectFrom('visits').selectAll().where('centre_id', '=', args.centreId).where('local_day', '=', args.localDay);
  if (args.origin) query = query.where('origin', '=', args.origin);
  const visits = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(args.limit).execute();
  const tickets = await selectTicketsOfVisits(db, visits.map((visit) => visit.id));
  return visits.map((visit) => ({ visit, tickets: tickets.filter((ticket) => ticket.visit_id === visit.id) }));
}

export interface BoardRow {
  unit_id: string;
  unit_name: string;
  waiting: number;
  oldest_queued_at: Date | null;
  at_counters: number;
  counters_open: number;
  counters_paused: number;
  counters: number;
  served: number;
  no_shows: number;
}

/** Per unit of a centre: today's queue figures and the state of its counters. `unitIds` null = every unit. */
export async function boardRows(db: Kysely<Database>, args: { centreId: string; localDay: string; unitIds: readonly string[] | null }): Promise<BoardRow[]> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  const units = args.unitIds ? sql`u.id IN (${uuids(args.unitIds)})` : sql`true`;
  const result = await sql<BoardRow>`
    WITH day_tickets AS (
      SELECT t.unit_id,
        count(*) FILTER (WHERE t.state = 'waiting')::int AS waiting,
        min(t.queued_at) FILTER (WHERE t.state = 'waiting') AS oldest_queued_at,
        count(*) FILTER (WHERE t.state IN ('called', 'serving'))::int AS at_counters,
        count(*) FILTER (WHERE t.state = 'done')::int AS served,
        count(*) FILTER (WHERE t.state = 'no_show')::int AS no_shows
      FROM tickets t WHERE t.centre_id = ${args.centreId} AND t.local_day = ${args.localDay}::date
      GROUP BY t.unit_id
    ), unit_counters AS (
      SELECT c.unit_id,
        count(*)::int AS counters,
        count(*) FILTER (WHERE cs.state = 'open')::int AS counters_open,
        count(*) FILTER (WHERE cs.state = 'paused')::int AS counters_paused
      FROM counters c LEFT JOIN counter_sessions cs ON cs.counter_id = c.id AND cs.state <> 'closed'
      WHERE c.archived_at IS NULL
      GROUP BY c.unit_id
    )
    SELECT u.id AS unit_id, u.name AS unit_name,
      coalesce(d.waiting, 0) AS waiting, d.oldest_queued_at, coalesce(d.at_counters, 0) AS at_counters,
      coalesce(uc.counters_open, 0) AS counters_open, coalesce(uc.counters_paused, 0) AS counters_paused,
      coalesce(uc.counters, 0) AS counters, coalesce(d.served, 0) AS served, coalesce(d.no_shows, 0) AS no_shows
    FROM units u
    LEFT JOIN day_tickets d ON d.unit_id = u.id
    LEFT JOIN unit_counters uc ON uc.unit_id = u.id
    WHERE u.centre_id = ${args.centreId} AND u.archived_at IS NULL AND ${units}
    ORDER BY u.name`.execute(db);
  return result.rows.map((row) => ({ ...row, oldest_queued_at: row.oldest_queued_at ? new Date(row.oldest_queued_at) : null }));
}
