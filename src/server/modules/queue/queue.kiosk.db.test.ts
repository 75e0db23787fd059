import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { createQueueWorld, post, session, type QueueWorld } from './queue.test-fixtures.js';

describe('the kiosk', () => {
  let t: TestApp;
  let world: QueueWorld;
  let manager: Session;
  let token: string;

  const headers = (extra: Record<string, string> = {}) => ({ 'x-device-token': token, ...extra });
  const state = async (centreId = world.centreId, kioskToken = token) =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/kiosk/${centreId}`, headers: { 'x-device-token': kioskToken } });
  const take = (serviceId: string, extra: Record<string, string> = {}, kioskToken = token) =>
    t.app.inject({ method: 'POST', url: `/api/v1/public/kiosk/${world.centreId}/tickets`, headers: { ...headers(extra), 'x-device-token': kioskToken }, payload: { serviceId, language: 'ar' } });

  beforeAll(async () => {
    t = await createTestApp();
    world = await createQueueWorld(t, 1);
    manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: world.centreId }], 'manager');
    token = (await post(manager, `/api/v1/centres/${world.centreId}/queue-devices`, { kind: 'kiosk', label: 'Entrance' })).json().token;
  });
  afterAll(() => t?.close());

  it('offers the live services of its centre, open, with the wait of a ticket taken now', async () => {
    const response = await state();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ centre: { id: world.centreId }, kiosk: { label: 'Entrance' }, open: true, nextOpening: null });
    expect(body.services.map((service: { id: string }) => service.id).sort()).toEqual([world.serviceA, world.serviceB].sort());
    // No counter is open yet: no estimate, not a made-up one.
    expect(body.services.every((service: { state: string; estimatedMinutes: null }) => service.state === 'open' && service.estimatedMinutes === null)).toBe(true);
  });

  it('issues a ticket through the engine, once per Idempotency-Key, without a signed-in user', async () => {
    const first = await take(world.serviceA, { 'idempotency-key': 'kiosk-press-0001' });
    expect(first.statusCode).toBe(201);
    const ticket = first.json();
    expect(ticket).toMatchObject({ number: expect.stringMatching(/^A\d{3}$/), language: 'ar', publicCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/) });
    const again = await take(world.serviceA, { 'idempotency-key': 'kiosk-press-0001' });
    expect(again.json().publicCode).toBe(ticket.publicCode);
    const visits = await t.db.selectFrom('visits').select(['origin', 'created_by']).where('public_code', '=', ticket.publicCode).execute();
    expect(visits).toEqual([{ origin: 'kiosk', created_by: null }]);
    const audit = await t.db.selectFrom('audit_events').select(['actor_name', 'details']).where('action', '=', 'queue.visit.create').where('centre_id', '=', world.centreId).execute();
    expect(audit.some((row) => (row.details as { kioskId?: string }).kioskId !== undefined && row.actor_name === 'anonymous')).toBe(true);
    await post(world.officers[0]!, `/api/v1/counters/${world.counters[0]}/open`);
    const estimate = (await state()).json().services.find((service: { id: string }) => service.id === world.serviceA);
    expect(estimate).toMatchObject({ waiting: 1, state: 'open', estimatedMinutes: expect.any(Number) });
  });

  it('stops at the daily quota, kiosk only, and says when it opens again', async () => {
    const issued = await t.db.selectFrom('ticket_sequences').select('last_number').where('service_id', '=', world.serviceB).executeTakeFirst();
    const quota = (issued?.last_number ?? 0) + 2;
    const set = await manager.request({ method: 'PUT', url: `/api/v1/services/${world.serviceB}/daily-quota`, payload: { dailyQuota: quota } });
    expect(set.json()).toEqual({ serviceId: world.serviceB, dailyQuota: quota });
    expect((await take(world.serviceB)).statusCode).toBe(201);
    expect((await take(world.serviceB)).statusCode).toBe(201);
    const full = await take(world.serviceB);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.fields).toEqual([{ path: 'body.serviceId', message: 'is full today' }]);
    const body = (await state()).json();
    expect(body.services.find((service: { id: string }) => service.id === world.serviceB).state).toBe('full');
    // Reception may still give a ticket beyond the quota: the quota protects the kiosk's day.
    const atReception = await post(world.reception, '/api/v1/queue/visits', { centreId: world.centreId, language: 'pt', serviceIds: [world.serviceB] });
    expect(atReception.statusCode).toBe(201);
  });

  it('shows every service closed with the next opening when the centre is closed, and refuses tickets', async () => {
    const closed = await createQueueWorld(t, 1, { open: false });
    await t.db.insertInto('centre_opening_hours').values({ id: crypto.randomUUID(), centre_id: closed.centreId, weekday: 1, opens: '00:00', closes: '00:01' }).execute();
    const managerC = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: closed.centreId }], 'manager');
    const kiosk = (await post(managerC, `/api/v1/centres/${closed.centreId}/queue-devices`, { kind: 'kiosk', label: 'Door' })).json().token;
    const body = (await state(closed.centreId, kiosk)).json();
    expect(body.open).toBe(false);
    expect(body.services.every((service: { state: string }) => service.state === 'closed')).toBe(true);
    expect(body.nextOpening).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), time: '00:00' });
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/public/kiosk/${closed.centreId}/tickets`, headers: { 'x-device-token': kiosk }, payload: { serviceId: closed.serviceA, language: 'pt' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([{ path: 'body.serviceId', message: 'is closed now' }]);
  });

  it('refuses a screen token, an unknown token and a service of another centre', async () => {
    const screen = (await post(manager, `/api/v1/centres/${world.centreId}/queue-devices`, { kind: 'screen', label: 'Hall' })).json().token;
    expect((await state(world.centreId, screen)).statusCode).toBe(403);
    expect((await take(world.serviceA, {}, `ksk_${'z'.repeat(43)}`)).statusCode).toBe(401);
    const other = await createQueueWorld(t, 1);
    const refused = await take(other.serviceA);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe('body.serviceId');
  });
});
