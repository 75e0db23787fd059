import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

/**
 * The engine's promise (docs/queue.md, "Guarantees"): a ticket is never called by two counters and a
 * call is never lost. 50 call-next requests race each round, on PGlite and on PostgreSQL; some
 * rounds send two requests for the same counter at once (a double click).
 */

const COUNTERS = 50;
const ROUNDS = 10;

let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, COUNTERS);
  await Promise.all(w.counters.map((counter, i) => post(w.officers[i]!, `/api/v1/counters/${counter}/open`)));
}, 120_000);
afterAll(() => t?.close());

async function waitingCount(): Promise<number> {
  const row = await t.db.selectFrom('tickets').select(sql<number>`count(*)::int`.as('n')).where('service_id', '=', w.serviceA).where('state', '=', 'waiting').executeTakeFirstOrThrow();
  return row.n;
}

async function activePerCounter(): Promise<Map<string, number>> {
  const rows = await t.db
    .selectFrom('tickets')
    .select(['counter_id', sql<number>`count(*)::int`.as('n')])
    .where('state', 'in', ['called', 'serving'])
    .groupBy('counter_id')
    .execute();
  return new Map(rows.map((row) => [row.counter_id!, row.n]));
}

/** Ends every ticket at a counter, counters working in parallel. */
async function serveAll(called: TicketView[]): Promise<void> {
  await Promise.all(
    called.map(async (ticket) => {
      const officer = w.officers[w.counters.indexOf(ticket.counter!.id)]!;
      expect((await post(officer, `/api/v1/queue/tickets/${ticket.id}/start`)).statusCode).toBe(200);
      expect((await post(officer, `/api/v1/queue/tickets/${ticket.id}/end`, { outcome: 'resolved' })).statusCode).toBe(200);
    }),
  );
}

describe('50 concurrent call-next requests, over many rounds', () => {
  it('never calls a ticket twice and never loses a call', async () => {
    const random = fc.sample(fc.tuple(fc.integer({ min: 5, max: 90 }), fc.boolean()), { numRuns: ROUNDS, seed: 4242 });
    const issued = new Set<string>();
    const calledEver: string[] = [];
    for (const [arrivals, doubleClicks] of random) {
      // Tickets are issued concurrently too: their numbers must still be distinct.
      const visits = await Promise.all(Array.from({ length: arrivals }, () => issue(w, [w.serviceA])));
      for (const visit of visits) {
        expect(visit.statusCode, visit.body).toBe(201);
        issued.add(visit.json<VisitView>().tickets[0]!.id);
      }
      const waitingBefore = await waitingCount();
      // 50 requests: either one per counter, or 35 counters of which 15 are clicked twice.
      const targets = doubleClicks ? [...w.counters.slice(0, 35), ...w.counters.slice(0, 15)] : w.counters;
      const responses = await Promise.all(targets.map((counter) => post(w.officers[w.counters.indexOf(counter)]!, `/api/v1/counters/${counter}/call-next`)));
      const called: TicketView[] = [];
      for (const response of responses) {
        expect([200, 409], response.body).toContain(response.statusCode);
        const ticket = response.statusCode === 200 ? response.json<{ ticket: TicketView | null }>().ticket : null;
        if (ticket) called.push(ticket);
      }
      const distinctCounters = new Set(targets).size;
      // No ticket twice; every idle counter got one while tickets were waiting.
      expect(new Set(called.map((ticket) => ticket.id)).size).toBe(called.length);
      expect(called.length).toBe(Math.min(waitingBefore, distinctCounters));
      expect(await waitingCount()).toBe(waitingBefore - called.length);
      for (const count of (await activePerCounter()).values()) expect(count).toBe(1);
      calledEver.push(...called.map((ticket) => ticket.id));
      await serveAll(called);
    }
    // Drain what is left, then every issued ticket has been called exactly once in all.
    for (;;) {
      const responses = await Promise.all(w.counters.map((counter, i) => post(w.officers[i]!, `/api/v1/counters/${counter}/call-next`)));
      const called = responses.map((response) => response.json<{ ticket: TicketView | null }>().ticket).filter((ticket): ticket is TicketView => ticket !== null);
      if (called.length === 0) break;
      calledEver.push(...called.map((ticket) => ticket.id));
      await serveAll(called);
    }
    expect(new Set(calledEver).size).toBe(calledEver.length);
    expect(new Set(calledEver)).toEqual(issued);
    const calls = await t.db
      .selectFrom('ticket_events')
      .select(['ticket_id', sql<number>`count(*)::int`.as('n')])
      .where('kind', '=', 'called')
      .groupBy('ticket_id')
      .execute();
    expect(calls.length).toBe(issued.size);
    expect(calls.every((row) => row.n === 1)).toBe(true);
    const numbers = await t.db.selectFrom('tickets').select('number').where('service_id', '=', w.serviceA).execute();
    expect(new Set(numbers.map((row) => row.number)).size).toBe(numbers.length);
  }, 600_000);

  it('refuses a second active ticket at a counter in the database itself', async () => {
    const visits = await Promise.all([issue(w, [w.serviceA]), issue(w, [w.serviceA])]);
    const [a, b] = visits.map((visit) => visit.json<VisitView>().tickets[0]!.id);
    await t.db.updateTable('tickets').set({ state: 'called', counter_id: w.counters[0]! }).where('id', '=', a!).execute();
    await expect(t.db.updateTable('tickets').set({ state: 'called', counter_id: w.counters[0]! }).where('id', '=', b!).execute()).rejects.toThrow(/tickets_one_active_per_counter/);
  });
});
