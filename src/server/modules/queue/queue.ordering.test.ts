import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWaits, expectedServiceMinutes } from './queue.estimate.js';
import { callOrder, DEFAULT_QUEUE_POLICY, plannedOrder, type OrderableTicket } from './queue.ordering.js';

const MINUTE = 60_000;
const now = new Date('2031-03-03T11:00:00Z');
const ticketArb = fc.record({
  id: fc.uuid(),
  queuedAt: fc.integer({ min: 0, max: 300 }).map((ago) => new Date(now.getTime() - ago * MINUTE)),
  priorityClass: fc.constantFrom('normal' as const, 'priority' as const, 'emergency' as const),
  appointmentDueAt: fc.constant(null),
});

describe('ordering policy (pure)', () => {
  it('never lets anyone overtake a ticket who arrived more than the largest head start after it (ageing)', () => {
    const maxHeadStart = Math.max(DEFAULT_QUEUE_POLICY.priorityHeadStartMinutes, DEFAULT_QUEUE_POLICY.emergencyHeadStartMinutes);
    fc.assert(
      fc.property(fc.uniqueArray(ticketArb, { selector: (t) => t.id, maxLength: 30 }), (tickets: OrderableTicket[]) => {
        const order = callOrder(tickets, () => DEFAULT_QUEUE_POLICY, now);
        order.forEach((ticket, index) => {
          for (const later of order.slice(index + 1)) {
            // Whoever is called before `later` arrived no more than maxHeadStart after it.
            expect(ticket.queuedAt.getTime()).toBeLessThanOrEqual(later.queuedAt.getTime() + maxHeadStart * MINUTE);
          }
        });
      }),
    );
  });

  it('keeps plain arrival order within one class', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ticketArb.map((t) => ({ ...t, priorityClass: 'normal' as const })), { selector: (t) => t.id, maxLength: 30 }), (tickets) => {
        const order = callOrder(tickets, () => DEFAULT_QUEUE_POLICY, now);
        for (let i = 1; i < order.length; i++) expect(order[i - 1]!.queuedAt.getTime()).toBeLessThanOrEqual(order[i]!.queuedAt.getTime());
      }),
    );
  });

  it('puts an appointment due now ahead of walk-ins who came shortly before, but not one due later', () => {
    const walkIn = { id: 'a', queuedAt: new Date(now.getTime() - 30 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: null };
    const due = { id: 'b', queuedAt: new Date(now.getTime() - 5 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: new Date(now.getTime() + 5 * MINUTE) };
    const later = { id: 'c', queuedAt: new Date(now.getTime() - 5 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: new Date(now.getTime() + 60 * MINUTE) };
    expect(callOrder([walkIn, due, later], () => DEFAULT_QUEUE_POLICY, now).map((t) => t.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('planned order (estimates)', () => {
  it('counts a checked-in appointment with the head start it will have when due, and not before it is callable', () => {
    const walkIn = { id: 'a', queuedAt: new Date(now.getTime() - 30 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: null };
    const early = { id: 'b', queuedAt: new Date(now.getTime() - 5 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: new Date(now.getTime() + 30 * MINUTE) };
    // Right now the early appointment is not due: it waits behind the walk-in...
    expect(callOrder([walkIn, early], () => DEFAULT_QUEUE_POLICY, now).map((t) => t.id)).toEqual(['a', 'b']);
    // ...but it will be called first once due, from 10 minutes before its time.
    const planned = plannedOrder([walkIn, early], () => DEFAULT_QUEUE_POLICY, now);
    expect(planned.map(({ ticket }) => ticket.id)).toEqual(['b', 'a']);
    expect(planned[0]!.notBefore).toEqual(new Date(now.getTime() + 20 * MINUTE));
    expect(planned[1]!.notBefore).toBeNull();
  });

  it('is the call order when no appointment is waiting to fall due', () => {
    fc.assert(
      fc.property(fc.uniqueArray(ticketArb, { selector: (t) => t.id, maxLength: 30 }), (tickets: OrderableTicket[]) => {
        const planned = plannedOrder(tickets, () => DEFAULT_QUEUE_POLICY, now);
        expect(planned.map(({ ticket }) => ticket.id)).toEqual(callOrder(tickets, () => DEFAULT_QUEUE_POLICY, now).map((t) => t.id));
        expect(planned.every(({ notBefore }) => notBefore === null)).toBe(true);
      }),
    );
  });
});

describe('waiting-time estimates', () => {
  it('does not call an appointment before it falls due, while its counter time still counts for those behind', () => {
    const counters = [{ id: 'c1', serviceIds: ['A'], busy: null }];
    const estimates = estimateWaits(
      [{ id: 'appointment', serviceId: 'A', notBefore: new Date(now.getTime() + 15 * MINUTE) }, { id: 'walk-in', serviceId: 'A' }],
      counters,
      new Map([['A', 10]]),
      now,
    );
    expect(estimates.get('appointment')).toEqual({ ahead: 0, minutes: 15 });
    expect(estimates.get('walk-in')).toEqual({ ahead: 1, minutes: 10 });
  });

  it('trims outliers from recent service times and falls back to the typical duration', () => {
    expect(expectedServiceMinutes([5, 6], 15)).toBe(15);
    expect(expectedServiceMinutes([10, 10, 10, 10, 10, 10, 10, 10, 10, 300], 15)).toBe(10);
  });

  it('hands tickets to the counter free earliest, each with its own service time', () => {
    const counters = [
      { id: 'c1', serviceIds: ['A'], busy: { serviceId: 'A', since: new Date(now.getTime() - 4 * MINUTE) } },
      { id: 'c2', serviceIds: ['A', 'B'], busy: null },
    ];
    const expected = new Map([['A', 10], ['B', 20]]);
    const estimates = estimateWaits([{ id: 't1', serviceId: 'B' }, { id: 't2', serviceId: 'A' }, { id: 't3', serviceId: 'A' }, { id: 't4', serviceId: 'C' }], counters, expected, now);
    expect(estimates.get('t1')).toEqual({ ahead: 0, minutes: 0 }); // c2 is free now
    expect(estimates.get('t2')).toEqual({ ahead: 1, minutes: 6 }); // c1 ends its ticket in 6 minutes
    expect(estimates.get('t3')).toEqual({ ahead: 2, minutes: 16 }); // c1 again after t2 (c2 busy until 20)
    expect(estimates.get('t4')).toEqual({ ahead: 0, minutes: null }); // nobody serves C
  });
});
