import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type TestApp } from '../../../../test/app.js';
import { RECURRING_TASKS } from '../../jobs/catalogue.js';
import { closedDaysOf } from './queue.day-end.js';
import { queueDayEndTask, queuePurgeTask } from './queue.jobs.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
});
afterAll(() => t?.close());

const HOUR = 3_600_000;
const call = async (who = w.officers[0]!, counter = w.counters[0]!) => (await post(who, `/api/v1/counters/${counter}/call-next`)).json<{ ticket: TicketView }>().ticket;
const dayClosedEvents = async () =>
  (await t.db.selectFrom('ticket_events').select(['ticket_id', 'kind', 'outcome', 'note']).where('outcome', '=', 'day_closed').execute());

describe('end of day', () => {
  it('is in the catalogue of recurring tasks with the purge', () => {
    expect(RECURRING_TASKS.map((task) => task.name)).toEqual(expect.arrayContaining(['queue.day-end', 'queue.purge']));
  });

  it("works out each centre's closing time on its own clock", async () => {
    const fixture = await createNetworkFixture(t.db, 'SP');
    await t.db.updateTable('centres').set({ time_zone: 'America/Sao_Paulo' }).where('id', '=', fixture.centreId).execute();
    // Mondays 08:30–12:00 and 13:00–18:30; 2026-11-23 is a Monday, São Paulo is at UTC−3.
    await t.db
      .insertInto('centre_opening_hours')
      .values([
        { id: uuidv7(), centre_id: fixture.centreId, weekday: 1, opens: '08:30', closes: '12:00' },
        { id: uuidv7(), centre_id: fixture.centreId, weekday: 1, opens: '13:00', closes: '18:30' },
      ])
      .execute();
    const centre = { id: fixture.centreId, timeZone: 'America/Sao_Paulo' };
    const before = await closedDaysOf(t.db, centre, new Date('2026-11-23T21:29:00Z'));
    expect(before.throughDay).toBe('2026-11-22');
    expect(before.sessionsOpenedBefore.toISOString()).toBe('2026-11-23T03:00:00.000Z');
    const after = await closedDaysOf(t.db, centre, new Date('2026-11-23T21:30:00Z'));
    expect(after).toEqual({ throughDay: '2026-11-23', sessionsOpenedBefore: new Date('2026-11-23T21:30:00Z') });
    // Tuesday has no hours: the day is over from its start.
    const closedDay = await closedDaysOf(t.db, centre, new Date('2026-11-24T12:00:00Z'));
    expect(closedDay.throughDay).toBe('2026-11-24');
  });

  it('gives every open ticket a day-closed outcome, closes counters and visits, erases contacts; twice changes nothing', async () => {
    expect((await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`)).statusCode).toBe(200);
    expect((await post(w.officerB, `/api/v1/counters/${w.counterB}/open`)).statusCode).toBe(200);
    const visits: VisitView[] = [];
    for (const services of [[w.serviceA], [w.serviceA], [w.serviceA, w.serviceB], [w.serviceB]]) visits.push((await issue(w, services)).json<VisitView>());
    const parked = await call();
    expect((await post(w.officers[0]!, `/api/v1/queue/tickets/${parked.id}/park`, {})).statusCode).toBe(200);
    await call(); // called, left at the counter
    const serving = await call(w.officerB, w.counterB);
    expect((await post(w.officerB, `/api/v1/queue/tickets/${serving.id}/start`)).statusCode).toBe(200);
    const third = visits[2]!;
    const { local_day: localDay } = await t.db.selectFrom('visits').select('local_day').where('id', '=', third.id).executeTakeFirstOrThrow();
    await t.db
      .insertInto('ticket_alerts')
      .values({ visit_id: third.id, centre_id: w.centreId, local_day: localDay, channel: 'sms', recipient: '+351912345678', locale: 'pt', link: 'http://localhost/t/X', consent_at: new Date(), source: 'phone' })
      .execute();

    // Before closing time (the centre is open until midnight) nothing of today changes.
    const early = await queueDayEndTask.run(t.deps, new Date());
    expect(early).toMatchObject({ ticketsClosed: 0, visitsClosed: 0, countersClosed: 0 });

    const tomorrow = new Date(Date.now() + 26 * HOUR);
    const eventsBefore = Number((await t.db.selectFrom('ticket_events').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const counts = await queueDayEndTask.run(t.deps, tomorrow);
    expect(counts).toEqual({ centres: 1, ticketsClosed: 5, countersClosed: 2, visitsClosed: 4, alertsErased: 1 });

    const tickets = await t.db.selectFrom('tickets').select(['id', 'state', 'outcome', 'ended_at']).where('centre_id', '=', w.centreId).execute();
    expect(tickets).toHaveLength(5);
    for (const ticket of tickets) expect(ticket).toMatchObject({ state: 'cancelled', outcome: 'day_closed', ended_at: null });
    const events = await dayClosedEvents();
    expect(events.map((event) => event.ticket_id).sort()).toEqual(tickets.map((ticket) => ticket.id).sort());
    expect(events.every((event) => event.kind === 'cancelled' && event.note === 'day closed')).toBe(true);
    const sessions = await t.db.selectFrom('counter_sessions').select(['state', 'closed_at']).where('counter_id', 'in', [w.counters[0]!, w.counterB]).execute();
    expect(sessions.every((session) => session.state === 'closed' && session.closed_at !== null)).toBe(true);
    const openVisits = await t.db.selectFrom('visits').select('id').where('centre_id', '=', w.centreId).where('closed_at', 'is', null).execute();
    expect(openVisits).toHaveLength(0);
    expect(await t.db.selectFrom('ticket_alerts').select('visit_id').where('visit_id', '=', third.id).execute()).toHaveLength(0);
    // The day's report says why: five tickets cancelled, none served, no service time invented.
    const manager = await import('./queue.test-fixtures.js').then((f) => f.session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager'));
    const report = (await manager.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue-report?day=${localDay}` })).json<{ rows: { level: string; cancelled: number; served: number; serviceMeanMinutes: number | null }[] }>();
    expect(report.rows.find((row) => row.level === 'centre')).toMatchObject({ cancelled: 5, served: 0, serviceMeanMinutes: null });

    const again = await queueDayEndTask.run(t.deps, new Date(tomorrow.getTime() + HOUR));
    expect(again).toEqual({ centres: 0, ticketsClosed: 0, countersClosed: 0, visitsClosed: 0, alertsErased: 0 });
    const eventsAfter = Number((await t.db.selectFrom('ticket_events').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    expect(eventsAfter - eventsBefore).toBe(5 + 0);
  });

  it('closes each leftover once when two instances run at the same moment', async () => {
    expect((await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await issue(w, [w.serviceA]);
    await call();
    const tomorrow = new Date(Date.now() + 26 * HOUR);
    const [a, b] = await Promise.all([queueDayEndTask.run(t.deps, tomorrow), queueDayEndTask.run(t.deps, tomorrow)]);
    expect((a?.ticketsClosed ?? 0) + (b?.ticketsClosed ?? 0)).toBe(4);
    expect((a?.countersClosed ?? 0) + (b?.countersClosed ?? 0)).toBe(1);
    const perTicket = await t.db
      .selectFrom('ticket_events')
      .select(['ticket_id', sql<number>`count(*)`.as('n')])
      .where('outcome', '=', 'day_closed')
      .groupBy('ticket_id')
      .execute();
    expect(perTicket.every((row) => Number(row.n) === 1)).toBe(true);
    expect(perTicket).toHaveLength(9);
  });
});

describe('purge', () => {
  it('forgets old idempotency answers, past ticket sequences and sent-message markers, and only those', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 30 * HOUR);
    await t.db
      .insertInto('idempotency_keys')
      .values([
        { scope: 'test', key: 'old', request_hash: 'x', response: null, created_at: old },
        { scope: 'test', key: 'fresh', request_hash: 'x', response: null, created_at: now },
      ])
      .execute();
    await t.db
      .insertInto('ticket_sequences')
      .values([
        { service_id: w.serviceB, local_day: '2020-01-01', last_number: 40 },
        { service_id: w.serviceB, local_day: now.toISOString().slice(0, 10), last_number: 7 },
      ])
      .onConflict((conflict) => conflict.columns(['service_id', 'local_day']).doNothing())
      .execute();
    const first = await queuePurgeTask.run(t.deps, now);
    expect(first).toMatchObject({ idempotencyKeys: 1, ticketSequences: 1 });
    const keys = await t.db.selectFrom('idempotency_keys').select('key').where('scope', '=', 'test').execute();
    expect(keys.map((row) => row.key)).toEqual(['fresh']);
    const sequences = await t.db.selectFrom('ticket_sequences').select('local_day').where('service_id', '=', w.serviceB).execute();
    expect(sequences.map((row) => row.local_day)).not.toContain('2020-01-01');
    expect(sequences.length).toBeGreaterThan(0);
    expect(await queuePurgeTask.run(t.deps, now)).toEqual({ idempotencyKeys: 0, ticketSequences: 0, alertSends: 0, alerts: 0 });
  });
});
