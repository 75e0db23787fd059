import { sql, type Kysely } from 'kysely';
import type { Database, LocalisedText } from '../../db/types.js';

/** One moment of a person's life at the centres, as the timeline query returns it. */
export interface TimelineRow {
  entry_key: string;
  at: Date;
  at_key: string;
  kind: string;
  centre_id: string;
  centre_name: string;
  centre_time_zone: string;
  unit_id: string | null;
  unit_name: string | null;
  service_id: string | null;
  service_names: LocalisedText | null;
  ticket_number: string | null;
  appointment_reference: string | null;
  counter_label: string | null;
  outcome: string | null;
  details: Record<string, unknown> | null;
}

export interface TimelinePageKey {
  at: string;
  key: string;
}

/** Ticket moments shown on the timeline; queue-internal moments (queued, recalled, parked…) are left out. */
const TICKET_EVENT_KINDS = ['issued', 'called', 'ended', 'transferred', 'no_show', 'cancelled'];

/**
 * Visits, ticket moments and appointment moments of the given person records (a person and the
 * records merged into them), at every centre, newest first, one page after `after`. Appointments
 * belong to the person when booked for them or when their check-in opened one of their visits;
 * moves come from the journal (`appointment.move`), the only place that keeps the former time.
 * Moments of one transaction share a time; their keys order them as they happened when read newest
 * first: ticket (t:) above the visit's start (p:) above the appointment check-in (a…:).
 */
export async function findTimelinePage(db: Kysely<Database>, personIds: string[], after: TimelinePageKey | undefined, limit: number): Promise<TimelineRow[]> {
  const ids = sql`${sql.val(personIds)}::uuid[]`;
  const afterClause = after ? sql`WHERE (e.at, e.entry_key) < (${after.at}::timestamptz, ${after.key})` : sql``;
  const result = await sql<TimelineRow>`
    WITH person_visits AS (SELECT v.* FROM visits v WHERE v.person_id = ANY(${ids})),
    person_appointments AS (
      SELECT a.* FROM appointments a
      WHERE a.person_id = ANY(${ids}) OR a.visit_id IN (SELECT id FROM person_visits)
    ),
    entries AS (
      SELECT 'p:' || v.id AS entry_key, v.created_at AS at, 'visit.started' AS kind, v.centre_id,
        NULL::uuid AS unit_id, NULL::uuid AS service_id, NULL::text AS ticket_number, NULL::text AS appointment_reference,
        NULL::uuid AS counter_id, NULL::text AS outcome, jsonb_build_object('origin', v.origin, 'language', v.language) AS details
      FROM person_visits v
      UNION ALL
      SELECT 't:' || lpad(te.id::text, 20, '0'), te.at, 'ticket.' || CASE te.kind WHEN 'ended' THEN 'served' ELSE te.kind END, t.centre_id,
        t.unit_id, t.service_id, t.number, NULL, te.counter_id, te.outcome, NULL
      FROM ticket_events te JOIN tickets t ON t.id = te.ticket_id JOIN person_visits v ON v.id = t.visit_id
      WHERE te.kind IN (${sql.join(TICKET_EVENT_KINDS)})
      UNION ALL
      SELECT 'ab:' || a.id, a.booked_at, 'appointment.booked', a.centre_id, NULL, a.service_id, NULL, a.reference, NULL, NULL,
        jsonb_build_object('startsAt', a.starts_at, 'channel', a.channel)
      FROM person_appointments a WHERE a.booked_at IS NOT NULL
      UNION ALL
      SELECT 'am:' || ae.id, ae.at, 'appointment.moved', a.centre_id, NULL, a.service_id, NULL, a.reference, NULL, NULL,
        jsonb_build_object('from', ae.details->>'from', 'to', ae.details->>'to')
      FROM audit_events ae JOIN person_appointments a ON ae.resource_id = a.id::text
      WHERE ae.action = 'appointment.move' AND ae.resource_type = 'appointment'
      UNION ALL
      SELECT 'ac:' || a.id, a.cancelled_at, 'appointment.cancelled', a.centre_id, NULL, a.service_id, NULL, a.reference, NULL, NULL,
        jsonb_build_object('startsAt', a.starts_at)
      FROM person_appointments a WHERE a.cancelled_at IS NOT NULL
      UNION ALL
      SELECT 'ai:' || a.id, a.checked_in_at, 'appointment.checked_in', a.centre_id, NULL, a.service_id, NULL, a.reference, NULL, NULL,
        jsonb_build_object('startsAt', a.starts_at, 'origin', a.checkin_origin)
      FROM person_appointments a WHERE a.checked_in_at IS NOT NULL
      UNION ALL
      SELECT 'an:' || a.id, a.no_show_at, 'appointment.no_show', a.centre_id, NULL, a.service_id, NULL, a.reference, NULL, NULL,
        jsonb_build_object('startsAt', a.starts_at)
      FROM person_appointments a WHERE a.no_show_at IS NOT NULL
    )
    SELECT e.entry_key, e.at, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key, e.kind,
      e.centre_id, c.name AS centre_name, c.time_zone AS centre_time_zone, coalesce(e.unit_id, s.unit_id) AS unit_id, u.name AS unit_name,
      e.service_id, s.names AS service_names, e.ticket_number, e.appointment_reference,
      k.label AS counter_label, e.outcome, e.details
    FROM entries e
    JOIN centres c ON c.id = e.centre_id
    LEFT JOIN services s ON s.id = e.service_id
    LEFT JOIN units u ON u.id = coalesce(e.unit_id, s.unit_id)
    LEFT JOIN counters k ON k.id = e.counter_id
    ${afterClause}
    ORDER BY e.at DESC, e.entry_key DESC
    LIMIT ${limit}`.execute(db);
  return result.rows;
}
