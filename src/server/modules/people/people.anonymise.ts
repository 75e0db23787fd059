import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { recordPersonalDataChange } from '../audit/audit.service.js';
import { eraseCasefile } from '../casefile/casefile.data-protection.js';
import { findPeoplePastRetention, type RetentionCandidate } from './people.retention.repo.js';

const SYSTEM = { actor: null, ip: null, requestId: null };

/**
 * Removes from a person everything that identifies them and keeps what statistics count. One
 * transaction per person; the person's row is locked and the retention re-checked inside it, so a
 * visit issued meanwhile keeps the person, and a second run finds nothing to do (idempotent).
 *
 * Removed: every name (no key, hash or initial is kept: nothing can be reversed), the search keys,
 * notes on needs, address, contacts and identity documents, contact details on their appointments
 * and messages, free-text purposes and counter notes. Kept: the rows of people, visits, tickets,
 * ticket moments and appointments, with sex, nationalities, languages, the year and quarter of birth.
 * The case file's part (documents deleted, free text blanked, counts kept) is in casefile.data-protection.ts.
 */
export async function anonymisePerson(db: Kysely<Database>, personId: string, asOf: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('people').select(['id', 'anonymised_at', 'merged_into']).where('id', '=', personId).forUpdate().executeTakeFirst();
    if (!locked || locked.anonymised_at || locked.merged_into) return false;
    const [candidate] = await findPeoplePastRetention(trx, asOf, personId);
    if (!candidate || candidate.has_open_activity) return false;
    const merged = await trx.selectFrom('people').select('id').where('merged_into', '=', personId).execute();
    const recordIds = [personId, ...merged.map((m) => m.id)];
    await eraseRecords(trx, recordIds);
    await recordPersonalDataChange(trx, SYSTEM, {
      action: 'person.anonymise',
      resourceType: 'person',
      resourceId: personId,
      centreId: candidate.home_centre_id,
      details: { records: recordIds.length, retainYears: candidate.retain_years, lastActivityAt: new Date(candidate.last_activity_at).toISOString() },
    });
    return true;
  });
}

async function eraseRecords(trx: Kysely<Database>, recordIds: string[]): Promise<void> {
  const ids = sql`${sql.val(recordIds)}::uuid[]`;
  await sql`
    UPDATE people SET
      given_names = '', family_names = '', other_names = '', native_given_names = '', native_family_names = '',
      name_key = '', skeleton_keys = '{}', phonetic_keys = '{}', needs_notes = '', address = NULL,
      birth_date = date_trunc('quarter', birth_date)::date,
      -- A year alone stays a year; a month or a day becomes its quarter.
      birth_precision = CASE WHEN birth_precision IN ('month', 'day') THEN 'quarter' ELSE birth_precision END,
      anonymised_at = now(), updated_at = now()
    WHERE id = ANY(${ids})`.execute(trx);
  await trx.deleteFrom('person_contacts').where('person_id', 'in', recordIds).execute();
  await trx.deleteFrom('person_documents').where('person_id', 'in', recordIds).execute();
  for (const erase of PERSON_DATA_ERASERS) await erase(trx, recordIds);
  await trx.updateTable('person_merges').set({ reason: '' }).where((eb) => eb.or([eb('survivor_id', 'in', recordIds), eb('merged_id', 'in', recordIds)])).execute();
  const visits = sql`(SELECT id FROM visits WHERE person_id = ANY(${ids}))`;
  await sql`UPDATE visits SET purpose = '' WHERE person_id = ANY(${ids})`.execute(trx);
  await sql`UPDATE ticket_events SET note = NULL WHERE note IS NOT NULL AND ticket_id IN (SELECT id FROM tickets WHERE visit_id IN ${visits})`.execute(trx);
  const appointments = sql`(SELECT id FROM appointments WHERE person_id = ANY(${ids}) OR visit_id IN ${visits})`;
  // The booking's row stays for statistics; its contact goes. A non-null empty key keeps the table's
  // "a booked appointment has a contact key" rule while matching no real address.
  await sql`
    UPDATE appointments SET contact_name = CASE WHEN contact_name IS NULL THEN NULL ELSE '' END,
      contact_email = NULL, contact_phone = NULL,
      email_key = CASE WHEN contact_name IS NULL THEN NULL ELSE '' END, phone_key = NULL, updated_at = now()
    WHERE id IN ${appointments}`.execute(trx);
  await sql`
    UPDATE notifications SET recipient = 'anonymised', params = '{}'::jsonb, attachments = '[]'::jsonb,
      rendered_subject = NULL, rendered_body = NULL,
      status = CASE WHEN status IN ('queued', 'held') THEN 'cancelled' ELSE status END
    WHERE subject_type = 'appointment' AND subject_id IN ${appointments}`.execute(trx);
}

/**
 * Further tables keyed by person (case-file sections, stored documents…) register an eraser here so
 * anonymisation reaches them in the same transaction. Each receives the person's record ids.
 */
export type PersonDataEraser = (trx: Kysely<Database>, recordIds: string[]) => Promise<void>;
export const PERSON_DATA_ERASERS: PersonDataEraser[] = [eraseCasefile];

/** One run of the anonymisation: every person past retention with nothing open. */
export async function anonymisePeoplePastRetention(db: Kysely<Database>, asOf: Date): Promise<{ anonymised: number; blocked: number }> {
  const candidates: RetentionCandidate[] = await findPeoplePastRetention(db, asOf);
  let anonymised = 0;
  for (const candidate of candidates) {
    if (candidate.has_open_activity) continue;
    if (await anonymisePerson(db, candidate.person_id, asOf)) anonymised++;
  }
  return { anonymised, blocked: candidates.filter((c) => c.has_open_activity).length };
}
