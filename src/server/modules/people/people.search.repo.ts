import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/types.js';
import type { CandidateProbe, HomeScope } from './people.repo.js';

/**
 * Candidates for the search box, cheapest and surest first. Each tier is a condition one index
 * answers (GIN on the key arrays, trigram GIN on name_key) with its own LIMIT; UNION ALL under an
 * outer LIMIT stops as soon as enough rows came, so a later, looser tier only runs when the earlier
 * ones found too few. No tier sorts the whole set of matches: on a large registry a common name
 * matches tens of thousands of people, and ranking them all per keystroke is what made search slow.
 *
 * 0. document number, phone, e-mail; 1. every name token of the query matches a token of the
 * person (consonant skeleton, then Double Metaphone); 2. the Latin form has words beginning with
 * the typed words (migration 0027's prefix index), then contains the fragment anywhere; 3. some token matches; and, only when all these found nobody, 4. the whole Latin name
 * is trigram-similar (typos).
 * Rows are records: a record merged into another answers with the survivor.
 */
export async function findSearchCandidateIds(db: Kysely<Database>, probe: CandidateProbe, scope: HomeScope, limit: number): Promise<string[]> {
  if (!scope.everywhere && scope.centreIds.length === 0) return [];
  const inScope = scope.everywhere ? sql`true` : sql`p.home_centre_id = ANY(${sql.val(scope.centreIds)}::uuid[])`;
  const live = sql`p.anonymised_at IS NULL AND ${inScope}`;
  const tiers: RawBuilder<unknown>[] = [];
  const tier = (rank: number, condition: RawBuilder<unknown>) =>
    tiers.push(sql`(SELECT coalesce(p.merged_into, p.id) AS id, ${rank}::int AS rank FROM people p WHERE ${condition} AND ${live} LIMIT ${limit})`);
  const skeletons = sql`${sql.val(probe.skeletonKeys)}::text[]`;
  const phonetics = sql`${sql.val(probe.phoneticKeys)}::text[]`;
  for (const key of probe.documentKeys) tier(0, sql`EXISTS (SELECT 1 FROM person_documents d WHERE d.person_id = p.id AND d.number_key = ${key})`);
  for (const [kind, keys] of [['phone', probe.phoneKeys], ['email', probe.emailKeys]] as const) {
    for (const key of keys) tier(0, sql`EXISTS (SELECT 1 FROM person_contacts c WHERE c.person_id = p.id AND c.kind = ${kind} AND c.value_key = ${key})`);
  }
  if (probe.skeletonKeys.length > 0) tier(1, sql`p.skeleton_keys @> ${skeletons}`);
  if (probe.phoneticKeys.length > 0) tier(2, sql`p.phonetic_keys @> ${phonetics}`);
  const prefixes = namePrefixes(probe.fragment ?? '');
  if (prefixes.length > 0) tier(3, sql`person_name_prefixes(p.name_key) @> ${sql.val(prefixes)}::text[]`);
  if (probe.fragment && probe.fragment.length >= 3) tier(3, sql`p.name_key LIKE ${`%${probe.fragment.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (probe.skeletonKeys.length > 1) tier(4, sql`p.skeleton_keys && ${skeletons}`);
  if (probe.phoneticKeys.length > 1) tier(5, sql`p.phonetic_keys && ${phonetics}`);
  const run = async () => {
    if (tiers.length === 0) return [];
    const result = await sql<{ id: string }>`SELECT id FROM (${sql.join(tiers, sql` UNION ALL `)}) AS candidates LIMIT ${limit}`.execute(db);
    return [...new Set(result.rows.map((row) => row.id))];
  };
  const found = await run();
  // Whole-name trigram similarity rescues typos the keys miss, but on a large registry it is the one
  // slow condition: it runs only when nothing else matched.
  if (found.length > 0 || probe.nameKey.length < 3) return found;
  tiers.length = 0;
  tier(6, sql`p.name_key % ${probe.nameKey}`);
  return run();
}

/** The first 3–6 letters of each typed word, as person_name_prefixes (migration 0027) indexes them. */
export function namePrefixes(fragment: string): string[] {
  return [...new Set(fragment.split(' ').filter((word) => word.length >= 3).map((word) => word.slice(0, 6)))];
}
