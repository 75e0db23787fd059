import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  expect((await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`)).statusCode).toBe(200);
  expect((await post(w.officerB, `/api/v1/counters/${w.counterB}/open`)).statusCode).toBe(200);
});
afterAll(() => t?.close());

const counterA = () => w.counters[0]!;
const callNext = async (who = w.officers[0]!, counter = counterA()) => {
  const response = await post(who, `/api/v1/counters/${counter}/call-next`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ ticket: TicketView | null }>().ticket;
};
const act = (ticketId: string, action: string, payload: unknown = {}, who = w.officers[0]!) => post(who, `/api/v1/queue/tickets/${ticketId}/${action}`, payload);
const eventsOf = async (ticketId: string) =>
  (await t.db.selectFrom('ticket_events').select('kind').where('ticket_id', '=', ticketId).orderBy('id').execute()).map((row) => row.kind);

describe('a day at the counters', () => {
  it('issues numbered tickets per service and day, and an empty queue is not an error', async () => {
    expect(await callNext()).toBeNull();
    const first = (await issue(w, [w.serviceA])).json<VisitView>();
    const second = (await issue(w, [w.serviceA])).json<VisitView>();
    expect(first.tickets[0]!.number).toBe('A001');
    expect(second.tickets[0]!.number).toBe('A002');
    expect(first.publicCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const called = await callNext();
    expect(called?.number).toBe('A001');
    expect(called?.counter?.label).toBe('1');
    // A second call while one is at the counter is refused: the counter holds one ticket.
    const again = await post(w.officers[0]!, `/api/v1/counters/${counterA()}/call-next`);
    expect(again.statusCode).toBe(409);
    expect((await act(called!.id, 'start')).statusCode).toBe(200);
    const ended = await act(called!.id, 'end', { outcome: 'resolved' });
    expect(ended.json<TicketView>().state).toBe('done');
    expect(await eventsOf(called!.id)).toEqual(['issued', 'called', 'started', 'ended']);
    const next = await callNext();
    expect(next?.number).toBe('A002');
    await act(next!.id, 'start');
    await act(next!.id, 'end', { outcome: 'resolved' });
  });

  it('lets the second ticket of a visit join its queue when the first is done', async () => {
    const visit = (await issue(w, [w.serviceA, w.serviceB])).json<VisitView>();
    expect(visit.tickets.map((ticket) => ticket.state)).toEqual(['waiting', 'pending']);
    expect(await callNext(w.officerB, w.counterB)).toBeNull();
    const first = await callNext();
    expect(first?.id).toBe(visit.tickets[0]!.id);
    await act(first!.id, 'start');
    await act(first!.id, 'end', { outcome: 'resolved' });
    const second = await callNext(w.officerB, w.counterB);
    expect(second?.id).toBe(visit.tickets[1]!.id);
    expect(second?.number).toMatch(/^B\d{3}$/);
    await act(second!.id, 'start', {}, w.officerB);
    await act(second!.id, 'end', { outcome: 'referred' }, w.officerB);
  });

  it('transfers with the same number and visit, and a note for the next counter', async () => {
    const visit = (await issue(w, [w.serviceA])).json<VisitView>();
    const called = await callNext();
    await act(called!.id, 'start');
    const moved = await act(called!.id, 'transfer', { serviceId: w.serviceB, note: 'Precisa de NISS primeiro' });
    expect(moved.statusCode, moved.body).toBe(200);
    const newTicket = moved.json<TicketView>();
    expect(newTicket.number).toBe(called!.number);
    expect(newTicket.visitId).toBe(visit.id);
    expect(newTicket.serviceId).toBe(w.serviceB);
    expect(newTicket.state).toBe('waiting');
    const atB = await callNext(w.officerB, w.counterB);
    expect(atB?.id).toBe(newTicket.id);
    const detail = await w.officerB.request({ method: 'GET', url: `/api/v1/queue/tickets/${newTicket.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<{ notes: { note: string }[] }>().notes.map((note) => note.note)).toContain('Precisa de NISS primeiro');
    expect(await eventsOf(called!.id)).toEqual(['issued', 'called', 'started', 'transferred']);
    await act(atB!.id, 'start', {}, w.officerB);
    await act(atB!.id, 'end', { outcome: 'resolved' }, w.officerB);
  });

  it('parks a ticket, calls others meanwhile, and resumes it at the counter', async () => {
    await issue(w, [w.serviceA]);
    await issue(w, [w.serviceA]);
    const parkedOne = await callNext();
    expect((await act(parkedOne!.id, 'park', { note: 'Vai buscar o passaporte' })).json<TicketView>().state).toBe('parked');
    const other = await callNext();
    expect(other?.id).not.toBe(parkedOne!.id);
    // The counter is busy with the other ticket: resuming now is refused.
    expect((await act(parkedOne!.id, 'resume', { counterId: counterA() })).statusCode).toBe(409);
    await act(other!.id, 'start');
    await act(other!.id, 'end', { outcome: 'resolved' });
    const resumed = await act(parkedOne!.id, 'resume', { counterId: counterA() });
    expect(resumed.json<TicketView>()).toMatchObject({ state: 'called', callCount: 2 });
    await act(parkedOne!.id, 'start');
    await act(parkedOne!.id, 'end', { outcome: 'missing_documents' });
  });

  it('marks a no-show only after the configured number of calls, and drops the rest of the visit', async () => {
    const visit = (await issue(w, [w.serviceA, w.serviceB])).json<VisitView>();
    const called = await callNext();
    expect(called?.id).toBe(visit.tickets[0]!.id);
    expect((await act(called!.id, 'no-show')).statusCode).toBe(409);
    expect((await act(called!.id, 'recall')).json<TicketView>().callCount).toBe(2);
    expect((await act(called!.id, 'no-show')).statusCode).toBe(409);
    await act(called!.id, 'recall');
    const absent = await act(called!.id, 'no-show');
    expect(absent.statusCode, absent.body).toBe(200);
    expect(absent.json<TicketView>().state).toBe('no_show');
    const second = await t.db.selectFrom('tickets').select('state').where('id', '=', visit.tickets[1]!.id).executeTakeFirstOrThrow();
    expect(second.state).toBe('cancelled');
  });

  it('follows a unit policy of one call before a no-show', async () => {
    const manager = await import('./queue.test-fixtures.js').then((f) => f.session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: w.unitId }], 'manager'));
    const policy = { priorityHeadStartMinutes: 20, emergencyHeadStartMinutes: 120, appointmentHeadStartMinutes: 45, appointmentEarlyMinutes: 10, noShowAfterCalls: 1 };
    expect((await manager.request({ method: 'PUT', url: `/api/v1/units/${w.unitId}/queue-policy`, payload: policy })).statusCode).toBe(200);
    await issue(w, [w.serviceA]);
    const called = await callNext();
    expect((await act(called!.id, 'no-show')).statusCode).toBe(200);
    await manager.request({ method: 'PUT', url: `/api/v1/units/${w.unitId}/queue-policy`, payload: { ...policy, noShowAfterCalls: 3 } });
  });

  it('cancels a waiting ticket from reception and lets the next ticket of the visit go ahead', async () => {
    const visit = (await issue(w, [w.serviceA, w.serviceB])).json<VisitView>();
    const cancelled = await post(w.reception, `/api/v1/queue/tickets/${visit.tickets[0]!.id}/cancel`, { note: 'Engano na triagem' });
    expect(cancelled.json<TicketView>().state).toBe('cancelled');
    const second = await callNext(w.officerB, w.counterB);
    expect(second?.id).toBe(visit.tickets[1]!.id);
    await act(second!.id, 'start', {}, w.officerB);
    await act(second!.id, 'end', { outcome: 'resolved' }, w.officerB);
  });

  it('shows the place in line on the phone by the public code, without personal data', async () => {
    const visit = (await issue(w, [w.serviceA], { priorityReasons: ['pregnancy'], purpose: 'Segredo' })).json<VisitView>();
    const publicView = await t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${visit.publicCode}` });
    expect(publicView.statusCode, publicView.body).toBe(200);
    expect(publicView.json()).toMatchObject({ number: visit.tickets[0]!.number, state: 'waiting', ahead: 0, estimatedMinutes: 0, language: 'uk' });
    expect(publicView.body).not.toContain('Segredo');
    expect(publicView.body).not.toContain('pregnancy');
    const called = await callNext();
    const yourTurn = (await t.app.inject({ method: 'GET', url: `/api/v1/public/tickets/${visit.publicCode}` })).json();
    expect(yourTurn).toMatchObject({ state: 'called', counterLabel: '1' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/tickets/AAAAAAAAAA' })).statusCode).toBe(404);
    await act(called!.id, 'start');
    await act(called!.id, 'end', { outcome: 'resolved' });
  });

  it('writes audit and realtime events in the same transaction as each moment', async () => {
    const visit = (await issue(w, [w.serviceA])).json<VisitView>();
    const called = await callNext();
    const realtime = await t.db.selectFrom('realtime_events').select(['type', 'payload', 'unit_id']).where('type', '=', 'queue.ticket_called').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(realtime.unit_id).toBe(w.unitId);
    expect(realtime.payload).toMatchObject({ ticketId: called!.id, number: visit.tickets[0]!.number, counterLabel: '1', serviceNames: { pt: 'Renovação', en: 'Renewal' } });
    const audit = await t.db.selectFrom('audit_events').select('action').where('resource_id', '=', called!.id).orderBy('at').execute();
    expect(audit.map((row) => row.action)).toEqual(['queue.ticket.issued', 'queue.ticket.called']);
    await act(called!.id, 'start');
    await act(called!.id, 'end', { outcome: 'resolved' });
  });
});

describe('clear errors', () => {
  it('refuses a ticket when the centre is closed now, or for an archived service', async () => {
    const closed = await createQueueWorld(t, 1, { open: false });
    const response = await issue(closed, [closed.serviceA]);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([{ path: 'body.serviceIds.0', message: 'is closed now' }]);
    await t.db.updateTable('services').set({ archived_at: new Date() }).where('id', '=', w.serviceB).execute();
    const archived = await issue(w, [w.serviceA, w.serviceB]);
    expect(archived.statusCode).toBe(400);
    expect(archived.json().error.fields).toEqual([{ path: 'body.serviceIds.1', message: 'is no longer offered' }]);
    await t.db.updateTable('services').set({ archived_at: null }).where('id', '=', w.serviceB).execute();
  });

  it('refuses call-next on a closed or paused counter', async () => {
    const world = await createQueueWorld(t, 1);
    const counter = world.counters[0]!;
    const officer = world.officers[0]!;
    const closed = await post(officer, `/api/v1/counters/${counter}/call-next`);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toMatch(/closed/);
    await post(officer, `/api/v1/counters/${counter}/open`);
    expect((await post(officer, `/api/v1/counters/${counter}/pause`)).json().state).toBe('paused');
    const paused = await post(officer, `/api/v1/counters/${counter}/call-next`);
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.message).toMatch(/paused/);
    expect((await post(officer, `/api/v1/counters/${counter}/open`)).json().state).toBe('open');
    expect((await post(officer, `/api/v1/counters/${counter}/close`)).json().state).toBe('closed');
  });
});
