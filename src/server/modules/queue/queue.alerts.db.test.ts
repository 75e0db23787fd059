import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { AlertState } from './queue.alerts.schemas.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 2);
  for (const [index, counter] of w.counters.entries()) expect((await post(w.officers[index]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
});
afterAll(() => t?.close());

const alertUrl = (code: string) => `/api/v1/public/tickets/${code}/alert`;
const leave = (code: string, payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: alertUrl(code), payload });
const call = async (index = 0) => {
  const response = await post(w.officers[index]!, `/api/v1/counters/${w.counters[index]}/call-next`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ ticket: TicketView | null }>().ticket;
};
const finish = async (ticket: TicketView, index = 0) => {
  expect((await post(w.officers[index]!, `/api/v1/queue/tickets/${ticket.id}/start`)).statusCode).toBe(200);
  expect((await post(w.officers[index]!, `/api/v1/queue/tickets/${ticket.id}/end`, { outcome: 'resolved' })).statusCode).toBe(200);
};
const messages = () =>
  t.db.selectFrom('notifications').select(['template', 'recipient', 'channel', 'locale', 'params', 'subject_id']).where('centre_id', '=', w.centreId).orderBy('created_at').orderBy('id').execute();

describe('you are next', () => {
  it('validates the contact and requires consent (400 with the field), then shows it masked', async () => {
    const visit = (await issue(w, [w.serviceB])).json<VisitView>();
    const badPhone = await leave(visit.publicCode, { channel: 'sms', recipient: '912345678', consent: true });
    expect(badPhone.statusCode).toBe(400);
    expect(JSON.stringify(badPhone.json())).toContain('recipient');
    expect((await leave(visit.publicCode, { channel: 'email', recipient: 'not-an-address', consent: true })).statusCode).toBe(400);
    const noConsent = await leave(visit.publicCode, { channel: 'sms', recipient: '+351912345678', consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(JSON.stringify(noConsent.json())).toContain('consent');
    expect((await t.app.inject({ method: 'PUT', url: alertUrl('AAAAAAAAAA'), payload: { channel: 'sms', recipient: '+351912345678', consent: true } })).statusCode).toBe(404);

    const saved = await leave(visit.publicCode, { channel: 'sms', recipient: '+351 912-345 678', consent: true, locale: 'en' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<AlertState>()).toMatchObject({ available: true, alert: { channel: 'sms', recipient: '+351 ••• ••• 678', notifyWhenAhead: 2 } });
    const stored = await t.db.selectFrom('ticket_alerts').selectAll().where('visit_id', '=', visit.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ recipient: '+351912345678', locale: 'en', source: 'phone' });
    expect(stored.link).toMatch(new RegExp(`^https?://.+/t/${visit.publicCode}$`));
    const audit = await t.db.selectFrom('audit_events').select(['action', 'personal_data', 'details']).where('resource_id', '=', visit.id).where('action', 'like', 'queue.alert.%').execute();
    expect(audit).toEqual([{ action: 'queue.alert.consent', personal_data: true, details: { channel: 'sms', source: 'phone' } }]);

    const withdrawn = await t.app.inject({ method: 'DELETE', url: alertUrl(visit.publicCode) });
    expect(withdrawn.json<AlertState>().alert).toBeNull();
    expect(await t.db.selectFrom('ticket_alerts').select('visit_id').where('visit_id', '=', visit.id).execute()).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: alertUrl(visit.publicCode) })).json<AlertState>()).toEqual({ alert: null, available: true });
  });

  it('asks for each message once: "you are next" within the threshold, "your turn" when called', async () => {
    const visits: VisitView[] = [];
    for (let i = 0; i < 5; i++) visits.push((await issue(w, [w.serviceA], i === 4 ? { alert: { channel: 'email', recipient: ' Ana.Silva@Example.org ', consent: true } } : {})).json<VisitView>());
    expect((await leave(visits[3]!.publicCode, { channel: 'sms', recipient: '+380501234567', consent: true })).statusCode).toBe(200);
    const reception = await t.db.selectFrom('ticket_alerts').selectAll().where('visit_id', '=', visits[4]!.id).executeTakeFirstOrThrow();
    expect(reception).toMatchObject({ channel: 'email', recipient: 'ana.silva@example.org', source: 'reception', locale: 'uk' });

    const first = await call();
    expect(first?.number).toBe(visits[0]!.tickets[0]!.number);
    // Behind the called ticket: 2, 3, 4, 5 — the fourth has two ahead, the fifth three.
    expect((await messages()).map((m) => [m.template, m.recipient, m.params])).toEqual([
      ['queue.you_are_next', '+380501234567', expect.objectContaining({ ticketCode: visits[3]!.tickets[0]!.number, ahead: 2, centreName: expect.any(String), link: expect.stringContaining(`/t/${visits[3]!.publicCode}`) })],
    ]);
    await finish(first!);
    await call(); // the second: the fourth now has one ahead (already told), the fifth two
    expect((await messages()).map((m) => [m.template, m.recipient])).toEqual([
      ['queue.you_are_next', '+380501234567'],
      ['queue.you_are_next', 'ana.silva@example.org'],
    ]);
    const third = await call(1);
    await finish(third!, 1);
    const fourth = await call(1);
    const all = await messages();
    expect(all.map((m) => m.template)).toEqual(['queue.you_are_next', 'queue.you_are_next', 'queue.your_turn']);
    expect(all[2]).toMatchObject({ channel: 'sms', recipient: '+380501234567', subject_id: fourth!.id, params: expect.objectContaining({ counterName: '2', ticketCode: fourth!.number }) });
    await finish(fourth!, 1);
    // Recalls and later calls do not repeat a message.
    expect((await post(w.officers[0]!, `/api/v1/queue/tickets/${visits[1]!.tickets[0]!.id}/recall`)).statusCode).toBe(200);
    await finish(visits[1]!.tickets[0]!);
    const fifth = await call();
    await finish(fifth!);
    expect((await messages()).map((m) => m.template)).toEqual(['queue.you_are_next', 'queue.you_are_next', 'queue.your_turn', 'queue.your_turn']);
    const jobs = await t.db.selectFrom('jobs').select('kind').where('kind', '=', 'notifications.deliver').execute();
    expect(jobs.length).toBeGreaterThanOrEqual(4);
  });

  it('never asks twice when counters call at the same moment', async () => {
    const visits: VisitView[] = [];
    for (let i = 0; i < 8; i++) visits.push((await issue(w, [w.serviceA], { alert: { channel: 'sms', recipient: `+35191000000${i}`, consent: true } })).json<VisitView>());
    for (let round = 0; round < 4; round++) {
      const called = await Promise.all([call(0), call(1)]);
      for (const [index, ticket] of called.entries()) if (ticket) await finish(ticket, index);
    }
    const ids = new Set(visits.map((visit) => visit.tickets[0]!.id));
    const mine = (await messages()).filter((m) => ids.has(m.subject_id!));
    const keys = mine.map((m) => `${m.subject_id}:${m.template}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Everyone was called: each got "your turn"; all but the first two were told beforehand.
    expect(mine.filter((m) => m.template === 'queue.your_turn')).toHaveLength(8);
    expect(mine.filter((m) => m.template === 'queue.you_are_next').length).toBeGreaterThanOrEqual(6);
  });
});
