import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataChange, recordPersonalDataReads } from '../audit/audit.service.js';
import type { MatchablePerson } from './people.match.js';
import { findDuplicates, searchPeople as searchRegistry, type ScoredCandidate } from './people.match.service.js';
import { detectScript } from './people.names.js';
import { can, ensureCan, ensureCanRead, mayReadSomePeople, readableHomeCentres } from './people.policy.js';
import { contactRows, documentRows, keyColumns, matchableOfRecord, presentPerson, storedBirth } from './people.presenters.js';
import { findPersonRow, loadPeople, lockPersonRow, replaceContacts, replaceDocuments, type PersonRecord } from './people.repo.js';
import type { DuplicateCandidate, PersonInput, PersonPatch, PersonSearchQuery, PersonSearchResult, PersonView, RegisterResult } from './people.schemas.js';

/** Every person shown to staff is a read of personal data: one journal row per person, in one transaction. */
async function auditReads(db: Kysely<Database>, context: StaffContext, records: PersonRecord[], action: string, details: Record<string, unknown> = {}): Promise<void> {
  await recordPersonalDataReads(db, context, records.map((record) => ({ action, resourceType: 'person', resourceId: record.row.id, centreId: record.row.home_centre_id, details })));
}

function presentCandidates(candidates: ScoredCandidate[]): DuplicateCandidate[] {
  return candidates.map((c) => ({ person: presentPerson(c.record), score: c.score, reasons: c.reasons }));
}

export async function searchPeople(db: Kysely<Database>, context: StaffContext, query: PersonSearchQuery): Promise<PersonSearchResult> {
  if (!mayReadSomePeople(context.actor)) throw AppError.forbidden();
  const hits = await searchRegistry(db, query.q, readableHomeCentres(context.actor), query.limit);
  await auditReads(db, context, hits.map((hit) => hit.record), 'person.search_hit');
  return { items: hits.map((hit) => ({ person: presentPerson(hit.record), score: hit.score, matchedBy: hit.matchedBy })) };
}

/**
 * Registers a person after a duplicate check. When likely duplicates exist (in the places the
 * actor may read) and the caller has not confirmed, nothing is written and the candidates come back.
 */
export async function registerPerson(db: Kysely<Database>, context: StaffContext, given: PersonInput): Promise<{ created: boolean; result: RegisterResult }> {
  // Staff type a name in the person's script without naming the script: it is recognised.
  const input = { ...given, nativeScript: given.nativeScript ?? detectScript(`${given.nativeGivenNames} ${given.nativeFamilyNames}`) };
  if (!can(context.actor, 'people.register', input.homeCentreId)) throw AppError.forbidden('You cannot register people at this centre');
  const birth = storedBirth(input.birthDate);
  const documents = documentRows(input.documents);
  const contacts = contactRows(input.contacts);
  const probe: MatchablePerson = {
    ...input,
    birthDate: birth.date,
    birthPrecision: birth.precision,
    documents: documents.map((d) => ({ type: d.type, numberKey: d.number_key, issuingCountry: d.issuing_country })),
    contacts: contacts.map((c) => ({ kind: c.kind, valueKey: c.value_key })),
  };
  const duplicates = await findDuplicates(db, probe, readableHomeCentres(context.actor));
  await auditReads(db, context, duplicates.map((d) => d.record), 'person.duplicate_candidate');
  if (duplicates.length > 0 && !input.confirmNotDuplicate) return { created: false, result: { person: null, duplicates: presentCandidates(duplicates) } };
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('people')
      .values({
        id,
        home_centre_id: input.homeCentreId,
        given_names: input.givenNames,
        family_names: input.familyNames,
        other_names: input.otherNames,
        native_given_names: input.nativeGivenNames,
        native_family_names: input.nativeFamilyNames,
        native_script: input.nativeScript,
        birth_date: birth.date,
        birth_precision: birth.precision,
        sex: input.sex,
        nationalities: input.nationalities,
        preferred_language: input.preferredLanguage,
        languages: input.languages,
        needs_notes: input.needsNotes,
        address: input.address ? JSON.stringify(input.address) : null,
        ...keyColumns(input),
        created_by: context.actor.staffId,
      })
      .execute();
    await replaceDocuments(trx, id, documents);
    await replaceContacts(trx, id, contacts);
    await recordPersonalDataChange(trx, context, {
      action: 'person.register',
      resourceType: 'person',
      resourceId: id,
      centreId: input.homeCentreId,
      // Which candidates staff saw and set aside, so a wrong "not a duplicate" can be traced.
      details: { overriddenDuplicates: duplicates.map((d) => ({ id: d.record.row.id, score: d.score })) },
    });
  });
  const [record] = await loadPeople(db, [id]);
  return { created: true, result: { person: presentPerson(record!), duplicates: presentCandidates(duplicates) } };
}

