import { uuidv7 } from 'uuidv7';
import { documentNumberKey, emailKey, phoneKey, storedKeys } from './people.keys.js';
import type { MatchablePerson } from './people.match.js';
import type { ContactRow, DocumentRow, MergeRow, PersonRecord } from './people.repo.js';
import type { ContactInput, DocumentInput, MergeView, PersonView } from './people.schemas.js';

type Precision = 'year' | 'month' | 'day';
/** 'quarter' is only ever written by anonymisation (people.retention.ts), never entered by staff. */
type StoredPrecision = Precision | 'quarter';

/** "1990" → ['1990-01-01', 'year']: a partial date is stored on its first day with its precision. */
export function storedBirth(value: string | null): { date: string | null; precision: Precision | null } {
  if (!value) return { date: null, precision: null };
  if (value.length === 4) return { date: `${value}-01-01`, precision: 'year' };
  if (value.length === 7) return { date: `${value}-01`, precision: 'month' };
  return { date: value, precision: 'day' };
}

export function shownBirth(date: string | null, precision: StoredPrecision | null): string | null {
  if (!date || !precision) return null;
  if (precision === 'quarter') return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

export interface NameFields {
  givenNames: string;
  familyNames: string;
  otherNames: string;
  nativeGivenNames: string;
  nativeFamilyNames: string;
}

/** The search key columns for a set of names. */
export function keyColumns(names: NameFields) {
  const keys = storedKeys([names.givenNames, names.familyNames, names.otherNames, names.nativeGivenNames, names.nativeFamilyNames]);
  return { name_key: keys.nameKey, skeleton_keys: keys.skeletonKeys, phonetic_keys: keys.phoneticKeys };
}

export function documentRows(documents: DocumentInput[]): Omit<DocumentRow, 'person_id' | 'created_at'>[] {
  return documents.map((d) => ({ id: uuidv7(), type: d.type, number: d.number, number_key: documentNumberKey(d.number), issuing_country: d.issuingCountry ?? null, expires_on: d.expiresOn ?? null }));
}

export function contactRows(contacts: ContactInput[]): Omit<ContactRow, 'person_id' | 'created_at'>[] {
  return contacts.map((c) => ({ id: uuidv7(), kind: c.kind, value: c.value, value_key: c.kind === 'phone' ? phoneKey(c.value) : emailKey(c.value) }));
}

export function presentPerson(record: PersonRecord): PersonView {
  const { row } = record;
  return {
    id: row.id,
    homeCentreId: row.home_centre_id,
    givenNames: row.given_names,
    familyNames: row.family_names,
    otherNames: row.other_names,
    nativeGivenNames: row.native_given_names,
    nativeFamilyNames: row.native_family_names,
    nativeScript: row.native_script,
    birthDate: shownBirth(row.birth_date, row.birth_precision),
    sex: row.sex,
    nationalities: row.nationalities,
    preferredLanguage: row.preferred_language,
    languages: row.languages,
    needsNotes: row.needs_notes,
    address: row.address ? { street: '', postalCode: '', locality: '', country: null, ...row.address } : null,
    latinName: row.name_key,
    documents: record.documents.map((d) => ({ id: d.id, type: d.type, number: d.number, issuingCountry: d.issuing_country, expiresOn: d.expires_on })),
    contacts: record.contacts.map((c) => ({ id: c.id, kind: c.kind, value: c.value, normalised: c.value_key })),
    mergedPeople: record.mergedPeople,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function matchableOfRecord(record: PersonRecord): MatchablePerson {
  const { row } = record;
  return {
    givenNames: row.given_names,
    familyNames: row.family_names,
    otherNames: row.other_names,
    nativeGivenNames: row.native_given_names,
    nativeFamilyNames: row.native_family_names,
    nativeScript: row.native_script,
    birthDate: row.birth_date,
    // A quarter is compared like a year: the month is no longer known.
    birthPrecision: row.birth_precision === 'quarter' ? 'year' : row.birth_precision,
    sex: row.sex,
    documents: record.documents.map((d) => ({ type: d.type, numberKey: d.number_key, issuingCountry: d.issuing_country })),
    contacts: record.contacts.map((c) => ({ kind: c.kind, valueKey: c.value_key })),
  };
}

export function presentMerge(row: MergeRow): MergeView {
  return {
    id: row.id,
    survivorId: row.survivor_id,
    mergedId: row.merged_id,
    reason: row.reason,
    mergedBy: row.merged_by,
    mergedAt: row.merged_at.toISOString(),
    undoneBy: row.undone_by,
    undoneAt: row.undone_at ? row.undone_at.toISOString() : null,
  };
}
