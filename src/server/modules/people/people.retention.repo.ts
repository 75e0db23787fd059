import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';

/** Without any network rule, people are kept this many years after their last activity. */
export const FALLBACK_RETENTION_YEARS = 10;

export interface RetentionCandidate {
  person_id: string;
  home_centre_id: string;
  last_activity_at: Date;
  retain_years: number;
  due_since: Date;
  has_open_activity: boolean;
}

export interface DocumentCandidate {
  document_id: string;
  /** Identity documents of the registry, or documents stored in the case file. */
  store: 'identity' | 'casefile';
  person_id: string;
  /** Any type name: the registry's identity types, or the case file's own (contract, payslip…). */
  type: string;
  /** The unit holding a case-file document; null for identity documents. */
  unit_id: string | null;
  retain_years: number;
  due_since: Date;
}

/**
 * The activity of every live person (not anonymised, not merged away), over their own record and the
 * records merged into them: last activity (record changes, visits, ticket moments, appointment times),
 * the units that served them, and whether an appointment (still to come) or a ticket (not ended, whatever
 * its day: a queue left open is looked at by staff first) is still open.
 */
const personActivity = (asOf: Date) => sql`
  WITH records AS (
    SELECT coalesce(p.merged_into, p.id) AS person_id, p.id AS record_id, greatest(p.created_at, p.updated_at) AS changed_at
    FROM people p WHERE p.anonymised_at IS NULL
  ),
  person_visits AS (SELECT r.person_id, v.id AS visit_id, v.created_at FROM records r JOIN visits v ON v.person_id = r.record_id),
  person_tickets AS (
    SELECT pv.person_id, t.unit_id, t.state, greatest(t.issued_at, t.ended_at) AS at
    FROM person_visits pv JOIN tickets t ON t.visit_id = pv.visit_id
  ),
  person_appointments AS (
    SELECT DISTINCT r.person_id, a.id, s.unit_id, a.state, a.ends_at, greatest(a.starts_at, a.booked_at, a.cancelled_at) AS at
    FROM records r
    JOIN appointments a ON a.person_id = r.record_id OR a.visit_id IN (SELECT visit_id FROM person_visits pv WHERE pv.person_id = r.person_id)
    JOIN services s ON s.id = a.service_id
  ),
  activity AS (
    SELECT p.id AS person_id, p.home_centre_id,
      greatest(
        (SELECT max(changed_at) FROM records r WHERE r.person_id = p.id),
        (SELECT max(created_at) FROM person_visits pv WHERE pv.person_id = p.id),
        (SELECT max(at) FROM person_tickets pt WHERE pt.person_id = p.id),
        (SELECT max(at) FROM person_appointments pa WHERE pa.person_id = p.id)
      ) AS last_activity_at,
      ARRAY(
        SELECT unit_id FROM person_tickets pt WHERE pt.person_id = p.id
        UNION SELECT unit_id FROM person_appointments pa WHERE pa.person_id = p.id
      ) AS unit_ids,
      EXISTS (SELECT 1 FROM person_tickets pt WHERE pt.person_id = p.id AND pt.state IN ('pending', 'waiting', 'called', 'serving', 'parked'))
        OR EXISTS (SELECT 1 FROM person_appointments pa WHERE pa.person_id = p.id AND pa.state IN ('held', 'booked') AND pa.ends_at > ${asOf}) AS has_open_activity
    FROM people p WHERE p.anonymised_at IS NULL AND p.merged_into IS NULL
  )`;

/**
 * People whose retention has run out at `asOf`: the longest rule among the units that served them
 * (a unit without a rule counts with the network default), or the network default alone.
 */
export async function findPeoplePastRetention(db: Kysely<Database>, asOf: Date, onlyPersonId?: string): Promise<RetentionCandidate[]> {
  const only = onlyPersonId ? sql`AND a.person_id = ${onlyPersonId}` : sql``;
  const result = await sql<RetentionCandidate>`
    ${personActivity(asOf)},
    network_default AS (
      SELECT coalesce((SELECT retain_years FROM retention_rules WHERE unit_id IS NULL AND document_type IS NULL), ${FALLBACK_RETENTION_YEARS}) AS years
    ),
    judged AS (
      SELECT a.*, (
        SELECT coalesce(max(coalesce(r.retain_years, d.years)), d.years)
        FROM unnest(a.unit_ids) AS u(unit_id)
        LEFT JOIN retention_rules r ON r.unit_id = u.unit_id AND r.document_type IS NULL
      ) AS retain_years
      FROM activity a CROSS JOIN network_default d
      WHERE true ${only}
    )
    SELECT person_id, home_centre_id, last_activity_at, retain_years, has_open_activity,
      last_activity_at + make_interval(years => retain_years) AS due_since
    FROM judged
    WHERE last_activity_at + make_interval(years => retain_years) <= ${asOf}
    ORDER BY last_activity_at, person_id`.execute(db);
  return result.rows;
}

/**
 * Documents whose own type's rule has run out, for people who are otherwise kept: identity documents
 * of the registry and documents stored in the case file (by their document type). The longest rule
 * for that type wins among the network-wide one, those of units that served the person and, for a
 * case-file document, that of the unit holding it. A type without any rule follows the person.
 */
export async function findDocumentsPastRetention(db: Kysely<Database>, asOf: Date): Promise<DocumentCandidate[]> {
  const result = await sql<DocumentCandidate>`
    ${personActivity(asOf)},
    documents AS (
      SELECT 'identity' AS store, d.id, d.person_id, d.type, NULL::uuid AS unit_id FROM person_documents d
      UNION ALL
      SELECT 'casefile', d.id, d.person_id, d.document_type, d.unit_id FROM casefile_documents d
    ),
    judged AS (
      SELECT d.store, d.id AS document_id, a.person_id, d.type, d.unit_id, a.last_activity_at, (
        SELECT max(r.retain_years) FROM retention_rules r
        WHERE r.document_type = d.type AND (r.unit_id IS NULL OR r.unit_id = ANY(a.unit_ids) OR r.unit_id = d.unit_id)
      ) AS retain_years
      FROM activity a
      JOIN people p ON coalesce(p.merged_into, p.id) = a.person_id
      JOIN documents d ON d.person_id = p.id
      -- Someone being served right now may need their document at the counter: it waits too.
      WHERE NOT a.has_open_activity
    )
    SELECT store, document_id, person_id, type, unit_id, retain_years, last_activity_at + make_interval(years => retain_years) AS due_since FROM judged
    WHERE retain_years IS NOT NULL AND last_activity_at + make_interval(years => retain_years) <= ${asOf}
    ORDER BY person_id, store, document_id`.execute(db);
  return result.rows;
}
