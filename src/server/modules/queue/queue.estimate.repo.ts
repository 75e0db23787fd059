import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

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
