import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterBreaks, countersForEstimate, estimateWaits, expectedServiceMinutes } from './queue.estimate.js';
import { callOrder, DEFAULT_QUEUE_POLICY, keepsAppointment, plannedOrder, type OrderableTicket } from './queue.ordering.js';

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

  it('queues a person checked in after the appointment time plus the grace as a walk-in', () => {
    const policy = { ...DEFAULT_QUEUE_POLICY, appointmentLateGraceMinutes: 5 };
    const walkIn = { id: 'a', queuedAt: new Date(now.getTime() - 30 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: null };
    const withinGrace = { id: 'b', queuedAt: new Date(now.getTime() - 2 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: new Date(now.getTime() - 6 * MINUTE) };
    const missed = { id: 'c', queuedAt: new Date(now.getTime() - 1 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: new Date(now.getTime() - 7 * MINUTE) };
    const missedElderly = { ...missed, id: 'd', priorityClass: 'priority' as const };
    expect(keepsAppointment(withinGrace, policy)).toBe(true);
    expect(keepsAppointment(missed, policy)).toBe(false);
    // 4 minutes late still goes first; 6 minutes late waits behind the walk-in who came before, and
    // keeps the head start of its priority class (it now counts as having come 21 minutes ago).
    expect(callOrder([walkIn, withinGrace, missed, missedElderly], () => policy, now).map((t) => t.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(plannedOrder([walkIn, missed], () => policy, now).map(({ ticket, notBefore }) => [ticket.id, notBefore])).toEqual([['a', null], ['c', null]]);
  });
});

describe('planned order (estimates)', () => {
  it('counts a checked-in appointment with the head start it will have when due, and not before it is callable', () => {
    const walkIn = { id: 'a', queuedAt: new Date(now.getTime() - 30 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: null };
    const early = { id: 'b', queuedAt: new Date(now.getTime() - 5 * MINUTE), priorityClass: 'normal' as const, appointmentDueAt: new Date(now.getTime() + 30 * MINUTE) };
    // Right now the early appointment is not due: it waits behind the walk-in...
    expect(callOrder([walkIn, early], () => DEFAULT_QUEUE_POLICY, now).map((t) => t.id)).toEqual(['a', 'b']);
    // ...but it will be called first once due, from the early window before its time.
    const planned = plannedOrder([walkIn, early], () => DEFAULT_QUEUE_POLICY, now);
    expect(planned.map(({ ticket }) => ticket.id)).toEqual(['b', 'a']);
    expect(planned[0]!.notBefore).toEqual(new Date(now.getTime() + (30 - DEFAULT_QUEUE_POLICY.appointmentEarlyMinutes) * MINUTE));
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

  it("counts a counter's planned break: away when free during it, back at its end; a ticket started before it is finished", () => {
    const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
    // c1 breaks from 5 to 65 minutes from now; c2 has no plan.
    const lunch = [{ from: at(5), to: at(65) }];
    const counters = [
      { id: 'c1', serviceIds: ['A'], busy: null, breaks: lunch },
      { id: 'c2', serviceIds: ['A'], busy: { serviceId: 'A', since: at(-2) } },
    ];
    const tickets = ['t1', 't2', 't3', 't4'].map((id) => ({ id, serviceId: 'A' }));
    const estimates = estimateWaits(tickets, counters, new Map([['A', 10]]), now);
    expect(estimates.get('t1')).toEqual({ ahead: 0, minutes: 0 }); // c1 now, served past the break's start (until 10)
    expect(estimates.get('t2')).toEqual({ ahead: 1, minutes: 8 }); // c2 ends its ticket at 8
    expect(estimates.get('t3')).toEqual({ ahead: 2, minutes: 18 }); // c2 again: c1 is away until 65
    expect(estimates.get('t4')).toEqual({ ahead: 3, minutes: 28 });
    expect(afterBreaks(at(10).getTime(), lunch)).toBe(at(65).getTime());
    expect(afterBreaks(at(65).getTime(), lunch)).toBe(at(65).getTime());
  });

  it('counts a counter paused during its planned break as back at its end, and one paused outside its plan not at all', () => {
    const instantOf = (time: string) => new Date(`2031-03-03T${time}:00Z`); // now is 11:00 there
    const live = [
      { id: 'lunch', serviceIds: ['A'], state: 'paused' as const, busy: null, breaks: [{ starts: '10:30', ends: '11:30' }] },
      { id: 'coffee', serviceIds: ['A'], state: 'paused' as const, busy: null, breaks: [{ starts: '15:00', ends: '15:15' }] },
      { id: 'open', serviceIds: ['A'], state: 'open' as const, busy: null, breaks: [{ starts: '13:00', ends: '14:00' }] },
    ];
    const counters = countersForEstimate(live, instantOf, now);
    expect(counters.map((counter) => [counter.id, counter.backAt ?? null])).toEqual([
      ['lunch', instantOf('11:30')],
      ['open', null],
    ]);
    const estimates = estimateWaits([{ id: 't1', serviceId: 'A' }, { id: 't2', serviceId: 'A' }, { id: 't3', serviceId: 'A' }], counters, new Map([['A', 20]]), now);
    expect([...estimates.values()].map((estimate) => estimate.minutes)).toEqual([0, 20, 30]); // open now, open again at 20, the other back at 30
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
