import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { openDocument } from './casefile.documents.crypto.js';

/**
 * The case file's part in data protection (docs/people.md, "Subject-access export" and "Retention and
 * anonymisation"): what the person's export holds of it, and what anonymisation removes from it.
 * Written against plain tables so the people module can list these without depending on casefile services.
 */
const ids = (recordIds: string[]) => sql`${sql.val(recordIds)}::uuid[]`;

async function rows(db: Kysely<Database>, query: ReturnType<typeof sql>): Promise<unknown[]> {
  return (await query.execute(db)).rows;
}

/** A name safe inside an archive: no folders, no control characters. */
export function archiveName(id: string, fileName: string): string {
  const clean = fileName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').replace(/^\.+/, '').slice(0, 120);
  return `${id}-${clean || 'document'}`;
}

/**
 * Export parts, readable by the person: unit and service names instead of bare ids, the status of
 * each procedure with the label the person sees in every language, never ciphertext, and referrals
 * with only what concerns this person (no staff ids, no other person's record).
 */
export const CASEFILE_JSON_SOURCES = [
  {
    file: 'casefile-entries.json',
    tables: ['casefile_entries'],
    collect: (db: Kysely<Database>, recordIds: string[]) =>
      rows(db, sql`
        SELECT e.id, e.section, u.name AS unit_name, s.names AS service_names, f.title AS form_title, f.fields AS form_fields,
          e.body, e.answers, e.created_at, e.updated_at
        FROM casefile_entries e JOIN units u ON u.id = e.unit_id
        LEFT JOIN services s ON s.id = e.service_id LEFT JOIN casefile_forms f ON f.id = e.form_id
        WHERE e.person_id = ANY(${ids(recordIds)}) ORDER BY e.created_at, e.id`),
  },
  {
    file: 'casefile-procedures.json',
    tables: ['casefile_procedures'],
    collect: (db: Kysely<Database>, recordIds: string[]) =>
      rows(db, sql`
        SELECT p.id, u.name AS unit_name, s.names AS service_names, p.state,
          (SELECT st->'labels' FROM jsonb_array_elements(w.states) st WHERE st->>'key' = p.state LIMIT 1) AS state_labels,
          p.is_final, p.opened_at, p.updated_at,
          coalesce((
            SELECT jsonb_agg(jsonb_build_object('at', t.at, 'from', t.from_state, 'to', t.to_state, 'note', t.note,
              'toLabels', (SELECT st->'labels' FROM jsonb_array_elements(w.states) st WHERE st->>'key' = t.to_state LIMIT 1)) ORDER BY t.at, t.id)
            FROM casefile_procedure_transitions t WHERE t.procedure_id = p.id), '[]'::jsonb) AS history
        FROM casefile_procedures p JOIN units u ON u.id = p.unit_id JOIN services s ON s.id = p.service_id
        JOIN casefile_workflows w ON w.id = p.workflow_id
        WHERE p.person_id = ANY(${ids(recordIds)}) ORDER BY p.opened_at, p.id`),
  },
  {
    file: 'casefile-consents.json',
    tables: ['casefile_consents'],
    collect: (db: Kysely<Database>, recordIds: string[]) =>
      rows(db, sql`
        SELECT c.id, c.purpose, su.name AS shared_from_unit, tu.name AS shared_with_unit, c.partner_name AS shared_with_partner,
          c.given_how, c.witness_name, c.given_at, c.expires_at, c.recorded_at, c.withdrawn_at, c.withdrawal_note
        FROM casefile_consents c LEFT JOIN units su ON su.id = c.source_unit_id LEFT JOIN units tu ON tu.id = c.target_unit_id
        WHERE c.person_id = ANY(${ids(recordIds)}) ORDER BY c.given_at, c.id`),
  },
  {
    file: 'casefile-referrals.json',
    tables: ['casefile_referrals'],
    collect: (db: Kysely<Database>, recordIds: string[]) =>
      rows(db, sql`
        SELECT r.id, fu.name AS from_unit, tu.name AS to_unit, r.partner_name AS to_partner, r.shared_sections, r.message,
          r.status, r.sent_at, r.answered_at, r.answer_note, r.closed_at, r.close_note
        FROM casefile_referrals r JOIN units fu ON fu.id = r.from_unit_id LEFT JOIN units tu ON tu.id = r.to_unit_id
        WHERE r.person_id = ANY(${ids(recordIds)}) ORDER BY r.sent_at, r.id`),
  },
  {
    file: 'casefile-documents.json',
    tables: ['casefile_documents'],
    collect: async (db: Kysely<Database>, recordIds: string[]) =>
      (
        (await rows(db, sql`
          SELECT d.id, u.name AS unit_name, d.document_type, d.title, d.file_name, d.content_type, d.size_bytes, d.sha256, d.uploaded_at
          FROM casefile_documents d JOIN units u ON u.id = d.unit_id
          WHERE d.person_id = ANY(${ids(recordIds)}) ORDER BY d.uploaded_at, d.id`)) as { id: string; file_name: string }[]
      ).map((d) => ({ ...d, archive_path: `files/casefile-documents/${archiveName(d.id, d.file_name)}` })),
  },
  {
    file: 'break-glass.json',
    tables: ['casefile_break_glass'],
    collect: (db: Kysely<Database>, recordIds: string[]) =>
      rows(db, sql`
        SELECT b.opened_at, b.expires_at, b.reason, s.display_name AS staff
        FROM casefile_break_glass b LEFT JOIN staff s ON s.id = b.staff_id
        WHERE b.person_id = ANY(${ids(recordIds)}) ORDER BY b.opened_at, b.id`),
  },
];

