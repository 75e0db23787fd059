import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`);
});
afterAll(() => t?.close());

const countTickets = async () => (await t.db.selectFrom('tickets').select('id').where('centre_id', '=', w.centreId).execute()).length;

describe('repeated requests', () => {
  it('issues one visit for a retried request with the same Idempotency-Key, even when retries race', async () => {
    const before = await countTickets();
    const headers = { 'idempotency-key': 'visit-retry-0001' };
    const answers = await Promise.all([issue(w, [w.serviceA], {}, headers), issue(w, [w.serviceA], {}, headers), issue(w, [w.serviceA], {}, headers)]);
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    const visits = answers.map((answer) => answer.json<VisitView>());
    expect(new Set(visits.map((visit) => visit.id)).size).toBe(1);
    expect(visits[1]).toEqual(visits[0]);
    expect(await countTickets()).toBe(before + 1);
  });

  it('refuses the same key for a different request', async () => {
    const headers = { 'idempotency-key': 'visit-retry-0002' };
    expect((await issue(w, [w.serviceA], {}, headers)).statusCode).toBe(201);
    const other = await issue(w, [w.serviceB], {}, headers);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.fields[0].path).toBe('headers.idempotency-key');
  });

  it('returns the first called ticket to a retried call-next instead of calling another', async () => {
    await issue(w, [w.serviceA]);
    const url = `/api/v1/counters/${w.counters[0]}/call-next`;
    const headers = { 'idempotency-key': 'call-next-0001' };
    const [a, b] = await Promise.all([post(w.officers[0]!, url, {}, headers), post(w.officers[0]!, url, {}, headers)]);
    expect(a!.statusCode, a!.body).toBe(200);
    expect(b!.json()).toEqual(a!.json());
    const ticket = a!.json<{ ticket: TicketView }>().ticket;
    const calls = await t.db.selectFrom('ticket_events').select('id').where('ticket_id', '=', ticket.id).where('kind', '=', 'called').execute();
    expect(calls).toHaveLength(1);
    // A double click without a key is refused instead: the counter already holds a ticket.
    expect((await post(w.officers[0]!, url)).statusCode).toBe(409);
    const endHeaders = { 'idempotency-key': 'end-0001' };
    await post(w.officers[0]!, `/api/v1/queue/tickets/${ticket.id}/start`);
    const ends = await Promise.all([1, 2].map(() => post(w.officers[0]!, `/api/v1/queue/tickets/${ticket.id}/end`, { outcome: 'resolved' }, endHeaders)));
    expect(ends.map((end) => end.statusCode)).toEqual([200, 200]);
    expect(ends[1]!.json()).toEqual(ends[0]!.json());
  });
});
