import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/types.js';
import { hashPassword } from '../src/server/modules/auth/auth.passwords.js';
import { RealtimeBus } from '../src/server/realtime/bus.js';
import { openBenchDatabase, runConcurrently } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';

const REQUESTS = 1500;
const CONCURRENCY = 8;
const PASSWORD = 'bench password 12345';

/**
 * A write through the whole API (HTTP, session, CSRF, validation, policy, update + audit event +
 * realtime event in one transaction) against the raw single-row transaction rate of the same database.
 */
export const apiWriteBenchmark: Benchmark = {
  name: 'api-write',
  description: `PATCH /api/v1/services/:id over HTTP (${CONCURRENCY} at a time) vs raw single-row update transactions`,
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    const { db } = database.handle;
    const ids = await seed(database.handle.db);
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false', PORT: '0' });
    const bus = new RealtimeBus(database.handle, { warn: () => undefined, error: () => undefined });
    const app = await buildApp({ config, database: database.handle, db, bus }, { logger: false });
    await bus.start();
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const signIn = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench.admin', password: PASSWORD }),
      });
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };

      // Raw: the cheapest durable write the database offers, with the same concurrency.
      await sql`CREATE TABLE bench_rows (id integer PRIMARY KEY, n integer NOT NULL)`.execute(db);
      await sql`INSERT INTO bench_rows SELECT g, 0 FROM generate_series(1, ${CONCURRENCY}) g`.execute(db);
      const rawStart = performance.now();
      await runConcurrently(REQUESTS, CONCURRENCY, async (index) => {
        await db.transaction().execute(async (trx) => {
          await sql`UPDATE bench_rows SET n = n + 1 WHERE id = ${(index % CONCURRENCY) + 1}`.execute(trx);
        });
      });
      const rawRate = REQUESTS / ((performance.now() - rawStart) / 1000);

      const apiStart = performance.now();
      let failures = 0;
      const latencies = await runConcurrently(REQUESTS, CONCURRENCY, async (index) => {
        const response = await fetch(`${base}/api/v1/services/${ids.serviceIds[index % ids.serviceIds.length]}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ typicalMinutes: 10 + (index % 20) }),
        });
        if (response.status !== 200) failures++;
        await response.arrayBuffer();
      });
      const apiRate = REQUESTS / ((performance.now() - apiStart) / 1000);
      if (failures > 0) throw new Error(`${failures} of ${REQUESTS} API writes failed`);
      latencies.sort((a, b) => a - b);
      return {
        name: 'api-write',
        db: database.label,
        ...measurement('API writes per second', apiRate, 'req/s', rawRate, 0.1, 'ratio-min'),
        more: [measurement('API write p99 latency', percentile(latencies, 99), 'ms', round(1000 / rawRate), 250, 'max')],
      };
    } finally {
      await app.close();
      await bus.stop();
      await database.close();
    }
  },
};

async function seed(db: Kysely<Database>) {
  const networkId = uuidv7();
  const centreId = uuidv7();
  const unitId = uuidv7();
  const staffId = uuidv7();
  await db.insertInto('networks').values({ id: networkId, name: 'Bench network' }).execute();
  await db.insertInto('centres').values({ id: centreId, network_id: networkId, code: 'BENCH', name: 'Bench centre', kind: 'national', time_zone: 'Europe/Lisbon' }).execute();
  await db.insertInto('units').values({ id: unitId, centre_id: centreId, code: 'IMM', name: 'Immigration', kind: 'agency_branch' }).execute();
  const serviceIds = Array.from({ length: CONCURRENCY }, () => uuidv7());
  for (const [index, id] of serviceIds.entries()) {
    await db
      .insertInto('services')
      .values({ id, unit_id: unitId, code: `S${index}`, names: JSON.stringify({ pt: `Serviço ${index}`, en: `Service ${index}` }), typical_minutes: 15, ticket_prefix: String.fromCharCode(65 + index) })
      .execute();
  }
  await db.insertInto('staff').values({ id: staffId, username: 'bench.admin', display_name: 'Bench admin', password_hash: await hashPassword(PASSWORD) }).execute();
  await db.insertInto('staff_roles').values({ id: uuidv7(), staff_id: staffId, role: 'network_admin', scope_type: 'network', scope_id: networkId }).execute();
  return { serviceIds };
}
