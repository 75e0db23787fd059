import { compareNames, type PersonNames } from './people.names.js';

/** What duplicate scoring knows of a person (stored or about to be registered). */
export interface MatchablePerson extends PersonNames {
  nativeScript: string | null;
  birthDate: string | null;
  birthPrecision: 'year' | 'month' | 'day' | null;
  sex: 'female' | 'male' | 'other' | 'unknown';
  documents: { type: string; numberKey: string; issuingCountry: string | null }[];
  contacts: { kind: 'phone' | 'email'; valueKey: string }[];
}

export interface MatchReason {
  /** Stable code for screens to translate; `text` is the English wording. */
  code: string;
  text: string;
  /** What it added to (or took from) the score. */
  weight: number;
}

export interface MatchAssessment {
  score: number;
  reasons: MatchReason[];
}

/**
 * At or above this score a stored person is shown as a likely duplicate; the value and the
 * weights below were chosen on test/fixtures/people-pairs.json (docs/people.md has the numbers).
 */
export const DUPLICATE_THRESHOLD = 0.6;

const SCRIPT_NAMES: Record<string, string> = { Arab: 'Arabic', Aran: 'Arabic', Cyrl: 'Cyrillic', Deva: 'Devanagari', Beng: 'Bengali', Hans: 'Chinese', Hant: 'Chinese', Hani: 'Chinese' };

function nameReason(left: MatchablePerson, right: MatchablePerson): MatchReason[] {
  const names = compareNames(left, right);
  // Below 0.75 names are different; from there up to 0.95 the evidence grows to its full weight.
  const weight = Math.round(Math.min(1, Math.max(0, (names.similarity - 0.75) / 0.2)) * 0.5 * 100) / 100;
  if (weight <= 0) return names.similarity < 0.6 ? [{ code: 'name_differs', text: 'names differ', weight: -0.2 }] : [];
  const script = SCRIPT_NAMES[left.nativeScript ?? ''] ?? SCRIPT_NAMES[right.nativeScript ?? ''];
  let text = names.similarity >= 0.99 ? 'same name' : 'similar name';
  if (names.acrossScripts) text = `${text} written in ${script ?? 'another script'} and in Latin letters`;
  if (names.swapped) text = `${text}, given and family names swapped`;
  return [{ code: names.acrossScripts ? 'name_across_scripts' : names.similarity >= 0.99 ? 'same_name' : 'similar_name', text, weight }];
}

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year!, month!, day!];
}

function birthReason(left: MatchablePerson, right: MatchablePerson): MatchReason[] {
  if (!left.birthDate || !right.birthDate || !left.birthPrecision || !right.birthPrecision) return [];
  const [y1, m1, d1] = parts(left.birthDate);
  const [y2, m2, d2] = parts(right.birthDate);
  const precision = left.birthPrecision === 'year' || right.birthPrecision === 'year' ? 'year' : left.birthPrecision === 'month' || right.birthPrecision === 'month' ? 'month' : 'day';
  if (y1 !== y2) {
    // A slip of one digit in the year still leaves the rest of the date as evidence.
    if (precision === 'day' && m1 === m2 && d1 === d2) return [{ code: 'birth_day_matches_year_differs', text: 'birth day and month match, the year differs', weight: 0 }];
    return [{ code: 'birth_year_differs', text: 'birth years differ', weight: -0.45 }];
  }
  if (precision === 'year') return [{ code: 'birth_year_matches', text: 'birth year matches', weight: 0.15 }];
  if (precision === 'month') {
    return m1 === m2 ? [{ code: 'birth_month_matches', text: 'birth year and month match', weight: 0.2 }] : [{ code: 'birth_month_differs', text: 'birth months differ', weight: -0.15 }];
  }
  if (m1 === m2 && d1 === d2) return [{ code: 'birth_date_matches', text: 'date of birth matches', weight: 0.3 }];
  if (m1 === d2 && d1 === m2) return [{ code: 'birth_date_swapped', text: 'date of birth matches with day and month swapped', weight: 0.22 }];
  return [{ code: 'birth_date_differs', text: 'dates of birth differ', weight: -0.3 }];
}

function documentReasons(left: MatchablePerson, right: MatchablePerson): MatchReason[] {
  const reasons: MatchReason[] = [];
  const same = left.documents.find((a) => right.documents.some((b) => a.numberKey === b.numberKey && (!a.issuingCountry || !b.issuingCountry || a.issuingCountry === b.issuingCountry)));
  if (same) reasons.push({ code: 'same_document', text: 'same document number', weight: 0.6 });
  else {
    // Two passports of one country with different numbers: different people, or a renewed passport.
    const conflicting = left.documents.some((a) => right.documents.some((b) => a.type === b.type && a.issuingCountry !== null && a.issuingCountry === b.issuingCountry));
    if (conflicting) reasons.push({ code: 'document_differs', text: 'different numbers for the same kind of document', weight: -0.25 });
  }
  return reasons;
}

function contactReasons(left: MatchablePerson, right: MatchablePerson): MatchReason[] {
  const shared = (kind: 'phone' | 'email') => left.contacts.some((a) => a.kind === kind && right.contacts.some((b) => b.kind === kind && b.valueKey === a.valueKey));
  const reasons: MatchReason[] = [];
  // Families share a phone: a contact is evidence, not proof.
  if (shared('phone')) reasons.push({ code: 'phone_matches', text: 'phone matches', weight: 0.2 });
  if (shared('email')) reasons.push({ code: 'email_matches', text: 'e-mail matches', weight: 0.25 });
  return reasons;
}

function sexReason(left: MatchablePerson, right: MatchablePerson): MatchReason[] {
  const known = (sex: string) => sex === 'female' || sex === 'male';
  if (known(left.sex) && known(right.sex) && left.sex !== right.sex) return [{ code: 'sex_differs', text: 'recorded sex differs', weight: -0.4 }];
  return [];
}

/** Scores how likely two records are the same person, with the reasons staff see. */
export function assessDuplicate(left: MatchablePerson, right: MatchablePerson): MatchAssessment {
  const reasons = [...documentReasons(left, right), ...nameReason(left, right), ...birthReason(left, right), ...contactReasons(left, right), ...sexReason(left, right)];
  const total = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  return { score: Math.round(Math.min(1, Math.max(0, total)) * 100) / 100, reasons: reasons.sort((a, b) => b.weight - a.weight) };
}
