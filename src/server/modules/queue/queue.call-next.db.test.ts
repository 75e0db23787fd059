import type { LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 2);
});
afterAll(() => t?.close());

const callNextAt = (counterId: string, who = w.officers[0]!) => post(who, `/api/v1/counters/${counterId}/call-next`);
const waitingCount = async () => (await t.db.selectFrom('tickets').select('id').where('centre_id', '=', w.centreId).where('state', '=', 'waiting').execute()).length;

/** Call-next reads the counter, its centre and its session in one statement; each refusal still says why. */
describe('call-next refusals and what one call writes', () => {
  it('refuses an unknown counter (404), a closed one (409), a paused one (409), someone else’s and another unit’s (403), calling nobody', async () => {
    await issue(w, [w.serviceA]);
    const counter = w.counters[0]!;
    expect((await callNextAt(uuidv7())).statusCode).toBe(404);
    const closed = await callNextAt(counter);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('is closed');
    expect((await post(w.officers[0]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
    expect((await post(w.officers[0]!, `/api/v1/counters/${counter}/pause`)).statusCode).toBe(200);
    const paused = await callNextAt(counter);
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.message).toContain('paused');
    // The second officer of the same unit may serve there, but not at a counter opened by the first.
    expect((await callNextAt(counter, w.officers[1]!)).statusCode).toBe(403);
    // An officer of another unit of the centre sees the counter but may not serve there.
    expect((await callNextAt(counter, w.officerB)).statusCode).toBe(403);
    expect(await waitingCount()).toBe(1);
    expect((await post(w.officers[0]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
  });

  it('writes the call, its audit event and its realtime event together, and refuses a second call while the ticket is at the counter', async () => {
    const counter = w.counters[0]!;
    const response = await callNextAt(counter);
    expect(response.statusCode).toBe(200);
    const ticket = response.json<{ ticket: TicketView }>().ticket;
    expect(ticket).toMatchObject({ state: 'called', callCount: 1, counter: { id: counter, label: '1' }, serviceId: w.serviceA });
    expect(ticket.serviceNames.pt).toBeTruthy();

    const events = await t.db.selectFrom('ticket_events').select(['kind', 'counter_id']).where('ticket_id', '=', ticket.id).orderBy('id').execute();
    expect(events).toEqual([{ kind: 'issued', counter_id: null }, { kind: 'called', counter_id: counter }]);
    const audit = await t.db.selectFrom('audit_events').select(['actor_id', 'centre_id', 'unit_id', 'details']).where('action', '=', 'queue.ticket.called').where('resource_id', '=', ticket.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ centre_id: w.centreId, unit_id: w.unitId, details: { number: ticket.number, state: 'called', counterId: counter } });
    const realtime = await t.db.selectFrom('realtime_events').select(['centre_id', 'unit_id', 'payload', 'position']).where('type', '=', 'queue.ticket_called').execute();
    const published = realtime.filter((row) => (row.payload as { ticketId?: string }).ticketId === ticket.id);
    expect(published).toHaveLength(1);
    expect(published[0]!.position).not.toBeNull();
    expect(published[0]).toMatchObject({ centre_id: w.centreId, unit_id: w.unitId, payload: { number: ticket.number, counterLabel: '1', state: 'called', callCount: 1, serviceNames: ticket.serviceNames } });

    await issue(w, [w.serviceA]);
    const again = await callNextAt(counter);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(`Ticket ${ticket.number} is still at counter 1`);
    expect(await waitingCount()).toBe(1);
  });

  it('does not call tickets of a service the counter no longer serves', async () => {
    const counter = w.counters[1]!;
    expect((await post(w.officers[1]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
    await t.db.updateTable('services').set({ archived_at: new Date() }).where('id', '=', w.serviceA).execute();
    try {
      expect((await callNextAt(counter, w.officers[1]!)).json()).toEqual({ ticket: null });
    } finally {
      await t.db.updateTable('services').set({ archived_at: null }).where('id', '=', w.serviceA).execute();
    }
    const called = (await callNextAt(counter, w.officers[1]!)).json<{ ticket: TicketView }>().ticket;
    expect(called.state).toBe('called');
    const visit = (await issue(w, [w.serviceB])).json<VisitView>();
    // Unit 1's counter never takes unit 2's ticket.
    expect(visit.tickets[0]!.state).toBe('waiting');
  });
});

/**
 * Call-next locks the counter's session and reads the counter's ticket in one statement, whose
 * snapshot is taken before it waits for that lock. Whatever the lock's holder commits meanwhile must
 * still count: the answer is the one a call made just after the holder gets.
 */
describe('a call that waits for the counter behind another action', () => {
  let world: QueueWorld;
  let counter: string;
  beforeAll(async () => {
    world = await createQueueWorld(t, 1);
    counter = world.counters[0]!;
    expect((await post(world.officers[0]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
  });

  const waitingTicket = async () => (await issue(world, [world.serviceA])).json<VisitView>().tickets[0]!;

  /** Runs `change` in a transaction holding the counter's session lock while a call-next waits for it. */
  async function callBehind(change: (trx: Kysely<Database>) => Promise<void>) {
    let answer: Promise<LightMyRequestResponse> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await trx.selectFrom('counter_sessions').select('id').where('counter_id', '=', counter).where('state', '<>', 'closed').forUpdate().execute();
      answer = post(world.officers[0]!, `/api/v1/counters/${counter}/call-next`);
      // On PostgreSQL, go on once the call waits for the lock; PGlite runs one transaction at a
      // time, so there the call simply comes after this one.
      if (t.database.kind === 'postgres') await waitUntilBlocked();
      await change(trx);
    });
    return answer!;
  }

  async function waitUntilBlocked(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const blocked = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%prepared:queue.call_next%'`.execute(t.db);
      if (blocked.rows[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the call never waited for the counter');
  }

  it('answers 409 with the ticket another click called meanwhile, and calls nothing more', async () => {
    const first = await waitingTicket();
    await waitingTicket();
    const response = await callBehind(async (trx) => {
      // What the first of two clicks does in its transaction.
      await trx.updateTable('tickets').set({ state: 'called', counter_id: counter, called_at: new Date(), call_count: 1 }).where('id', '=', first.id).execute();
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.message).toContain(`Ticket ${first.number} is still at counter 1`);
    const called = await t.db.selectFrom('tickets').select('id').where('counter_id', '=', counter).where('state', 'in', ['called', 'serving']).execute();
    expect(called).toEqual([{ id: first.id }]);
  });

  it('calls the next ticket when the one at the counter was ended meanwhile', async () => {
    const atCounter = await t.db.selectFrom('tickets').select('id').where('counter_id', '=', counter).where('state', '=', 'called').executeTakeFirstOrThrow();
    const response = await callBehind(async (trx) => {
      await trx.updateTable('tickets').set({ state: 'done', started_at: new Date(), ended_at: new Date(), outcome: 'resolved' }).where('id', '=', atCounter.id).execute();
    });
    expect(response.statusCode, response.body).toBe(200);
    const ticket = response.json<{ ticket: TicketView | null }>().ticket;
    expect(ticket).toMatchObject({ state: 'called', counter: { id: counter, label: '1' } });
    expect(ticket!.id).not.toBe(atCounter.id);
  });
});

/** Each call reads the counter's place, the actor's rights and the day's contacts anew: what changed since the last call counts. */
describe('later calls at a counter', () => {
  let world: QueueWorld;
  let counter: string;
  beforeEach(async () => {
    world = await createQueueWorld(t, 1);
    counter = world.counters[0]!;
    expect((await post(world.officers[0]!, `/api/v1/counters/${counter}/open`)).statusCode).toBe(200);
  });

  const callAt = () => post(world.officers[0]!, `/api/v1/counters/${counter}/call-next`);
  const waiting = async () => (await t.db.selectFrom('tickets').select('id').where('centre_id', '=', world.centreId).where('state', '=', 'waiting').execute()).length;
  async function callAndFinish(): Promise<TicketView> {
    const response = await callAt();
    expect(response.statusCode, response.body).toBe(200);
    const ticket = response.json<{ ticket: TicketView }>().ticket;
    expect((await post(world.officers[0]!, `/api/v1/queue/tickets/${ticket.id}/start`)).statusCode).toBe(200);
    expect((await post(world.officers[0]!, `/api/v1/queue/tickets/${ticket.id}/end`, { outcome: 'resolved' })).statusCode).toBe(200);
    return ticket;
  }

  it('refuses once the right to serve is withdrawn (404: the counter is not even visible without a grant), calling nobody', async () => {
    await issue(world, [world.serviceA]);
    await issue(world, [world.serviceA]);
    await callAndFinish();
    const { staff_id: staffId } = await t.db.selectFrom('counter_sessions').select('staff_id').where('counter_id', '=', counter).where('state', '=', 'open').executeTakeFirstOrThrow();
    await t.db.deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
    expect((await callAt()).statusCode).toBe(404);
    expect(await waiting()).toBe(1);
  });

  it('follows a counter moved to another unit: its former unit’s officer may no longer call there', async () => {
    await issue(world, [world.serviceA]);
    await issue(world, [world.serviceA]);
    await callAndFinish();
    await t.db.updateTable('counters').set({ unit_id: world.unit2Id }).where('id', '=', counter).execute();
    expect((await callAt()).statusCode).toBe(403);
    expect(await waiting()).toBe(1);
  });

  it('sends "your turn" to a contact left after the counter’s last call', async () => {
    await issue(world, [world.serviceA]);
    const second = (await issue(world, [world.serviceA])).json<VisitView>();
    await callAndFinish();
    const left = await t.app.inject({ method: 'PUT', url: `/api/v1/public/tickets/${second.publicCode}/alert`, payload: { channel: 'sms', recipient: '+351912000111', consent: true } });
    expect(left.statusCode, left.body).toBe(200);
    const called = await callAndFinish();
    expect(called.id).toBe(second.tickets[0]!.id);
    const sent = await t.db.selectFrom('notifications').select(['template', 'subject_id']).where('centre_id', '=', world.centreId).execute();
    expect(sent).toEqual([{ template: 'queue.your_turn', subject_id: called.id }]);
  });
});
