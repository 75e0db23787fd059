import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

export interface AccessEventRow {
  id: string;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string;
  staff_display_name: string | null;
  centre_id: string | null;
  centre_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  break_glass: boolean;
  reason: string | null;
}

export interface StaffGrantRow {
  staff_id: string;
  role: string;
  scope_type: 'network' | 'centre' | 'unit';
  unit_id: string | null;
  unit_name: string | null;
}

/**
 * Journal events about a person: on the person's records themselves, on their visits and
 * appointments, or naming them in `details.personId` (a visit issued for them). Oldest first, at
 * most `limit`. The journal is append-only, so this is also what existed at any earlier date.
 */
export async function findEventsAboutPerson(db: Kysely<Database>, personIds: string[], period: { from?: string; to?: string }, limit: number): Promise<AccessEventRow[]> {
  const ids = sql`${sql.val(personIds)}::uuid[]`;
  const idTexts = sql`${sql.val(personIds)}::text[]`;
  const from = period.from ? sql`AND e.at >= ${new Date(period.from)}` : sql``;
  const to = period.to ? sql`AND e.at < ${new Date(period.to)}` : sql``;
  const result = await sql<AccessEventRow>`
    WITH person_visits AS (SELECT id::text AS id FROM visits WHERE person_id = ANY(${ids})),
    person_appointments AS (
      SELECT id::text AS id FROM appointments
      WHERE person_id = ANY(${ids}) OR visit_id IN (SELECT id::uuid FROM person_visits)
    )
    SELECT e.id, e.at, e.action, e.actor_id, e.actor_name, s.display_name AS staff_display_name,
      e.centre_id, c.name AS centre_name, e.unit_id, u.name AS unit_name, e.break_glass, e.reason
    FROM audit_events e
    LEFT JOIN staff s ON s.id = e.actor_id
    LEFT JOIN centres c ON c.id = e.centre_id
    LEFT JOIN units u ON u.id = e.unit_id
    WHERE (
      (e.resource_type = 'person' AND e.resource_id = ANY(${idTexts}))
      OR (e.resource_type = 'visit' AND e.resource_id IN (SELECT id FROM person_visits))
      OR (e.resource_type = 'appointment' AND e.resource_id IN (SELECT id FROM person_appointments))
      OR (e.details->>'personId') = ANY(${idTexts})
    ) ${from} ${to}
    ORDER BY e.at, e.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Current role grants of the given staff members, with the unit of unit-scoped grants. */
export async function findStaffGrants(db: Kysely<Database>, staffIds: string[]): Promise<StaffGrantRow[]> {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('staff_roles as r')
    .leftJoin('units as u', (join) => join.onRef('u.id', '=', 'r.scope_id').on('r.scope_type', '=', 'unit'))
    .select(['r.staff_id', 'r.role', 'r.scope_type', 'u.id as unit_id', 'u.name as unit_name'])
    .where('r.staff_id', 'in', staffIds)
    .orderBy('r.role')
    .execute();
}
