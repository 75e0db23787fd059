import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/server/modules/audit/audit.service.js';
import { writeRealtimeEvent } from '../src/server/realtime/events.js';
import { startServer, type RunningServer } from '../src/server/server.js';
import { createNetworkFixture, createStaff, testConfig, TEST_PASSWORD } from './app.js';
import { createTestDatabase, testDatabaseKind } from './database.js';
import { openSse, type SseClient } from './sse.js';

// Several processes on one PostgreSQL is the scale-out setup; PGlite is one process by design.
describe.skipIf(testDatabaseKind() === 'pglite')('two app instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let instanceA: RunningServer;
  let instanceB: RunningServer;
  let centreId: string;
  let cookie: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    ({ centreId } = await createNetworkFixture(database.db));
    await createStaff(database.db, 'mediator', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }]);
    const config = testConfig({ DATABASE_URL: database.url!, PORT: '0', DEMO: 'false' });
    instanceA = await startServer(config, { logger: false, webRoot: '/nonexistent' });
    instanceB = await startServer(config, { logger: false, webRoot: '/nonexistent' });

    // Signed in on A: the session lives in the shared database, so B knows it too.
    const login = await fetch(`${instanceA.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mediator', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await instanceA?.close();
    await instanceB?.close();
    await database?.close();
  });

  async function streamOn(instance: RunningServer, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = await openSse(`${instance.url}/api/v1/events/stream`, { cookie, ...headers });
    clients.push(client);
    expect(client.status).toBe(200);
    await client.next();
    return client;
  }

  /** A change made through instance A's own connection pool, with its audit event and realtime event. */
  function changeOnA(type: string, payload: Record<string, unknown>): Promise<number> {
    return instanceA.database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { actor: null, ip: null, requestId: null }, { action: 'test.change', resourceType: 'thing', centreId });
      return writeRealtimeEvent(trx, { type, centreId, payload });
    });
  }

  it('listens on two different ports', () => {
    expect(instanceA.url).not.toBe(instanceB.url);
  });

  it('delivers an event committed through instance A to a stream opened on instance B', async () => {
    const onB = await streamOn(instanceB);
    const onA = await streamOn(instanceA);
    await changeOnA('test.crossed', { n: 1 });
    const fromB = await onB.next((m) => m.event === 'test.crossed');
    const fromA = await onA.next((m) => m.event === 'test.crossed');
    expect(JSON.parse(fromB.data)).toMatchObject({ type: 'test.crossed', centreId, payload: { n: 1 } });
    // Positions are global: the same event has the same id on every instance.
    expect(fromB.id).toBe(fromA.id);
  });

  it('resumes on instance B from an id received on instance A', async () => {
    const onA = await streamOn(instanceA);
    await changeOnA('test.before_switch', { n: 2 });
    const last = await onA.next((m) => m.event === 'test.before_switch');
    onA.close();
    await changeOnA('test.while_away', { n: 3 });
    const onB = await streamOn(instanceB, { 'last-event-id': last.id! });
    await changeOnA('test.end', {});
    const received = await onB.until((m) => m.event === 'test.end');
    expect(received.map((m) => m.event)).toEqual(['test.while_away', 'test.end']);
  });
});
