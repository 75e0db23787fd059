import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { documentNumberKey, emailKey, phoneKey, storedKeys, toLatin } from './people.keys.js';
import { assessDuplicate, DUPLICATE_THRESHOLD, type MatchablePerson } from './people.match.js';
import { nameSearchSimilarity } from './people.names.js';
import { findCandidateIds, loadPeople, type CandidateProbe, type HomeScope, type PersonRecord } from './people.repo.js';
import { findSearchCandidateIds } from './people.search.repo.js';
import { matchableOfRecord } from './people.presenters.js';

/** How many candidates SQL hands to scoring; common names are many, scoring is cheap. */
const CANDIDATE_LIMIT = 200;

export interface ScoredCandidate {
  record: PersonRecord;
  score: number;
  reasons: { code: string; text: string; weight: number }[];
}

function probeOf(person: MatchablePerson): CandidateProbe {
  const keys = storedKeys([person.givenNames, person.familyNames, person.otherNames, person.nativeGivenNames, person.nativeFamilyNames]);
  return {
    nameKey: keys.nameKey,
    skeletonKeys: keys.skeletonKeys,
    phoneticKeys: keys.phoneticKeys,
    documentKeys: person.documents.map((d) => d.numberKey),
    phoneKeys: person.contacts.filter((c) => c.kind === 'phone').map((c) => c.valueKey),
    emailKeys: person.contacts.filter((c) => c.kind === 'email').map((c) => c.valueKey),
  };
}

/** Stored people in scope that are likely the same as `person`, best first (score ≥ the threshold). */
export async function findDuplicates(db: Kysely<Database>, person: MatchablePerson, scope: HomeScope, excludeId?: string): Promise<ScoredCandidate[]> {
  const ids = await findCandidateIds(db, probeOf(person), scope, CANDIDATE_LIMIT, excludeId);
  const records = await loadPeople(db, ids);
  return records
    .map((record) => ({ record, ...assessDuplicate(person, matchableOfRecord(record)) }))
    .filter((candidate) => candidate.score >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.score - a.score);
}

export type MatchedBy = 'name' | 'phone' | 'email' | 'document';

export interface SearchHit {
  record: PersonRecord;
  score: number;
  matchedBy: MatchedBy[];
}

/** Candidates scored per search: enough for a page of hits, few enough to score in a few ms. */
const SEARCH_CANDIDATES = 40;

/** Below this a name hit is noise (a shared letter pattern, not a shared name). */
const NAME_SEARCH_THRESHOLD = 0.8;

/**
 * Search before create: one box takes a name in any script, a phone number, an e-mail or a
 * document number; each is tried for what it could be.
 */
export async function searchPeople(db: Kysely<Database>, text: string, scope: HomeScope, limit: number): Promise<SearchHit[]> {
  const isEmail = text.includes('@');
  const digits = text.replace(/\D/g, '');
  const mayBePhone = !isEmail && digits.length >= 6 && /^[+\d\s().-]+$/.test(text);
  const documentKey = documentNumberKey(text);
  const mayBeDocument = !isEmail && documentKey.length >= 4 && /\d/.test(documentKey);
  const nameText = isEmail || mayBePhone ? '' : text;
  const keys = storedKeys([nameText]);
  const fragment = toLatin(nameText).replace(/\s+/g, ' ');
  const probe: CandidateProbe = {
    nameKey: keys.nameKey,
    skeletonKeys: keys.skeletonKeys,
    phoneticKeys: keys.phoneticKeys,
    documentKeys: mayBeDocument ? [documentKey] : [],
    phoneKeys: mayBePhone ? [phoneKey(text)] : [],
    emailKeys: isEmail ? [emailKey(text)] : [],
    ...(fragment.length >= 2 ? { fragment } : {}),
  };
  // Twice the page: scoring drops weak name hits; a person merged away or out of reach is skipped.
  const ids = await findSearchCandidateIds(db, probe, scope, Math.max(2 * limit, SEARCH_CANDIDATES));
  const records = (await loadPeople(db, ids)).filter((record) => !record.row.merged_into && (scope.everywhere || scope.centreIds.includes(record.row.home_centre_id)));
  const hits: SearchHit[] = [];
  for (const record of records) {
    const matchedBy: MatchedBy[] = [];
    if (probe.documentKeys.some((key) => record.documents.some((d) => d.number_key === key))) matchedBy.push('document');
    if (probe.phoneKeys.some((key) => record.contacts.some((c) => c.kind === 'phone' && c.value_key === key))) matchedBy.push('phone');
    if (probe.emailKeys.some((key) => record.contacts.some((c) => c.kind === 'email' && c.value_key === key))) matchedBy.push('email');
    let score = matchedBy.length > 0 ? 1 : 0;
    if (nameText) {
      const contains = fragment.length >= 3 && record.row.name_key.includes(fragment);
      const nameScore = Math.max(nameSearchSimilarity(nameText, matchableOfRecord(record)), contains ? 0.85 : 0);
      if (nameScore >= NAME_SEARCH_THRESHOLD) {
        matchedBy.push('name');
        score = Math.max(score, Math.round(nameScore * 100) / 100);
      }
    }
    if (matchedBy.length > 0) hits.push({ record, score, matchedBy });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