/** Loads a person the actor may read; a merged record answers with the record it was merged into. */
async function getReadable(db: Kysely<Database>, context: StaffContext, id: string): Promise<PersonRecord> {
  const row = await findPersonRow(db, id);
  if (!row) throw AppError.notFound('The person');
  const [record] = await loadPeople(db, [row.merged_into ?? row.id]);
  if (!record) throw AppError.notFound('The person');
  ensureCanRead(context.actor, record.row.home_centre_id);
  return record;
}

export async function getPerson(db: Kysely<Database>, context: StaffContext, id: string): Promise<PersonView> {
  const record = await getReadable(db, context, id);
  await auditReads(db, context, [record], 'person.read', id === record.row.id ? {} : { requestedId: id });
  return presentPerson(record);
}

/** Likely duplicates of a stored person, for the back office to review and merge. */
export async function duplicatesOfPerson(db: Kysely<Database>, context: StaffContext, id: string): Promise<DuplicateCandidate[]> {
  const record = await getReadable(db, context, id);
  const duplicates = await findDuplicates(db, matchableOfRecord(record), readableHomeCentres(context.actor), record.row.id);
  await auditReads(db, context, [record, ...duplicates.map((d) => d.record)], 'person.duplicate_review', { personId: record.row.id });
  return presentCandidates(duplicates);
}

export async function updatePerson(db: Kysely<Database>, context: StaffContext, id: string, patch: PersonPatch): Promise<PersonView> {
  const existing = await findPersonRow(db, id);
  if (!existing) throw AppError.notFound('The person');
  ensureCan(context.actor, 'people.register', existing.home_centre_id);
  if (existing.merged_into) throw AppError.conflict('This record was merged into another; change that one');
  await db.transaction().execute(async (trx) => {
    const row = await lockPersonRow(trx, id);
    if (!row || row.merged_into) throw AppError.conflict('This record was merged into another; change that one');
    const names = {
      givenNames: patch.givenNames ?? row.given_names,
      familyNames: patch.familyNames ?? row.family_names,
      otherNames: patch.otherNames ?? row.other_names,
      nativeGivenNames: patch.nativeGivenNames ?? row.native_given_names,
      nativeFamilyNames: patch.nativeFamilyNames ?? row.native_family_names,
    };
    if (!names.givenNames && !names.familyNames && !names.nativeGivenNames && !names.nativeFamilyNames) {
      throw AppError.invalid([{ path: 'givenNames', message: 'a name is needed, in Latin letters or in the person\'s script' }]);
    }
    const birth = patch.birthDate === undefined ? undefined : storedBirth(patch.birthDate);
    await trx
      .updateTable('people')
      .set({
        given_names: names.givenNames,
        family_names: names.familyNames,
        other_names: names.otherNames,
        native_given_names: names.nativeGivenNames,
        native_family_names: names.nativeFamilyNames,
        ...keyColumns(names),
        ...(patch.nativeScript !== undefined ? { native_script: patch.nativeScript } : {}),
        ...(birth ? { birth_date: birth.date, birth_precision: birth.precision } : {}),
        ...(patch.sex !== undefined ? { sex: patch.sex } : {}),
        ...(patch.nationalities !== undefined ? { nationalities: patch.nationalities } : {}),
        ...(patch.preferredLanguage !== undefined ? { preferred_language: patch.preferredLanguage } : {}),
        ...(patch.languages !== undefined ? { languages: patch.languages } : {}),
        ...(patch.needsNotes !== undefined ? { needs_notes: patch.needsNotes } : {}),
        ...(patch.address !== undefined ? { address: patch.address ? JSON.stringify(patch.address) : null } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (patch.documents) await replaceDocuments(trx, id, documentRows(patch.documents));
    if (patch.contacts) await replaceContacts(trx, id, contactRows(patch.contacts));
    // The journal names the fields that changed, not their values: it must not become a second copy of the file.
    await recordPersonalDataChange(trx, context, { action: 'person.update', resourceType: 'person', resourceId: id, centreId: row.home_centre_id, details: { fields: Object.keys(patch) } });
  });
  const [record] = await loadPeople(db, [id]);
  return presentPerson(record!);
}

/** Where a person's record lives, for other modules' policies (no read of personal data, so no audit). */
export async function findPersonPlacement(db: Kysely<Database>, id: string): Promise<{ id: string; homeCentreId: string; mergedInto: string | null } | undefined> {
  const row = await findPersonRow(db, id);
  return row ? { id: row.id, homeCentreId: row.home_centre_id, mergedInto: row.merged_into } : undefined;
}

/** Display names of people, for lists in other modules (the caller audits what it shows). */
export async function personDisplayNames(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'given_names', 'family_names', 'native_given_names', 'native_family_names']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => {
    const latin = `${row.given_names} ${row.family_names}`.trim();
    const native = `${row.native_given_names} ${row.native_family_names}`.trim();
    return [row.id, [latin, native].filter(Boolean).join(' · ')];
  }));
}
