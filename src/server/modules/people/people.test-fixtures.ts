import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { StaffContext } from '../../http/request-context.js';
import { findDuplicates } from './people.match.service.js';
import { contactRows, documentRows, storedBirth } from './people.presenters.js';
import { PersonInput } from './people.schemas.js';
import { registerPerson } from './people.service.js';

/** The labelled pairs in test/fixtures/people-pairs.json (imported by tests and benchmarks only). */

export interface FixturePerson {
  givenNames: string;
  familyNames: string;
  nativeGivenNames?: string;
  nativeFamilyNames?: string;
  nativeScript?: string | null;
  birth?: string;
  sex?: 'female' | 'male';
  documents?: { type: PersonInput['documents'][number]['type']; number: string; issuingCountry: string | null }[];
  phones?: string[];
  emails?: string[];
}

export interface LabelledPair {
  match: boolean;
  note: string;
  a: FixturePerson;
  b: FixturePerson;
}

/** The tuning set (people-pairs.json) by default; 'people-pairs-heldout.json' is the held-out set. */
export function loadLabelledPairs(file = 'people-pairs.json'): LabelledPair[] {
  const url = new URL(`../../../../test/fixtures/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { pairs: LabelledPair[] }).pairs;
}

/** A fixture person as the body of POST /api/v1/people. */
export function personBody(person: FixturePerson, homeCentreId: string, extra: Record<string, unknown> = {}) {
  return {
    homeCentreId,
    givenNames: person.givenNames,
    familyNames: person.familyNames,
    nativeGivenNames: person.nativeGivenNames ?? '',
    nativeFamilyNames: person.nativeFamilyNames ?? '',
    nativeScript: person.nativeScript ?? null,
    birthDate: person.birth ?? null,
    sex: person.sex ?? 'unknown',
    documents: person.documents ?? [],
    contacts: [...(person.phones ?? []).map((value) => ({ kind: 'phone' as const, value })), ...(person.emails ?? []).map((value) => ({ kind: 'email' as const, value }))],
    ...extra,
  };
}

export interface Confusion {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
}

export function confusion(results: { expected: boolean; predicted: boolean }[]): Confusion {
  const count = (expected: boolean, predicted: boolean) => results.filter((r) => r.expected === expected && r.predicted === predicted).length;
  const [tp, fp, fn, tn] = [count(true, true), count(false, true), count(true, false), count(false, false)];
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

/** The reception mediator who registers and checks the pairs, as the services see them once signed in. */
export function matcherContext(staffId: string, centreId: string): StaffContext {
  return { actor: { staffId, username: 'matcher', displayName: 'matcher', sessionId: null, grants: [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId, centreId }] }, ip: null, requestId: null };
}

/**
 * One labelled pair through the real path: the first record is registered, then the second is checked
 * for duplicates the way registration checks it (SQL candidates, then scoring). True when the first
 * record comes back as a likely duplicate of the second.
 */
export async function predictsSamePerson(db: Kysely<Database>, context: StaffContext, centreId: string, pair: LabelledPair): Promise<boolean> {
  const { result } = await registerPerson(db, context, PersonInput.parse(personBody(pair.a, centreId, { confirmNotDuplicate: true })));
  const firstId = result.person!.id;
  const second = PersonInput.parse(personBody(pair.b, centreId));
  const { documents, contacts, ...rest } = second;
  const birth = storedBirth(second.birthDate);
  const candidates = await findDuplicates(
    db,
    {
      ...rest,
      birthDate: birth.date,
      birthPrecision: birth.precision,
      documents: documentRows(documents).map((d) => ({ type: d.type, numberKey: d.number_key, issuingCountry: d.issuing_country })),
      contacts: contactRows(contacts).map((c) => ({ kind: c.kind, valueKey: c.value_key })),
    },
    { everywhere: false, centreIds: [centreId] },
  );
  return candidates.some((c) => c.record.row.id === firstId);
}

/** Every pair through `predictsSamePerson`, in order; the measures and, in words, the pairs it got wrong. */
export async function scoreLabelledPairs(db: Kysely<Database>, context: StaffContext, centreId: string, pairs: LabelledPair[]): Promise<{ measured: Confusion; wrong: string[] }> {
  const results: { expected: boolean; predicted: boolean; note: string }[] = [];
  for (const pair of pairs) results.push({ expected: pair.match, predicted: await predictsSamePerson(db, context, centreId, pair), note: pair.note });
  const wrong = results.filter((r) => r.expected !== r.predicted).map((r) => `${r.expected ? 'missed' : 'false match'}: ${r.note}`);
  return { measured: confusion(results), wrong };
}
