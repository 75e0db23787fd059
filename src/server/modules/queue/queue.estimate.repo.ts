import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { LiveCounter } from './queue.estimate.js';

/** What waiting-time estimates read (queue.estimate.ts, docs/queue.md "Waiting-time estimates"). */

/**
 * Minutes a counter spent on each of the latest finished tickets of each service (up to `limit`
 * each): from the first call to the end, so walking up and recalls count as they do at the counter.
 */
export async function recentServiceMinutes(db: Kysely<Database>, serviceIds: readonly string[], limit: number): Promise<Map<string, number[]>> {
  const byService = new Map<string, number[]>();
  if (serviceIds.length === 0) return byService;
  const rows = await sql<{ service_id: string; minutes: number }>`
    SELECT service_id, minutes FROM (
      SELECT service_id, extract(epoch FROM ended_at - coalesce(first_called_at, started_at))::float8 / 60 AS minutes,
        row_number() OVER (PARTITION BY service_id ORDER BY ended_at DESC) AS n
      FROM tickets
      WHERE state IN ('done', 'transferred') AND started_at IS NOT NULL AND ended_at IS NOT NULL
        AND service_id IN (${sql.join(serviceIds.map((id) => sql`${id}::uuid`))})
    ) recent WHERE n <= ${limit}`.execute(db);
  for (const row of rows.rows) byService.set(row.service_id, [...(byService.get(row.service_id) ?? []), Number(row.minutes)]);
  return byService;
}

/**
 * Open and paused counters of a centre with the ticket each holds and their planned breaks ('HH:MM'
 * in the centre's local time, in time order; migration 0036), in one statement.
 */
export async function liveCountersOfCentre(db: Kysely<Database>, centreId: string): Promise<LiveCounter[]> {
  const rows = await sql<{ id: string; service_ids: string[] | null; state: 'open' | 'paused'; busy_service: string | null; busy_since: Date | null; breaks: { starts: string; ends: string }[] }>`
    SELECT c.id, cse.state,
      (SELECT array_agg(cs.service_id) FROM counter_services cs JOIN services s ON s.id = cs.service_id
        WHERE cs.counter_id = c.id AND s.archived_at IS NULL) AS service_ids,
      t.service_id AS busy_service, t.called_at AS busy_since,
      (SELECT coalesce(json_agg(json_build_object('starts', to_char(b.starts, 'HH24:MI'), 'ends', to_char(b.ends, 'HH24:MI')) ORDER BY b.starts), '[]'::json)
        FROM counter_breaks b WHERE b.counter_id = c.id) AS breaks
    FROM counter_sessions cse
    JOIN counters c ON c.id = cse.counter_id
    JOIN units u ON u.id = c.unit_id
    LEFT JOIN tickets t ON t.counter_id = c.id AND t.state IN ('called', 'serving')
    WHERE cse.state IN ('open', 'paused') AND u.centre_id = ${centreId} AND c.archived_at IS NULL
    ORDER BY c.id`.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    serviceIds: row.service_ids ?? [],
    state: row.state,
    busy: row.busy_service && row.busy_since ? { serviceId: row.busy_service, since: new Date(row.busy_since) } : null,
    breaks: row.breaks,
  }));
}
