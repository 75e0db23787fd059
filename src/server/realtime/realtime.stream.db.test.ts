import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, testConfig, type Session, type TestApp } from '../../../test/app.js';
import { openSse, type SseClient, type SseMessage } from '../../../test/sse.js';
import { writeRealtimeEvent, type RealtimeEventInput } from './events.js';

describe('the realtime event stream', () => {
  let t: TestApp;
  let url: string;
  let place: { centreA: string; unitA: string; centreB: string; unitB: string };
  const sessions: Record<string, Session> = {};
  const open: SseClient[] = [];

  beforeAll(async () => {
    t = await createTestApp({ config: testConfig({ REALTIME_HEARTBEAT_SECONDS: '0.05' }) });
    const a = await createNetworkFixture(t.db, 'A');
    const b = await createNetworkFixture(t.db, 'B');
    place = { centreA: a.centreId, unitA: a.unitId, centreB: b.centreId, unitB: b.unitId };
    await createStaff(t.db, 'net', [{ role: 'network_admin', scopeType: 'network', scopeId: a.networkId }]);
    await createStaff(t.db, 'centre-a', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: a.centreId }]);
    await createStaff(t.db, 'unit-a', [{ role: 'support_mediator', scopeType: 'unit', scopeId: a.unitId }]);
    await createStaff(t.db, 'centre-b', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: b.centreId }]);
    for (const name of ['net', 'centre-a', 'unit-a', 'centre-b']) sessions[name] = await signIn(t.app, name);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t?.close();
  });

  async function stream(who: string, headers: Record<string, string> = {}, query = ''): Promise<SseClient> {
    const client = await openSse(`${url}/api/v1/events/stream${query}`, { cookie: sessions[who]!.cookie, ...headers });
    open.push(client);
    // The first block is sent once the stream has subscribed: events committed after it are live.
    await client.next();
    return client;
  }

  function publish(event: RealtimeEventInput): Promise<number> {
    return t.db.transaction().execute((trx) => writeRealtimeEvent(trx, event));
  }

  const types = (messages: SseMessage[]) => messages.map((message) => message.event);
  const isEnd = (marker: string) => (message: SseMessage) => message.event === 'test.end' && JSON.parse(message.data).payload.marker === marker;

  it('refuses someone who is not signed in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/events/stream' });
    expect(response.statusCode).toBe(401);
  });

  it('answers with an event stream that proxies must not buffer', async () => {
    const client = await stream('net');
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(client.headers.get('x-accel-buffering')).toBe('no');
    client.close();
  });

  it('delivers each committed event only to those who may see its place', async () => {
    const clients = { net: await stream('net'), centreA: await stream('centre-a'), unitA: await stream('unit-a'), centreB: await stream('centre-b') };
    await publish({ type: 'test.network' });
    await publish({ type: 'test.centre_a', centreId: place.centreA });
    await publish({ type: 'test.unit_a', unitId: place.unitA });
    await publish({ type: 'test.unit_b', unitId: place.unitB });
    await publish({ type: 'test.end', payload: { marker: 'scope' } });

    const received = {
      net: types(await clients.net.until(isEnd('scope'))),
      centreA: types(await clients.centreA.until(isEnd('scope'))),
      unitA: types(await clients.unitA.until(isEnd('scope'))),
      centreB: types(await clients.centreB.until(isEnd('scope'))),
    };
    expect(received).toEqual({
      net: ['test.network', 'test.centre_a', 'test.unit_a', 'test.unit_b', 'test.end'],
      centreA: ['test.network', 'test.centre_a', 'test.unit_a', 'test.end'],
      unitA: ['test.network', 'test.centre_a', 'test.unit_a', 'test.end'],
      centreB: ['test.network', 'test.unit_b', 'test.end'],
    });
    for (const client of Object.values(clients)) client.close();
  });

  it('sends the documented envelope, with the id line equal to the envelope id', async () => {
    const client = await stream('centre-a');
    await publish({ type: 'test.envelope', unitId: place.unitA, payload: { ticket: 'A042' } });
    const message = await client.next((m) => m.event === 'test.envelope');
    const envelope = JSON.parse(message.data);
    expect(envelope).toEqual({
      id: Number(message.id),
      type: 'test.envelope',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      // The unit's centre was filled in when the event was written.
      centreId: place.centreA,
      unitId: place.unitA,
      payload: { ticket: 'A042' },
    });
    client.close();
  });

  it('publishes nothing for a change that rolls back', async () => {
    const client = await stream('net');
    await t.db
      .transaction()
      .execute(async (trx) => {
        await writeRealtimeEvent(trx, { type: 'test.rolled_back' });
        throw new Error('the change fails');
      })
      .catch(() => undefined);
    await publish({ type: 'test.end', payload: { marker: 'rollback' } });
    expect(types(await client.until(isEnd('rollback')))).toEqual(['test.end']);
    client.close();
  });

  it('sends heartbeats that move the resume point past events the actor may not see', async () => {
    const client = await stream('centre-b');
    await publish({ type: 'test.hidden', centreId: place.centreA });
    const hidden = await t.db.selectFrom('realtime_events').select('position').where('type', '=', 'test.hidden').executeTakeFirstOrThrow();
    const beat = await client.next((m) => m.comments.includes('heartbeat') && m.id !== undefined);
    expect(Number(beat.id)).toBeGreaterThanOrEqual(Number(hidden.position));
    expect(beat.event).toBe('');
    client.close();
  });

  it('ends the stream when its session is signed out', async () => {
    const session = await signIn(t.app, 'centre-b');
    const client = await openSse(`${url}/api/v1/events/stream`, { cookie: session.cookie });
    open.push(client);
    await client.next();
    expect((await session.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    await client.ended();
  });
});

describe('closing the server', () => {
  it('ends open streams instead of waiting for them', async () => {
    const t = await createTestApp();
    const { networkId } = await createNetworkFixture(t.db);
    await createStaff(t.db, 'watcher', [{ role: 'reception_mediator', scopeType: 'network', scopeId: networkId }]);
    const session = await signIn(t.app, 'watcher');
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const clients = [await openSse(`${url}/api/v1/events/stream`, { cookie: session.cookie }), await openSse(`${url}/api/v1/events/stream`, { cookie: session.cookie })];
    for (const client of clients) await client.next();
    await t.close();
    for (const client of clients) await client.ended();
  });
});
