import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { createQueueWorld, issue, post, session, type QueueWorld } from '../queue/queue.test-fixtures.js';
import type { AccessReport, TimelineEntry, TimelinePage } from './people.data-protection.schemas.js';
import { insertAppointment, insertVisit, registerPerson } from './people.data-protection.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;
let otherCentre: Awaited<ReturnType<typeof createNetworkFixture>>;
let personId: string;
let manager: Session;
let auditor: Session;

const page = (who: Session, url: string) => who.request({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  otherCentre = await createNetworkFixture(t.db, 'OTHER');
  personId = await registerPerson(w.reception, w.centreId);
  manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
  auditor = await session(t, [{ role: 'auditor', scopeType: 'centre', scopeId: w.centreId }], 'auditor');
  // Last year at the home centre: served with an outcome, then a transfer and a no-show.
  await insertVisit(t.db, {
    personId, centreId: w.centreId, at: new Date('2025-02-03T09:00:00Z'),
    tickets: [
      { unitId: w.unitId, serviceId: w.serviceA, counterId: w.counters[0]!, state: 'done', outcome: 'missing_documents' },
      { unitId: w.unit2Id, serviceId: w.serviceB, counterId: w.counterB, state: 'transferred' },
    ],
  });
  // At another centre of the network.
  await insertVisit(t.db, { personId, centreId: otherCentre.centreId, at: new Date('2025-06-10T10:00:00Z'), tickets: [{ unitId: otherCentre.unitId, serviceId: otherCentre.serviceId, counterId: otherCentre.counterId, state: 'no_show' }] });
  // Someone else's visit the same day never shows.
  await insertVisit(t.db, { personId: null, centreId: w.centreId, at: new Date('2025-02-03T09:05:00Z'), tickets: [{ unitId: w.unitId, serviceId: w.serviceA, counterId: w.counters[0]!, state: 'done' }] });
  await insertAppointment(t.db, { personId, centreId: otherCentre.centreId, serviceId: otherCentre.serviceId, startsAt: new Date('2025-07-01T09:00:00Z'), bookedAt: new Date('2025-06-20T12:00:00Z'), state: 'cancelled' });
  await insertAppointment(t.db, { personId, centreId: w.centreId, serviceId: w.serviceA, startsAt: new Date('2025-08-01T09:00:00Z'), bookedAt: new Date('2025-07-20T12:00:00Z'), state: 'no_show' });
});
afterAll(() => t?.close());

