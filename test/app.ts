import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Role, ScopeType } from '../src/shared/access.js';
import { buildApp, type AppDependencies } from '../src/server/app.js';
import { loadConfig, type Config } from '../src/server/config.js';
import type { DatabaseHandle } from '../src/server/db/client.js';
import type { Database } from '../src/server/db/types.js';
import { hashPassword } from '../src/server/modules/auth/auth.passwords.js';
import { sealTotpSecret } from '../src/server/modules/auth/auth.totp.js';
import { RealtimeBus } from '../src/server/realtime/bus.js';
import { createTestDatabase } from './database.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  db: Kysely<Database>;
  deps: AppDependencies;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  // Proof-of-work and per-address limits are proven on their own (appointments.fairness.db.test.ts); other
  // tests send many public requests from one address without solving challenges.
  return loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false', DATA_DIR: '/tmp/oneroof-test-data', ALTCHA_REQUIRED: 'false', PUBLIC_BOOKING_RATE_LIMIT: '1000000', ...overrides });
}

/** The whole app on a fresh database, not listening: requests go through `app.inject`. */
export async function createTestApp(options: { config?: Config; database?: DatabaseHandle } = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = options.config ?? testConfig();
  const bus = new RealtimeBus(database, { warn: () => undefined, error: () => undefined });
  const deps: AppDependencies = { config, database, db: database.db, bus };
  const app = await buildApp(deps, { logger: false });
  await bus.start();
  return {
    app,
    database,
    db: database.db,
    deps,
    async close() {
      await app.close();
      await bus.stop();
      await database.close();
    },
  };
}

export interface GrantInput {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

/** A staff account with the test password and the given grants. */
export async function createStaff(db: Kysely<Database>, username: string, grants: GrantInput[], extra: { totpSecret?: string } = {}): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const id = uuidv7();
  await db
    .insertInto('staff')
    .values({
      id,
      username,
      display_name: username,
      password_hash: await testPasswordHash,
      // Stored sealed, as the server stores it (see auth.secret-box.ts).
      totp_secret: extra.totpSecret ? await sealTotpSecret(testConfig().dataDir, id, extra.totpSecret) : null,
      totp_enabled: Boolean(extra.totpSecret),
    })
    .execute();
  for (const grant of grants) {
    await db.insertInto('staff_roles').values({ id: uuidv7(), staff_id: id, role: grant.role, scope_type: grant.scopeType, scope_id: grant.scopeId }).execute();
  }
  return id;
}

/** A signed-in browser: sends the session cookie and, on writes, the CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return {
    cookie,
    csrfToken,
    request(options) {
      const method = (options.method ?? 'GET').toUpperCase();
      const headers: Record<string, string> = { cookie, ...(options.headers as Record<string, string> | undefined) };
      if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['x-csrf-token'] ??= csrfToken;
      return app.inject({ ...options, headers });
    },
  };
}

/** A network with one centre, one unit, one service and one counter, for tests that need a place. */
export async function createNetworkFixture(db: Kysely<Database>, label = 'A'): Promise<{ networkId: string; centreId: string; unitId: string; serviceId: string; counterId: string }> {
  const existing = await db.selectFrom('networks').select('id').executeTakeFirst();
  const networkId = existing?.id ?? uuidv7();
  if (!existing) await db.insertInto('networks').values({ id: networkId, name: 'Test network' }).execute();
  const centreId = uuidv7();
  const unitId = uuidv7();
  const serviceId = uuidv7();
  const counterId = uuidv7();
  await db.insertInto('centres').values({ id: centreId, network_id: networkId, code: `C${label}${centreId.slice(-6)}`, name: `Centre ${label}`, kind: 'local', time_zone: 'Europe/Lisbon' }).execute();
  await db.insertInto('units').values({ id: unitId, centre_id: centreId, code: 'IMM', name: `Immigration ${label}`, kind: 'agency_branch' }).execute();
  await db
    .insertInto('services')
    .values({ id: serviceId, unit_id: unitId, code: 'RENEW', names: JSON.stringify({ pt: 'Renovação', en: 'Renewal' }), typical_minutes: 15, ticket_prefix: 'A' })
    .execute();
  await db.insertInto('counters').values({ id: counterId, unit_id: unitId, label: '1' }).execute();
  await db.insertInto('counter_services').values({ counter_id: counterId, service_id: serviceId }).execute();
  return { networkId, centreId, unitId, serviceId, counterId };
}
