import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import type { VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, session, visitBody, type QueueWorld } from './queue.test-fixtures.js';

/** Who may call which endpoint (DESIGN §5, src/shared/access.ts). */

let t: TestApp;
let w: QueueWorld;
let other: QueueWorld;
let people: Record<string, Session>;
beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  other = await createQueueWorld(t, 1);
  people = {
    receptionUnit: await session(t, [{ role: 'reception_mediator', scopeType: 'unit', scopeId: w.unit2Id }], 'reception-unit'),
    receptionElsewhere: other.reception,
    officerElsewhere: other.officers[0]!,
    centreManager: await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'cm'),
    unitManager2: await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: w.unit2Id }], 'um'),
    translator: await session(t, [{ role: 'translator', scopeType: 'centre', scopeId: w.centreId }], 'translator'),
    auditor: await session(t, [{ role: 'auditor', scopeType: 'network', scopeId: w.centreId }], 'auditor'),
  };
});
afterAll(() => t?.close());

const issueAs = (who: Session) => post(who, '/api/v1/queue/visits', visitBody(w, [w.serviceA]));

describe('queue scopes', () => {
  it('lets reception mediators of the centre issue tickets, through a centre or a unit grant, and nobody else', async () => {
    expect((await issueAs(w.reception)).statusCode).toBe(201);
    expect((await issueAs(people.receptionUnit!)).statusCode).toBe(201);
    expect((await issueAs(people.receptionElsewhere!)).statusCode).toBe(404);
    expect((await issueAs(w.officers[0]!)).statusCode).toBe(403);
    expect((await issueAs(people.translator!)).statusCode).toBe(403);
    expect((await issueAs(people.centreManager!)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/queue/visits', payload: visitBody(w, [w.serviceA]) });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets officers open and call only at counters of their own unit', async () => {
    const counter = w.counters[0]!;
    expect((await post(w.officerB, `/api/v1/counters/${counter}/open`)).statusCode).toBe(403);
    expect((await post(people.officerElsewhere!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(404);
    expect((await post(w.reception, `/api/v1/counters/${counter}/open`)).statusCode).toBe(403);
    expect((await post(w.officers[0]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
    // Another officer of the same unit cannot act at a counter someone else opened.
    const colleague = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: w.unitId }], 'colleague');
    expect((await post(colleague, `/api/v1/counters/${counter}/call-next`)).statusCode).toBe(403);
    const called = (await post(w.officers[0]!, `/api/v1/counters/${counter}/call-next`)).json().ticket;
    expect(called.state).toBe('called');
    expect((await post(colleague, `/api/v1/queue/tickets/${called.id}/start`)).statusCode).toBe(403);
    expect((await post(w.officerB, `/api/v1/queue/tickets/${called.id}/start`)).statusCode).toBe(403);
    expect((await post(w.officers[0]!, `/api/v1/queue/tickets/${called.id}/start`)).statusCode).toBe(200);
  });

  it('lets managers read reports of what they manage, and a unit manager only their unit', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const url = `/api/v1/centres/${w.centreId}/queue-report?day=${day}`;
    const centre = await people.centreManager!.request({ method: 'GET', url });
    expect(centre.statusCode, centre.body).toBe(200);
    expect(centre.json().rows.some((row: { level: string }) => row.level === 'centre')).toBe(true);
    const unit = await people.unitManager2!.request({ method: 'GET', url });
    expect(unit.statusCode).toBe(200);
    expect(unit.json().rows.every((row: { unitId: string | null }) => row.unitId === w.unit2Id)).toBe(true);
    expect((await people.translator!.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await people.receptionElsewhere!.request({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('lets only managers change a unit ordering policy', async () => {
    const body = { priorityHeadStartMinutes: 10, emergencyHeadStartMinutes: 60, appointmentHeadStartMinutes: 30, appointmentEarlyMinutes: 5, noShowAfterCalls: 2 };
    const put = (who: Session, unitId: string) => who.request({ method: 'PUT', url: `/api/v1/units/${unitId}/queue-policy`, payload: body });
    expect((await put(w.officers[0]!, w.unitId)).statusCode).toBe(403);
    expect((await put(people.unitManager2!, w.unitId)).statusCode).toBe(403);
    expect((await put(people.unitManager2!, w.unit2Id)).statusCode).toBe(200);
    expect((await put(people.centreManager!, w.unitId)).json()).toMatchObject(body);
  });

  it('serves the public ticket view without sign-in, and the staff ticket detail only to its unit or reception', async () => {
    const visit = (await issue(w, [w.serviceB])).json<VisitView>();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${visit.publicCode}` })).statusCode).toBe(200);
    const detail = (who: Session) => who.request({ method: 'GET', url: `/api/v1/queue/tickets/${visit.tickets[0]!.id}` });
    expect((await detail(w.officerB)).statusCode).toBe(200);
    expect((await detail(w.reception)).statusCode).toBe(200);
    expect((await detail(w.officers[0]!)).statusCode).toBe(403);
    expect((await detail(people.officerElsewhere!)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select(['personal_data']).where('action', '=', 'queue.ticket.read').execute();
    expect(audit.length).toBe(2);
    expect(audit.every((row) => row.personal_data)).toBe(true);
  });

  it('lists kiosk quotas to those who may change them: the centre manager all, a unit manager their unit', async () => {
    const quotas = (who: Session) => who.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/kiosk-quotas` });
    const all = await quotas(people.centreManager!);
    expect(all.statusCode).toBe(200);
    expect(all.json<{ items: { serviceId: string }[] }>().items.map((item) => item.serviceId).sort()).toEqual([w.serviceA, w.serviceB].sort());
    const unit = await quotas(people.unitManager2!);
    expect(unit.json<{ items: { serviceId: string; issuedToday: number }[] }>().items.map((item) => item.serviceId)).toEqual([w.serviceB]);
    expect((await quotas(w.reception)).statusCode).toBe(403);
    expect((await quotas(w.officers[0]!)).statusCode).toBe(403);
    expect((await quotas(people.officerElsewhere!)).statusCode).toBe(404);
  });

  it('lets anyone holding the printed code leave or withdraw a "you are next" contact, nobody else', async () => {
    const visit = (await issue(w, [w.serviceB])).json<VisitView>();
    const url = `/api/v1/public/tickets/${visit.publicCode}/alert`;
    expect((await t.app.inject({ method: 'PUT', url, payload: { channel: 'email', recipient: 'a@example.org', consent: true } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/public/tickets/ZZZZZZZZZZ/alert', payload: { channel: 'email', recipient: 'a@example.org', consent: true } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url })).statusCode).toBe(200);
  });
});