describe('timeline of a person', () => {
  let all: TimelineEntry[];

  it('lists visits, ticket moments and appointments across centres, newest first, page by page', async () => {
    // Today, through the real queue: issued for the person, called and served with an outcome.
    const issued = await issue(w, [w.serviceA], { personId });
    expect(issued.statusCode, issued.body).toBe(201);
    await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`);
    const called = await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/call-next`);
    const ticketId = called.json().ticket.id as string;
    await post(w.officers[0]!, `/api/v1/queue/tickets/${ticketId}/start`);
    expect((await post(w.officers[0]!, `/api/v1/queue/tickets/${ticketId}/end`, { outcome: 'resolved' })).statusCode).toBe(200);

    all = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await page(w.officerB, `/api/v1/people/${personId}/timeline?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const body: TimelinePage = response.json();
      all.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const kinds = all.map((e) => e.kind);
    expect(kinds.slice(0, 4)).toEqual(['ticket.served', 'ticket.called', 'ticket.issued', 'visit.started']);
    expect(all[0]).toMatchObject({ outcome: 'resolved', counter: '1', unit: { id: w.unitId } });
    expect(kinds).toEqual(expect.arrayContaining(['ticket.transferred', 'ticket.no_show', 'appointment.booked', 'appointment.cancelled', 'appointment.no_show']));
    expect(all.filter((e) => e.kind === 'visit.started')).toHaveLength(3);
    expect(all.find((e) => e.kind === 'ticket.served' && e.outcome === 'missing_documents')).toBeTruthy();
    expect(all.find((e) => e.kind === 'ticket.no_show')!.centre.id).toBe(otherCentre.centreId);
    // Moments of someone else's visit on the same day are not the person's.
    expect(all.filter((e) => e.at.startsWith('2025-02-03T09:05'))).toEqual([]);
    const audited = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'person.timeline').where('resource_id', '=', personId).execute();
    expect(audited).toHaveLength(pages);
    expect(audited.every((e) => e.personal_data)).toBe(true);
  });

  it('shows a moved appointment with its former and new time', async () => {
    const appointmentId = await insertAppointment(t.db, { personId, centreId: w.centreId, serviceId: w.serviceA, startsAt: new Date('2026-01-10T10:00:00Z'), bookedAt: new Date('2025-12-01T10:00:00Z'), state: 'booked' });
    await t.db.insertInto('audit_events').values({ id: '01900000-0000-7000-8000-000000000001', at: new Date('2025-12-05T10:00:00Z'), actor_name: 'person', action: 'appointment.move', resource_type: 'appointment', resource_id: appointmentId, personal_data: true, details: JSON.stringify({ from: '2026-01-03T10:00:00.000Z', to: '2026-01-10T10:00:00.000Z' }) }).execute();
    const body: TimelinePage = (await page(manager, `/api/v1/people/${personId}/timeline?limit=100`)).json();
    expect(body.items.find((e) => e.kind === 'appointment.moved')).toMatchObject({ details: { from: '2026-01-03T10:00:00.000Z', to: '2026-01-10T10:00:00.000Z' } });
  });

  it('is refused to those who may not read the person, and rejects bad input', async () => {
    const elsewhere = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: otherCentre.centreId }], 'elsewhere');
    expect((await page(elsewhere, `/api/v1/people/${personId}/timeline`)).statusCode).toBe(404);
    expect((await page(auditor, `/api/v1/people/${personId}/timeline`)).statusCode).toBe(404);
    expect((await page(manager, `/api/v1/people/${personId}/timeline?limit=0`)).statusCode).toBe(400);
    expect((await page(manager, `/api/v1/people/${personId}/timeline?cursor=nonsense`)).statusCode).toBe(400);
  });
});

describe('who accessed my file', () => {
  it('lists who read or changed the file, with roles, units and break-glass flags, and audits the request', async () => {
    await t.db.insertInto('audit_events').values({ id: '01900000-0000-7000-8000-000000000002', actor_name: 'someone', action: 'case_section.read', resource_type: 'person', resource_id: personId, centre_id: w.centreId, unit_id: w.unit2Id, personal_data: true, break_glass: true, reason: 'Urgent medical referral', details: '{}' }).execute();
    const response = await page(auditor, `/api/v1/people/${personId}/access-report`);
    expect(response.statusCode, response.body).toBe(200);
    const report: AccessReport = response.json();
    expect(report.person).toMatchObject({ id: personId, displayName: 'Olena Kovalenko (Олена Коваленко)' });
    const actions = report.items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['person.register', 'person.timeline', 'queue.visit.create', 'case_section.read']));
    const register = report.items.find((i) => i.action === 'person.register')!;
    expect(register).toMatchObject({ kind: 'change', staff: { roles: ['reception_mediator'] }, centre: { id: w.centreId } });
    const officerRead = report.items.find((i) => i.action === 'person.timeline' && i.unit?.id === w.unit2Id)!;
    expect(officerRead.staff.roles).toEqual(['agency_officer']);
    expect(report.items.find((i) => i.action === 'case_section.read')).toMatchObject({ breakGlass: true, reason: 'Urgent medical referral', unit: { id: w.unit2Id } });
    expect((await t.db.selectFrom('audit_events').select('details').where('action', '=', 'person.access_report').where('resource_id', '=', personId).execute()).length).toBe(1);

    const csv = await page(manager, `/api/v1/people/${personId}/access-report.csv?from=2020-01-01T00:00:00Z`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFat,staff,roles,unit,centre,action,kind,break_glass,reason\r\n')).toBe(true);
    expect(csv.body).toContain('Urgent medical referral');
  });

  it('is for centre managers and auditors of the home centre only', async () => {
    expect((await page(w.reception, `/api/v1/people/${personId}/access-report`)).statusCode).toBe(403);
    const otherAuditor = await session(t, [{ role: 'auditor', scopeType: 'centre', scopeId: otherCentre.centreId }], 'auditor-other');
    expect((await page(otherAuditor, `/api/v1/people/${personId}/access-report`)).statusCode).toBe(404);
    expect((await page(manager, `/api/v1/people/${personId}/access-report?from=yesterday`)).statusCode).toBe(400);
  });
});
