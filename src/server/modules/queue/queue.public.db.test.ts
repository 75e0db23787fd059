import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type Session, type TestApp } from '../../../../test/app.js';
import { openSse, type SseClient } from '../../../../test/sse.js';
import { createQueueWorld, issue, post, session, type QueueWorld } from './queue.test-fixtures.js';

/** Words that would mean personal data leaked into a public answer. */
const PERSONAL = /visitId|personId|purpose|priority|staffId|interpreter|"language"/;

describe('screen tokens and public streams', () => {
  let t: TestApp;
  let url: string;
  let a: QueueWorld;
  let b: QueueWorld;
  let managerA: Session;
  let screenA: { token: string; id: string };
  let screenB: string;
  const open: SseClient[] = [];

  async function createDevice(as: Session, centreId: string, body: Record<string, unknown>) {
    return post(as, `/api/v1/centres/${centreId}/queue-devices`, body);
  }

  async function stream(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = await openSse(`${url}${path}`, headers);
    open.push(client);
    if (client.status === 200) await client.next();
    return client;
  }

  async function openAndCall(world: QueueWorld, officer = 0) {
    await post(world.officers[officer]!, `/api/v1/counters/${world.counters[officer]}/open`);
    return (await post(world.officers[officer]!, `/api/v1/counters/${world.counters[officer]}/call-next`)).json().ticket;
  }

  beforeAll(async () => {
    t = await createTestApp({ config: testConfig({ REALTIME_HEARTBEAT_SECONDS: '0.05' }) });
    a = await createQueueWorld(t, 2);
    b = await createQueueWorld(t, 1);
    managerA = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: a.centreId }], 'manager');
    const managerB = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: b.centreId }], 'manager');
    const created = (await createDevice(managerA, a.centreId, { kind: 'screen', label: 'Hall' })).json();
    screenA = { token: created.token, id: created.device.id };
    await t.db.updateTable('centres').set({ announcement_languages: ['pt', 'en'] }).where('id', '=', a.centreId).execute();
    screenB = (await createDevice(managerB, b.centreId, { kind: 'screen', label: 'Hall B' })).json().token;
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t?.close();
  });

  it('lets a centre manager create, list and revoke tokens, shown once, with audit', async () => {
    const created = await createDevice(managerA, a.centreId, { kind: 'screen', label: 'Floor 1', unitId: a.unitId });
    expect(created.statusCode).toBe(201);
    const { device, token, path } = created.json();
    expect(token).toMatch(/^scr_[A-Za-z0-9_-]{40,}$/);
    expect(path).toBe(`/display/${a.centreId}?token=${token}`);
    const list = (await managerA.request({ method: 'GET', url: `/api/v1/centres/${a.centreId}/queue-devices` })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(device.id);
    expect(JSON.stringify(list)).not.toContain(token);
    const stored = await t.db.selectFrom('queue_devices').select('token_hash').where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const revoked = await post(managerA, `/api/v1/queue-devices/${device.id}/revoke`);
    expect(revoked.json().revokedAt).not.toBeNull();
    const actions = await t.db.selectFrom('audit_events').select('action').where('resource_id', '=', device.id).execute();
    expect(actions.map((row) => row.action).sort()).toEqual(['queue.device.create', 'queue.device.revoke']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/display/${a.centreId}?token=${token}` })).statusCode).toBe(403);
  });

  it('refuses tokens to officers, unit managers and another centre’s manager', async () => {
    const unitManager = await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: a.unitId }], 'unit-manager');
    expect((await createDevice(a.officers[0]!, a.centreId, { kind: 'screen', label: 'x' })).statusCode).toBe(403);
    expect((await createDevice(unitManager, a.centreId, { kind: 'screen', label: 'x' })).statusCode).toBe(403);
    const managerB = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: b.centreId }], 'manager');
    expect((await createDevice(managerB, a.centreId, { kind: 'kiosk', label: 'x' })).statusCode).toBe(404);
  });

  it('answers unknown tokens 401 and tokens of another centre or kind 403, in the common error shape', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/public/display/${a.centreId}?token=scr_${'x'.repeat(43)}` });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: { code: 'unauthenticated', message: 'Unknown screen token' } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/display/${a.centreId}?token=${screenB}` })).json().error.code).toBe('forbidden');
    const kiosk = (await createDevice(managerA, a.centreId, { kind: 'kiosk', label: 'Door' })).json().token;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/display/${a.centreId}?token=${kiosk}` })).statusCode).toBe(403);
    expect((await stream(`/api/v1/public/display/${a.centreId}/stream?token=${screenB}`)).status).toBe(403);
  });

  it("streams only its centre's calls, with ticket, counter and service and nothing personal", async () => {
    const screen = await stream(`/api/v1/public/display/${a.centreId}/stream?token=${screenA.token}`);
    await issue(b, [b.serviceA], { priorityReasons: ['pregnancy'] });
    await openAndCall(b);
    await issue(a, [a.serviceA], { priorityReasons: ['pregnancy'] });
    const called = await openAndCall(a);
    const [message] = await screen.until((one) => one.event === 'queue.ticket_called');
    const data = JSON.parse(message!.data);
    expect(data.payload).toEqual({ ticketId: called.id, number: called.number, counterLabel: '1', serviceNames: called.serviceNames, callCount: 1, at: expect.any(String) });
    expect(Object.keys(data).sort()).toEqual(['at', 'id', 'payload', 'type']);
    expect(message!.data).not.toMatch(PERSONAL);
    await post(a.officers[0]!, `/api/v1/queue/tickets/${called.id}/recall`);
    const recalled = await screen.next((one) => one.event !== '');
    // The call at centre B, before it, never came.
    expect(recalled.event).toBe('queue.ticket_recalled');
    expect(JSON.parse(recalled.data).payload).toMatchObject({ number: called.number, callCount: 2 });

    const state = (await t.app.inject({ method: 'GET', url: `/api/v1/public/display/${a.centreId}?token=${screenA.token}` })).json();
    expect(state.calls[0]).toMatchObject({ number: called.number, counterLabel: '1', callCount: 2 });
    expect(state.centre).toMatchObject({ id: a.centreId, announcementLanguages: ['pt', 'en'] });
    expect(JSON.stringify(state)).not.toMatch(PERSONAL);
  });

  it('resumes after Last-Event-ID with the calls missed, and ends when the token is revoked', async () => {
    const first = await stream(`/api/v1/public/display/${a.centreId}/stream?token=${screenA.token}`);
    await issue(a, [a.serviceA]);
    await post(a.officers[1]!, `/api/v1/counters/${a.counters[1]}/open`);
    const one = (await post(a.officers[1]!, `/api/v1/counters/${a.counters[1]}/call-next`)).json().ticket;
    const [seen] = await first.until((message) => message.event === 'queue.ticket_called');
    first.close();
    await post(a.officers[1]!, `/api/v1/queue/tickets/${one.id}/recall`);
    await post(a.officers[1]!, `/api/v1/queue/tickets/${one.id}/recall`);
    const resumed = await stream(`/api/v1/public/display/${a.centreId}/stream?token=${screenA.token}`, { 'last-event-id': seen!.id! });
    const missed = await resumed.until((message) => message.event === 'queue.ticket_recalled' && JSON.parse(message.data).payload.callCount === 3);
    expect(missed.map((message) => JSON.parse(message.data).payload.callCount)).toEqual([2, 3]);

    const revocable = (await createDevice(managerA, a.centreId, { kind: 'screen', label: 'Temporary' })).json();
    const doomed = await stream(`/api/v1/public/display/${a.centreId}/stream?token=${revocable.token}`);
    await post(managerA, `/api/v1/queue-devices/${revocable.device.id}/revoke`);
    await doomed.ended();
  });

  it("streams a phone its own ticket's moments in full and its queue's as 'the line moved'", async () => {
    const c = await createQueueWorld(t, 1);
    const before = (await issue(c, [c.serviceA])).json().tickets[0];
    const mine = (await issue(c, [c.serviceA])).json();
    await issue(c, [c.serviceB]);
    const phone = await stream(`/api/v1/public/tickets/${mine.publicCode}/stream`);
    // Another unit's counter and call first: they must not reach this phone.
    await post(c.officerB, `/api/v1/counters/${c.counterB}/open`);
    await post(c.officerB, `/api/v1/counters/${c.counterB}/call-next`);
    await post(c.officers[0]!, `/api/v1/counters/${c.counters[0]}/open`);
    await post(c.officers[0]!, `/api/v1/counters/${c.counters[0]}/call-next`);
    await post(c.officers[0]!, `/api/v1/queue/tickets/${before.id}/start`);
    await post(c.officers[0]!, `/api/v1/queue/tickets/${before.id}/end`, { outcome: 'resolved' });
    await post(c.officers[0]!, `/api/v1/counters/${c.counters[0]}/call-next`);
    const messages = await phone.until((message) => message.event === 'queue.ticket_called' && JSON.parse(message.data).payload.mine === true);
    expect(messages.map((message) => `${message.event}:${JSON.parse(message.data).payload.mine}`)).toEqual([
      'queue.counter_changed:false',
      'queue.ticket_called:false',
      'queue.ticket_started:false',
      'queue.ticket_ended:false',
      'queue.ticket_called:true',
    ]);
    expect(JSON.parse(messages.at(-1)!.data).payload).toEqual({ mine: true, number: mine.tickets[0].number, state: 'called', counterLabel: '1', callCount: 1 });
    for (const message of messages) expect(message.data).not.toMatch(PERSONAL);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/tickets/AAAAAAAAAA/stream' })).statusCode).toBe(404);
  });
});
