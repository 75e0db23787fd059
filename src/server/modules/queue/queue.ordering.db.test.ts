import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import type { PriorityClass } from '../../db/types.js';
import { localDateTime } from '../network/network.opening.js';
import { callOrder, DEFAULT_QUEUE_POLICY, type QueuePolicy } from './queue.ordering.js';
import { callNextAtCounter } from './queue.repo.js';
import type { TicketView, VisitView } from './queue.schemas.js';
import { createQueueWorld, issue, post, type QueueWorld } from './queue.test-fixtures.js';

/** The SQL of call-next calls tickets in exactly the order the documented rule (queue.ordering.ts) gives. */

let t: TestApp;
let w: QueueWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
});
afterAll(() => t?.close());

const MINUTE = 60_000;
const ticketArb = fc.record({
  queuedMinutesAgo: fc.integer({ min: 0, max: 240 }),
  priorityClass: fc.constantFrom<PriorityClass>('normal', 'normal', 'priority', 'emergency'),
  appointmentDueIn: fc.option(fc.integer({ min: -60, max: 90 }), { freq: 3 }),
});
const policyArb = fc.record({
  priorityHeadStartMinutes: fc.integer({ min: 0, max: 60 }),
  emergencyHeadStartMinutes: fc.integer({ min: 0, max: 240 }),
  appointmentHeadStartMinutes: fc.integer({ min: 0, max: 90 }),
  appointmentEarlyMinutes: fc.integer({ min: 0, max: 30 }),
  appointmentLateGraceMinutes: fc.integer({ min: 0, max: 30 }),
  noShowAfterCalls: fc.constant(3),
});

let run = 0;

describe('ordering policy', () => {
  it('call-next in SQL follows the documented order for random queues and policies', async () => {
    expect((await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`)).statusCode).toBe(200);
    const { staff_id: staffId } = await t.db.selectFrom('counter_sessions').select('staff_id').where('counter_id', '=', w.counters[0]!).where('state', '=', 'open').executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 12 }), fc.option(policyArb), async (specs, policy) => {
        // Each run lives on its own day, so runs do not see each other's tickets.
        const now = new Date(Date.UTC(2031, 0, 1, 12) + ++run * 86_400_000);
        const day = localDateTime('Europe/Lisbon', now).date;
        await t.db.deleteFrom('queue_policies').where('unit_id', '=', w.unitId).execute();
        if (policy) await t.db.insertInto('queue_policies').values({ unit_id: w.unitId, priority_head_start_minutes: policy.priorityHeadStartMinutes, emergency_head_start_minutes: policy.emergencyHeadStartMinutes, appointment_head_start_minutes: policy.appointmentHeadStartMinutes, appointment_early_minutes: policy.appointmentEarlyMinutes, appointment_late_grace_minutes: policy.appointmentLateGraceMinutes, no_show_after_calls: 3 }).execute();
        const tickets = [];
        for (const [i, spec] of specs.entries()) {
          const visitId = uuidv7();
          await t.db.insertInto('visits').values({ id: visitId, centre_id: w.centreId, local_day: day, public_code: `R${run}X${i}`.padEnd(10, 'Z'), language: 'pt', origin: 'reception' }).execute();
          const ticket = { id: uuidv7(), queuedAt: new Date(now.getTime() - spec.queuedMinutesAgo * MINUTE), priorityClass: spec.priorityClass, appointmentDueAt: spec.appointmentDueIn === null ? null : new Date(now.getTime() + spec.appointmentDueIn * MINUTE) };
          tickets.push(ticket);
          await t.db.insertInto('tickets').values({ id: ticket.id, visit_id: visitId, centre_id: w.centreId, unit_id: w.unitId, service_id: w.serviceA, local_day: day, number: `A${i}`, visit_order: 1, state: 'waiting', priority_class: ticket.priorityClass, appointment_due_at: ticket.appointmentDueAt, issued_at: ticket.queuedAt, queued_at: ticket.queuedAt }).execute();
        }
        const expected = callOrder(tickets, () => (policy ?? DEFAULT_QUEUE_POLICY) as QueuePolicy, now).map((ticket) => ticket.id);
        const called: string[] = [];
        for (;;) {
          const outcome = await t.db.transaction().execute((trx) =>
            callNextAtCounter(trx, { counterId: w.counters[0]!, staffId, actorName: 'officer', ip: null, requestId: null, now, auditId: uuidv7() }),
          );
          expect(outcome.activeNumber).toBeNull();
          const id = outcome.ticket?.id;
          if (!id) break;
          expect(outcome.ticket).toMatchObject({ state: 'called', counter_id: w.counters[0], call_count: 1, service_id: w.serviceA, local_day: day, counter_label: '1' });
          called.push(id);
          await t.db.updateTable('tickets').set({ state: 'done', ended_at: now }).where('id', '=', id).execute();
        }
        expect(called).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('calls a priority ticket issued later before a normal one, through the API', async () => {
    await t.db.deleteFrom('queue_policies').where('unit_id', '=', w.unitId).execute();
    const normal = (await issue(w, [w.serviceA])).json<VisitView>();
    const elderly = (await issue(w, [w.serviceA], { priorityReasons: ['elderly'] })).json<VisitView>();
    expect(elderly.tickets[0]!.priorityClass).toBe('priority');
    await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/open`);
    const list = (await w.officers[0]!.request({ method: 'GET', url: `/api/v1/counters/${w.counters[0]}/queue` })).json<{ waiting: TicketView[] }>();
    expect(list.waiting.map((ticket) => ticket.id)).toEqual([elderly.tickets[0]!.id, normal.tickets[0]!.id]);
    const first = (await post(w.officers[0]!, `/api/v1/counters/${w.counters[0]}/call-next`)).json<{ ticket: TicketView }>().ticket;
    expect(first.id).toBe(elderly.tickets[0]!.id);
  });
});
