import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/types.js';
import { toLatin } from '../src/server/modules/people/people.keys.js';
import { PersonSearchQuery } from '../src/server/modules/people/people.schemas.js';
import { searchPeople } from '../src/server/modules/people/people.service.js';
import { openBenchDatabase } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';
import { insertGeneratedPeople, randomGenerator, type GeneratedPerson } from './people-generator.js';
import { insertCentre, insertNetwork, staffContext, timed } from './seed.js';

/** PGlite (one process, WebAssembly) loads a tenth of the people; the result says which count ran. */
const PEOPLE = { postgres: Number(process.env.PERSON_SEARCH_COUNT ?? 1_000_000), pglite: Number(process.env.PERSON_SEARCH_COUNT ?? 100_000) } as const;
const QUERIES = 300;
const WARM_UP = 30;

/** The registry's own indexes (migrations 0007 and 0027), dropped for the bulk load and built again after it. */
const PEOPLE_INDEXES: [name: string, definition: string][] = [
  ['people_name_key_trgm_idx', 'CREATE INDEX people_name_key_trgm_idx ON people USING gin (name_key gin_trgm_ops)'],
  ['people_skeleton_keys_idx', 'CREATE INDEX people_skeleton_keys_idx ON people USING gin (skeleton_keys)'],
  ['people_phonetic_keys_idx', 'CREATE INDEX people_phonetic_keys_idx ON people USING gin (phonetic_keys)'],
  ['people_home_centre_idx', 'CREATE INDEX people_home_centre_idx ON people (home_centre_id) WHERE merged_into IS NULL'],
  ['people_name_prefixes_idx', 'CREATE INDEX people_name_prefixes_idx ON people USING gin (person_name_prefixes(name_key))'],
];

/**
 * What staff type in the search box: a given name's first letters in Latin, a name in its own
 * script (whole or its start), a family name, a full name in either order, a Chinese name.
 */
function queriesFrom(sample: GeneratedPerson[], count: number): string[] {
  const random = randomGenerator(7);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const queries: string[] = [];
  while (queries.length < count) {
    const person = pick(sample);
    const kind = Math.floor(random() * 6);
    const native = person.nativeGivenNames || person.nativeFamilyNames;
    if (kind === 0) queries.push(person.givenNames.slice(0, 4 + Math.floor(random() * 3)));
    else if (kind === 1 && native) queries.push(native);
    else if (kind === 2 && person.nativeFamilyNames) queries.push([...person.nativeFamilyNames].slice(0, 3).join(''));
    else if (kind === 3) queries.push(person.familyNames.split(' ')[0]!);
    else if (kind === 4) queries.push(`${person.givenNames} ${person.familyNames.split(' ')[0]}`);
    else queries.push(`${person.familyNames.split(' ')[0]} ${person.givenNames}`);
  }
  return queries;
}

/**
 * Search by a name fragment in any script over a large registry through the real search service
 * (people.service.searchPeople: candidates in SQL, scoring, one audit row per person shown), one
 * request at a time. Baseline in the same run: a raw pg_trgm query (`name_key % q`, best 20) on the
 * transliterated text.
 */
export const personSearchBenchmark: Benchmark = {
  name: 'person-search',
  description: 'search by name fragment in any script over 1,000,000 generated people (100,000 on PGlite) vs a raw trigram query',
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    const { db } = database.handle;
    try {
      const count = PEOPLE[database.label];
      const networkId = await insertNetwork(db);
      const centres = [await insertCentre(db, networkId, 'SRCH1'), await insertCentre(db, networkId, 'SRCH2')];
      const context = await staffContext(db, 'phone-line', 'phone_operator', 'network', networkId);
      for (const [name] of PEOPLE_INDEXES) await sql.raw(`DROP INDEX ${name}`).execute(db);
      let sample: GeneratedPerson[] = [];
      const loadSeconds = await timed(async () => {
        sample = await insertGeneratedPeople(db, centres, count, 42, (done) => {
          if (done % 100_000 === 0) console.log(`  ${done} people`);
        });
      });
      const indexSeconds = await timed(async () => {
        for (const [, definition] of PEOPLE_INDEXES) await sql.raw(definition).execute(db);
        await sql`ANALYZE people`.execute(db);
      });
      console.log(`  ${count} people written in ${round(loadSeconds)} s, indexed in ${round(indexSeconds)} s`);
      const queries = queriesFrom(sample, QUERIES + WARM_UP);
      const real = await latencies(queries, async (q) => {
        await searchPeople(db, context, PersonSearchQuery.parse({ q }));
      });
      const raw = await latencies(queries, async (q) => {
        await rawTrigramSearch(db, toLatin(q));
      });
      const hits = await searchPeople(db, context, PersonSearchQuery.parse({ q: queries[WARM_UP]! }));
      console.log(`  e.g. "${queries[WARM_UP]}" → ${hits.items.length} hits`);
      console.log(`  search p50 ${round(percentile(real, 50))} ms, p95 ${round(percentile(real, 95))} ms; raw trigram p50 ${round(percentile(raw, 50))} ms, p95 ${round(percentile(raw, 95))} ms`);
      return {
        name: 'person-search',
        db: database.label,
        ...measurement(`search p95 over ${count} people`, percentile(real, 95), 'ms', percentile(raw, 95), 25, 'max'),
        more: [
          measurement('search p50', percentile(real, 50), 'ms', percentile(raw, 50), 25, 'max'),
          measurement('people written per second', count / loadSeconds, 'people/s', count / loadSeconds, 0, 'min'),
        ],
      };
    } finally {
      await database.close();
    }
  },
};

async function latencies(queries: string[], run: (q: string) => Promise<void>): Promise<number[]> {
  const measured: number[] = [];
  for (const [i, q] of queries.entries()) {
    const startedAt = performance.now();
    await run(q);
    if (i >= WARM_UP) measured.push(performance.now() - startedAt);
  }
  return measured.sort((a, b) => a - b);
}

async function rawTrigramSearch(db: Kysely<Database>, latin: string): Promise<void> {
  await sql`SELECT id FROM people WHERE name_key % ${latin} ORDER BY similarity(name_key, ${latin}) DESC LIMIT 20`.execute(db);
}
