import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/types.js';
import { confusion, loadLabelledPairs, predictsSamePerson, type FixturePerson, type LabelledPair } from '../src/server/modules/people/people.test-fixtures.js';
import { openBenchDatabase } from './database.js';
import { measurement, round, type Benchmark } from './lib.js';
import { insertCentre, insertNetwork, staffContext } from './seed.js';

/** The baseline calls a pair the same person at this trigram similarity of the raw full names. */
const BASELINE_TRIGRAM_THRESHOLD = 0.5;

/**
 * Duplicate detection on the labelled pairs of test/fixtures/people-pairs.json through the real path
 * (as in people.matching.db.test.ts): the first record is registered, the second is checked the way
 * registration checks it (SQL candidates on transliterated, skeleton and phonetic keys, then scoring).
 * Baseline, in the same run on the same database: double metaphone + trigram similarity on the raw
 * strings, without transliteration — same person when the full names' trigram similarity reaches
 * BASELINE_TRIGRAM_THRESHOLD or given and family names have the same non-empty double metaphone codes.
 */
export const personDedupBenchmark: Benchmark = {
  name: 'person-dedup',
  description: 'precision and recall on the labelled pairs vs raw double metaphone + trigram similarity',
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    const { db } = database.handle;
    try {
      const networkId = await insertNetwork(db);
      const centreId = await insertCentre(db, networkId, 'PEOPLE');
      const context = await staffContext(db, 'matcher', 'reception_mediator', 'centre', centreId);
      const tuning = await evaluate(db, context, centreId, loadLabelledPairs());
      // The held-out pairs at a centre of their own, so the two sets never meet as candidates.
      const heldOutCentreId = await insertCentre(db, networkId, 'HELDOUT');
      const heldOutContext = await staffContext(db, 'matcher-heldout', 'reception_mediator', 'centre', heldOutCentreId);
      const heldOut = await evaluate(db, heldOutContext, heldOutCentreId, loadLabelledPairs('people-pairs-heldout.json'));
      const [real, baseline, pairs] = [tuning.real, tuning.baseline, tuning.pairs];
      const measured = confusion(real);
      const raw = confusion(baseline);
      const held = confusion(heldOut.real);
      console.log(`  held-out ${heldOut.pairs.length} pairs: precision ${round(held.precision)}, recall ${round(held.recall)}; missed or wrong: ${heldOut.wrong.join('; ') || 'none'}`);
      console.log(`  ${pairs.length} pairs; real path precision ${round(measured.precision)}, recall ${round(measured.recall)}; baseline precision ${round(raw.precision)}, recall ${round(raw.recall)}`);
      return {
        name: 'person-dedup',
        db: database.label,
        ...measurement('duplicate detection precision', measured.precision, 'ratio', raw.precision, 0.95, 'min'),
        more: [
          measurement('duplicate detection recall', measured.recall, 'ratio', raw.recall, 0.9, 'min'),
          measurement('held-out precision', confusion(heldOut.real).precision, 'ratio', confusion(heldOut.baseline).precision, 0.9, 'min'),
          measurement('held-out recall', confusion(heldOut.real).recall, 'ratio', confusion(heldOut.baseline).recall, 0.85, 'min'),
        ],
      };
    } finally {
      await database.close();
    }
  },
};

/** Runs every pair through registration's real path and the baseline; notes what went wrong. */
async function evaluate(db: Kysely<Database>, context: Awaited<ReturnType<typeof staffContext>>, centreId: string, pairs: LabelledPair[]) {
  const real: { expected: boolean; predicted: boolean }[] = [];
  const baseline: { expected: boolean; predicted: boolean }[] = [];
  for (const pair of pairs) {
    real.push({ expected: pair.match, predicted: await predictsSamePerson(db, context, centreId, pair) });
    baseline.push({ expected: pair.match, predicted: await rawNamesMatch(db, pair.a, pair.b) });
  }
  const wrong = pairs.filter((_, i) => real[i]!.expected !== real[i]!.predicted).map((pair) => `${pair.match ? 'missed' : 'false match'}: ${pair.note}`);
  return { pairs, real, baseline, wrong };
}

function fullName(person: FixturePerson): string {
  return [person.givenNames, person.familyNames, person.nativeGivenNames ?? '', person.nativeFamilyNames ?? ''].join(' ').replace(/\s+/g, ' ').trim();
}

/** The baseline's verdict, computed by the database's own pg_trgm and fuzzystrmatch on the raw strings. */
async function rawNamesMatch(db: Kysely<Database>, a: FixturePerson, b: FixturePerson): Promise<boolean> {
  const given = (person: FixturePerson) => person.givenNames || person.nativeGivenNames || '';
  const family = (person: FixturePerson) => person.familyNames || person.nativeFamilyNames || '';
  const row = await sql<{ same: boolean }>`
    SELECT similarity(lower(${fullName(a)}), lower(${fullName(b)})) >= ${BASELINE_TRIGRAM_THRESHOLD}
      OR (dmetaphone(${given(a)}) <> '' AND dmetaphone(${given(a)}) = dmetaphone(${given(b)})
          AND dmetaphone(${family(a)}) <> '' AND dmetaphone(${family(a)}) = dmetaphone(${family(b)})) AS same`.execute(db);
  return row.rows[0]?.same ?? false;
}
