import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../test/app.js';
import { testDatabaseKind } from '../../../test/database.js';
import { openSse, type SseClient, type SseMessage } from '../../../test/sse.js';
import { writeRealtimeEvent } from './events.js';
import { purgeRealtimeEvents } from './retention.js';

describe('resuming the realtime event stream', () => {
  let t: TestApp;
  let url: string;
  let session: Session;
  const open: SseClient[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const { networkId } = await createNetworkFixture(t.db);
    await createStaff(t.db, 'screen', [{ role: 'reception_mediator', scopeType: 'network', scopeId: networkId }]);
    session = await signIn(t.app, 'screen');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t?.close();
  });

  async function stream(headers: Record<string, string> = {}, query = ''): Promise<SseClient> {
    const client = await openSse(`${url}/api/v1/events/stream${query}`, { cookie: session.cookie, ...headers });
    open.push(client);
    return client;
  }

  function publish(type: string, payload: Record<string, unknown> = {}): Promise<number> {
    return t.db.transaction().execute((trx) => writeRealtimeEvent(trx, { type, payload }));
  }

  async function latestPosition(): Promise<number> {
    return t.deps.bus.latestPosition();
  }

  const ids = (messages: SseMessage[]) => messages.map((message) => Number(message.id));
  const payloadOf = (message: SseMessage) => JSON.parse(message.data).payload as Record<string, unknown>;
  const isEnd = (marker: string) => (message: SseMessage) => message.event === 'test.end' && payloadOf(message).marker === marker;

  function expectStrictlyIncreasing(values: number[]): void {
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
  }

  it.each([
    ['the Last-Event-ID header', (id: number) => ({ headers: { 'last-event-id': String(id) }, query: '' })],
    ['the lastEventId query parameter', (id: number) => ({ headers: {}, query: `?lastEventId=${id}` })],
  ])('replays what was missed, then goes live, with %s', async (_name, resumeWith) => {
    const first = await stream();
    await first.next();
    await publish('test.seen', { n: 1 });
    const seen = await first.next((m) => m.event === 'test.seen');
    first.close();

    await publish('test.missed', { n: 2 });
    await publish('test.missed', { n: 3 });
    const { headers, query } = resumeWith(Number(seen.id));
    const again = await stream(headers, query);
    await publish('test.live', { n: 4 });
    await publish('test.end', { marker: `resume${query}` });
    const received = await again.until(isEnd(`resume${query}`));
    expect(received.map((m) => [m.event, payloadOf(m).n])).toEqual([
      ['test.missed', 2],
      ['test.missed', 3],
      ['test.live', 4],
      ['test.end', undefined],
    ]);
    expectStrictlyIncreasing([Number(seen.id), ...ids(received)]);
    again.close();
  });

  it('delivers every event exactly once while replay and live delivery overlap', async () => {
    const before = await latestPosition();
    // More than one replay page, committed before the stream opens…
    await t.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 600; n++) await writeRealtimeEvent(trx, { type: 'test.backlog', payload: { n } });
    });
    // …and more committed while it replays.
    const publishing = (async () => {
      for (let n = 0; n < 40; n++) await publish('test.burst', { n });
    })();
    const client = await stream({ 'last-event-id': String(before) });
    await publishing;
    await publish('test.end', { marker: 'overlap' });
    const received = await client.until(isEnd('overlap'));
    const backlog = received.filter((m) => m.event === 'test.backlog').map((m) => payloadOf(m).n);
    const burst = received.filter((m) => m.event === 'test.burst').map((m) => payloadOf(m).n);
    expect(backlog).toEqual([...Array(600).keys()]);
    expect(burst).toEqual([...Array(40).keys()]);
    expect(received).toHaveLength(641);
    expectStrictlyIncreasing(ids(received));
    client.close();
  });

  it('tells a client resuming from an unknown position to reload', async () => {
    const latest = await latestPosition();
    const client = await stream({ 'last-event-id': String(latest + 1000) });
    const reset = await client.next((m) => m.event !== '');
    expect(reset.event).toBe('reset');
    expect(JSON.parse(reset.data)).toMatchObject({ type: 'reset', reason: 'unknown_position' });
    await publish('test.after_reset');
    expect((await client.next((m) => m.event !== '')).event).toBe('test.after_reset');
    client.close();
  });

  it('tells a client resuming from before deleted history to reload, instead of skipping silently', async () => {
    const before = await latestPosition();
    await publish('test.old');
    await publish('test.old');
    await t.db.updateTable('realtime_events').set({ at: new Date('2000-01-01T00:00:00Z') }).where('type', '=', 'test.old').execute();
    expect(await purgeRealtimeEvents(t.db, new Date('2001-01-01T00:00:00Z'))).toBe(2);
    const client = await stream({ 'last-event-id': String(before) });
    const reset = await client.next((m) => m.event !== '');
    expect(JSON.parse(reset.data)).toMatchObject({ type: 'reset', reason: 'history_deleted' });
    client.close();
  });

  it('refuses a malformed resume position', async () => {
    const response = await session.request({ method: 'GET', url: '/api/v1/events/stream?lastEventId=abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('querystring.lastEventId');
  });

  it.skipIf(testDatabaseKind() === 'pglite')('orders events by commit, so a transaction that commits late is not skipped', async () => {
    const client = await stream();
    await client.next();
    let letFirstCommit!: () => void;
    const gate = new Promise<void>((resolve) => (letFirstCommit = resolve));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
    // The first transaction inserts its event (taking the lower row id) but commits last.
    const slow = t.db.transaction().execute(async (trx) => {
      await writeRealtimeEvent(trx, { type: 'test.committed_second' });
      firstWrote();
      await gate;
    });
    await wrote;
    await publish('test.committed_first');
    const early = await client.next((m) => m.event === 'test.committed_first');
    letFirstCommit();
    await slow;
    const late = await client.next((m) => m.event === 'test.committed_second');
    expect(Number(late.id)).toBeGreaterThan(Number(early.id));

    // A client that saw only the early one and resumes after it still receives the late one.
    const resumed = await stream({ 'last-event-id': String(early.id) });
    await publish('test.end', { marker: 'late' });
    expect((await resumed.until(isEnd('late'))).map((m) => m.event)).toEqual(['test.committed_second', 'test.end']);
    client.close();
    resumed.close();
  });
});