/**
 * The documents, decrypted as they were uploaded. Listing loads metadata only; each file's sealed
 * bytes are loaded and opened when the archive reaches it, so one document is in memory at a time.
 */
export const casefileDocumentFiles = {
  name: 'casefile-documents',
  async list(source: { db: Kysely<Database>; config: Pick<Config, 'documentKey' | 'dataDir'> }, recordIds: string[]) {
    const documents = await source.db
      .selectFrom('casefile_documents')
      .select(['id', 'file_name', 'size_bytes'])
      .where('person_id', 'in', recordIds)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return documents.map((d) => ({
      path: archiveName(d.id, d.file_name),
      size: d.size_bytes,
      async *open(): AsyncIterable<Uint8Array> {
        const sealed = await source.db.selectFrom('casefile_document_contents').selectAll().where('document_id', '=', d.id).executeTakeFirstOrThrow();
        yield new Uint8Array(await openDocument(source.config, d.id, { keyId: sealed.key_id, iv: sealed.iv, authTag: sealed.auth_tag, ciphertext: sealed.ciphertext }));
      },
    }));
  },
};

/** Stands where the law requires a witness name (a verbal consent) once the name itself is gone. */
export const ANONYMISED_WITNESS = 'anonymised';

/**
 * Anonymisation of the case file: documents (metadata and sealed contents) are deleted; the free
 * text of entries, form answers, procedure-move notes, referral messages and answers, and consent
 * witness names and withdrawal notes are blanked. Kept for statistics: entries as rows (unit,
 * section, service, dates), procedures with their status history, consents' purposes and dates,
 * referrals' units, states and dates. Running it again changes nothing.
 */
export async function eraseCasefile(trx: Kysely<Database>, recordIds: string[]): Promise<void> {
  const people = ids(recordIds);
  await sql`DELETE FROM casefile_documents WHERE person_id = ANY(${people})`.execute(trx);
  await sql`
    UPDATE casefile_entries SET body = '', answers = CASE WHEN answers IS NULL THEN NULL ELSE '{}'::jsonb END
    WHERE person_id = ANY(${people}) AND (body <> '' OR (answers IS NOT NULL AND answers <> '{}'::jsonb))`.execute(trx);
  await sql`
    UPDATE casefile_procedure_transitions SET note = ''
    WHERE note <> '' AND procedure_id IN (SELECT id FROM casefile_procedures WHERE person_id = ANY(${people}))`.execute(trx);
  await sql`
    UPDATE casefile_referrals SET message = '', answer_note = NULL, close_note = NULL
    WHERE person_id = ANY(${people}) AND (message <> '' OR answer_note IS NOT NULL OR close_note IS NOT NULL)`.execute(trx);
  await sql`
    UPDATE casefile_consents SET withdrawal_note = NULL,
      witness_name = CASE WHEN witness_name IS NULL THEN NULL WHEN given_how = 'verbal_witnessed' THEN ${ANONYMISED_WITNESS} ELSE NULL END
    WHERE person_id = ANY(${people})`.execute(trx);
}
