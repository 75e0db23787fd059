import { readFileSync } from 'node:fs';
import type { PersonInput } from './people.schemas.js';

/** The labelled pairs in test/fixtures/people-pairs.json (imported by *.test.ts files only). */

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
