import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { CASEFILE_JSON_SOURCES, casefileDocumentFiles } from '../casefile/casefile.data-protection.js';
import { findEventsAboutPerson } from './people.access-report.repo.js';

/** A JSON file of the export: what one source holds about the person's records. */
export interface PersonJsonSource {
  /** File name inside the archive, e.g. "visits.json". */
  file: string;
  /** Tables this source covers: the generic "other tables" source leaves them out. */
  tables: string[];
  collect(db: Kysely<Database>, recordIds: string[]): Promise<unknown>;
}

/** A stored file of the person (a scanned document…), streamed into the archive as it is. */
export interface PersonFile {
  path: string;
  size: number;
  open(): AsyncIterable<Uint8Array>;
}

/** A store of files about people (the case file's documents register one). */
export interface PersonFileSource {
  name: string;
  /** Lists the files (metadata only); each file's bytes are read when the archive reaches it. */
  list(source: PersonFileSourceContext, recordIds: string[]): Promise<PersonFile[]>;
}

/** What a file source may need to read its files: the database and the keys of the configuration. */
export interface PersonFileSourceContext {
  db: Kysely<Database>;
  config: Pick<Config, 'documentKey' | 'dataDir'>;
}

const ids = (recordIds: string[]) => sql`${sql.val(recordIds)}::uuid[]`;
const visitsOf = (recordIds: string[]) => sql`(SELECT id FROM visits WHERE person_id = ANY(${ids(recordIds)}))`;
const appointmentsOf = (recordIds: string[]) => sql`(SELECT id FROM appointments WHERE person_id = ANY(${ids(recordIds)}) OR visit_id IN ${visitsOf(recordIds)})`;

async function rows(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<unknown[]> {
  return (await query.execute(db)).rows;
}

/**
 * Everything the platform holds about a person, one JSON file per source. Secrets that are not the
 * person's data (hashes of their links, idempotency keys) are left out. The access log lists the
 * journal events on the file (who, when, what; never the IP addresses of staff).
 */
export const PERSON_JSON_SOURCES: PersonJsonSource[] = [
  {
    file: 'person.json',
    tables: ['people'],
    collect: async (db, recordIds) => rows(db, sql`SELECT * FROM people WHERE id = ANY(${ids(recordIds)}) ORDER BY created_at`),
  },
  { file: 'contacts.json', tables: ['person_contacts'], collect: (db, recordIds) => rows(db, sql`SELECT * FROM person_contacts WHERE person_id = ANY(${ids(recordIds)}) ORDER BY created_at`) },
  { file: 'identity-documents.json', tables: ['person_documents'], collect: (db, recordIds) => rows(db, sql`SELECT * FROM person_documents WHERE person_id = ANY(${ids(recordIds)}) ORDER BY created_at`) },
  {
    file: 'merges.json',
    tables: ['person_merges'],
    collect: (db, recordIds) => rows(db, sql`SELECT * FROM person_merges WHERE survivor_id = ANY(${ids(recordIds)}) OR merged_id = ANY(${ids(recordIds)}) ORDER BY merged_at`),
  },
  {
    file: 'visits.json',
    tables: ['visits'],
    collect: (db, recordIds) => rows(db, sql`SELECT v.*, c.name AS centre_name FROM visits v JOIN centres c ON c.id = v.centre_id WHERE v.person_id = ANY(${ids(recordIds)}) ORDER BY v.created_at`),
  },
  {
    file: 'tickets.json',
    tables: ['tickets', 'ticket_events'],
    collect: (db, recordIds) =>
      rows(db, sql`
        SELECT t.*, s.names AS service_names, u.name AS unit_name,
          coalesce((SELECT jsonb_agg(jsonb_build_object('kind', e.kind, 'at', e.at, 'outcome', e.outcome, 'note', e.note) ORDER BY e.id) FROM ticket_events e WHERE e.ticket_id = t.id), '[]'::jsonb) AS moments
        FROM tickets t JOIN services s ON s.id = t.service_id JOIN units u ON u.id = t.unit_id
        WHERE t.visit_id IN ${visitsOf(recordIds)} ORDER BY t.issued_at`),
  },
  {
    file: 'appointments.json',
    tables: ['appointments'],
    collect: (db, recordIds) =>
      rows(db, sql`
        SELECT a.id, a.reference, a.centre_id, a.service_id, s.names AS service_names, a.starts_at, a.ends_at, a.state, a.channel,
          a.contact_name, a.contact_email, a.contact_phone, a.preferred_language, a.booked_at, a.cancelled_at, a.checked_in_at,
          a.checkin_origin, a.no_show_at, a.visit_id, a.ticket_id, a.person_id, a.created_at
        FROM appointments a JOIN services s ON s.id = a.service_id WHERE a.id IN ${appointmentsOf(recordIds)} ORDER BY a.starts_at`),
  },
  {
    file: 'messages.json',
    tables: ['notifications'],
    collect: (db, recordIds) =>
      rows(db, sql`
        SELECT id, channel, recipient, locale, template, status, rendered_subject, rendered_body, created_at, sent_at
        FROM notifications WHERE subject_type = 'appointment' AND subject_id IN ${appointmentsOf(recordIds)} ORDER BY created_at`),
  },
  {
    file: 'access-log.json',
    tables: ['audit_events'],
    collect: async (db, recordIds) =>
      (await findEventsAboutPerson(db, recordIds, {}, 100_000)).map((e) => ({
        at: e.at, action: e.action, staff: e.staff_display_name ?? e.actor_name, centre: e.centre_name, unit: e.unit_name, breakGlass: e.break_glass, reason: e.reason,
      })),
  },
  // The case file: entries, procedures with their status labels, consents, referrals, documents' metadata.
  ...CASEFILE_JSON_SOURCES,
];

/** Stores of files about people: the case file's documents, decrypted. */
export const PERSON_FILE_SOURCES: PersonFileSource[] = [casefileDocumentFiles];

/**
 * Any other table with a person_id column (added later by other modules) is exported as it is, so
 * a new table about people is never silently left out. Binary columns are described, not copied:
 * their files come through PERSON_FILE_SOURCES.
 */
export async function collectOtherTables(db: Kysely<Database>, recordIds: string[], covered: Set<string>): Promise<Record<string, unknown[]>> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.table_name IN (
      SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'person_id'
    )
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, { name: string; binary: boolean }[]>();
  for (const column of columns.rows) {
    if (covered.has(column.table_name)) continue;
    tables.set(column.table_name, [...(tables.get(column.table_name) ?? []), { name: column.column_name, binary: column.data_type === 'bytea' }]);
  }
  const result: Record<string, unknown[]> = {};
  for (const [table, cols] of tables) {
    const select = sql.join(cols.map((c) => (c.binary ? sql`octet_length(${sql.ref(c.name)}) AS ${sql.ref(`${c.name}_bytes`)}` : sql.ref(c.name))));
    result[table] = await rows(db, sql`SELECT ${select} FROM ${sql.table(table)} WHERE person_id = ANY(${ids(recordIds)})`);
  }
  return result;
}
