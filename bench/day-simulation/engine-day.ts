import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/types.js';
import type { StaffContext } from '../../src/server/http/request-context.js';
import { instantAt } from '../../src/server/modules/appointments/appointments.time.js';
import { callNext, openCounter, pauseCounter } from '../../src/server/modules/queue/queue.counter.service.js';
import { openVisit } from '../../src/server/modules/queue/queue.issue.service.js';
import { centreQueue } from '../../src/server/modules/queue/queue.read.service.js';
import { recentServiceMinutes } from '../../src/server/modules/queue/queue.estimate.repo.js';
import { savePolicy } from '../../src/server/modules/queue/queue.repo.js';
import { updateCounter } from '../../src/server/modules/network/network.counters.service.js';
import { SERVICE_TIME_SAMPLE } from '../../src/server/modules/queue/queue.estimate.js';
import { endService, startService } from '../../src/server/modules/queue/queue.ticket.service.js';
import { staffContext } from '../seed.js';
import type { Arrival } from './arrivals.js';

/** The demo centre the day runs at: its services by code and its counters with what they serve. */
export interface SimulatedCentre {
  centreId: string;
  timeZone: string;
  serviceIdOf: Map<string, string>;
  typicalMinutes: Map<string, number>;
  counters: { id: string; unitId: string; serviceIds: string[] }[];
}

/** What happened to one arrival's ticket, in minutes after local midnight. */
export interface SimulatedTicket {
  arrival: Arrival;
  calledAt: number;
  startedAt: number;
  /** The engine's estimate when the ticket was issued (null: no open counter served it then). */
  estimatedWait: number | null;
  /**
   * position × average service time ÷ open counters at the same moment: tickets of the same service
   * ahead, the plain mean of its last services, the open counters serving it.
   */
  simpleWait: number | null;
}

/** A person walks from the waiting room to the counter in about a minute. */
const WALK_MINUTES = 1;

export async function loadCentre(db: Kysely<Database>, code: string): Promise<SimulatedCentre> {
  const centre = await db.selectFrom('centres').select(['id', 'time_zone']).where('code', '=', code).executeTakeFirstOrThrow();
  const services = await db
    .selectFrom('services')
    .innerJoin('units', 'units.id', 'services.unit_id')
    .select(['services.id', 'services.code', 'services.typical_minutes'])
    .where('units.centre_id', '=', centre.id)
    .where('services.archived_at', 'is', null)
    .execute();
  const links = await db
    .selectFrom('counters')
    .innerJoin('units', 'units.id', 'counters.unit_id')
    .leftJoin('counter_services', 'counter_services.counter_id', 'counters.id')
    .select(['counters.id', 'counters.unit_id', 'counter_services.service_id'])
    .where('units.centre_id', '=', centre.id)
    .where('counters.archived_at', 'is', null)
    .orderBy('counters.unit_id')
    .orderBy('counters.label')
    .execute();
  const counters = new Map<string, { id: string; unitId: string; serviceIds: string[] }>();
  for (const link of links) {
    const counter = counters.get(link.id) ?? { id: link.id, unitId: link.unit_id, serviceIds: [] };
    if (link.service_id) counter.serviceIds.push(link.service_id);
    counters.set(link.id, counter);
  }
  return {
    centreId: centre.id,
    timeZone: centre.time_zone,
    serviceIdOf: new Map(services.map((service) => [service.code, service.id])),
    typicalMinutes: new Map(services.map((service) => [service.code, service.typical_minutes])),
    counters: [...counters.values()].filter((counter) => counter.serviceIds.length > 0),
  };
}

/** Every unit queues first come, first served: no head start for priority, emergencies or appointments. */
export async function makeCentreFifo(db: Kysely<Database>, centre: SimulatedCentre, managerId: string): Promise<void> {
  for (const unitId of new Set(centre.counters.map((counter) => counter.unitId))) {
    await savePolicy(db, unitId, { priorityHeadStartMinutes: 0, emergencyHeadStartMinutes: 0, appointmentHeadStartMinutes: 0, appointmentEarlyMinutes: 0, noShowAfterCalls: 3 }, managerId);
  }
}

type SimEvent =
  | { at: number; kind: 'arrival'; arrival: Arrival }
  | { at: number; kind: 'start' | 'end'; counter: number; ticketId: string }
  | { at: number; kind: 'lunch' | 'back'; counter: number };

/**
 * Runs the day through the engine's services with a simulated clock (`now` of each call): the
 * counters open at 08:30; each calls the next ticket whenever it is free, starts it a minute later
 * and ends it after the person's service time; counters of units with two or more take a lunch hour
 * in two shifts (12:00 and 13:00), entered beforehand as each counter's planned break, as a manager
 * would. Each ticket's estimate is read right after it is issued.
 */
export async function runDay(db: Kysely<Database>, centre: SimulatedCentre, day: string, arrivals: readonly Arrival[]): Promise<SimulatedTicket[]> {
  const clock = (minutes: number) => instantAt(centre.timeZone, day, minutes);
  const officers: StaffContext[] = [];
  const perUnit = new Map<string, number>();
  for (const counter of centre.counters) perUnit.set(counter.unitId, (perUnit.get(counter.unitId) ?? 0) + 1);
  const lunchOf: ({ from: number; to: number } | null)[] = [];
  const seenInUnit = new Map<string, number>();
  for (const [index, counter] of centre.counters.entries()) {
    const officer = await staffContext(db, `sim.officer.${index}`, 'agency_officer', 'unit', counter.unitId);
    await openCounter(db, officer, counter.id, clock(8.5 * 60));
    officers.push(officer);
    const position = seenInUnit.get(counter.unitId) ?? 0;
    seenInUnit.set(counter.unitId, position + 1);
    lunchOf.push(perUnit.get(counter.unitId)! >= 2 ? (position % 2 === 0 ? { from: 12 * 60, to: 13 * 60 } : { from: 13 * 60, to: 14 * 60 }) : null);
  }
  const reception = await staffContext(db, 'sim.reception', 'reception_mediator', 'centre', centre.centreId);
  const manager = await staffContext(db, 'sim.planner', 'centre_manager', 'centre', centre.centreId);
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  for (const [index, lunch] of lunchOf.entries()) {
    if (lunch) await updateCounter(db, manager, centre.counters[index]!.id, { breaks: [{ starts: hhmm(lunch.from), ends: hhmm(lunch.to) }] });
  }

  const events: SimEvent[] = arrivals.map((arrival) => ({ at: arrival.at, kind: 'arrival', arrival }));
  for (const [index, lunch] of lunchOf.entries()) if (lunch) events.push({ at: lunch.from, kind: 'lunch', counter: index });
  events.sort((a, b) => a.at - b.at);
  const schedule = (event: SimEvent) => {
    let index = events.findIndex((other) => other.at > event.at);
    if (index === -1) index = events.length;
    events.splice(index, 0, event);
  };
  const state = centre.counters.map(() => ({ busy: false, away: false }));
  const byTicket = new Map<string, SimulatedTicket>();
  const arrivalOfTicket = new Map<string, Arrival>();

  /** A free counter calls next at `at`; with nobody for it, it waits for the next arrival. */
  const tryCall = async (index: number, at: number) => {
    const counter = centre.counters[index]!;
    const lunch = lunchOf[index];
    if (lunch && !state[index]!.away && at >= lunch.from && at < lunch.to) {
      await pauseCounter(db, officers[index]!, counter.id, clock(at));
      state[index]!.away = true;
      schedule({ at: lunch.to, kind: 'back', counter: index });
      return;
    }
    const { ticket } = await callNext(db, officers[index]!, counter.id, { now: clock(at) });
    if (!ticket) return;
    state[index]!.busy = true;
    const arrival = arrivalOfTicket.get(ticket.id)!;
    const record = byTicket.get(ticket.id)!;
    record.calledAt = at;
    record.startedAt = at + WALK_MINUTES;
    // Each moment happens at its own time, so estimates in between see the counter busy.
    schedule({ at: record.startedAt, kind: 'start', counter: index, ticketId: ticket.id });
    schedule({ at: record.startedAt + arrival.serviceMinutes, kind: 'end', counter: index, ticketId: ticket.id });
  };

  while (events.length > 0) {
    const event = events.shift()!;
    if (event.kind === 'arrival') {
      await issue(event.arrival);
      // The counter idle longest among those serving this service calls at once.
      const serviceId = centre.serviceIdOf.get(event.arrival.serviceCode)!;
      const idle = centre.counters.findIndex((counter, index) => !state[index]!.busy && !state[index]!.away && counter.serviceIds.includes(serviceId));
      if (idle !== -1) await tryCall(idle, event.at);
    } else if (event.kind === 'lunch') {
      // An idle counter goes to lunch now; a busy one when its ticket ends.
      if (!state[event.counter]!.busy) await tryCall(event.counter, event.at);
    } else if (event.kind === 'start') {
      await startService(db, officers[event.counter]!, event.ticketId, { now: clock(event.at) });
    } else {
      if (event.kind === 'end') await endService(db, officers[event.counter]!, event.ticketId, { outcome: 'resolved' }, { now: clock(event.at) });
      if (event.kind === 'back') {
        await openCounter(db, officers[event.counter]!, centre.counters[event.counter]!.id, clock(event.at));
        state[event.counter]!.away = false;
      }
      state[event.counter]!.busy = false;
      await tryCall(event.counter, event.at);
    }
  }
  return [...byTicket.values()];

  async function issue(arrival: Arrival): Promise<void> {
    const now = clock(arrival.at);
    const serviceId = centre.serviceIdOf.get(arrival.serviceCode)!;
    const visit = await openVisit(
      db,
      { context: reception },
      {
        centreId: centre.centreId,
        language: 'en',
        purpose: '',
        interpreterNeeded: false,
        priorityReasons: arrival.priorityReasons,
        serviceIds: [serviceId],
        appointmentDueAt: arrival.appointmentAt === null ? null : clock(arrival.appointmentAt).toISOString(),
      },
      { now, origin: arrival.appointmentAt === null ? 'reception' : 'appointment' },
    );
    const ticketId = visit.tickets[0]!.id;
    const queue = await centreQueue(db, centre.centreId, centre.timeZone, now);
    const estimate = queue.estimates.get(ticketId);
    // The simple formula's position: tickets of the same service before this one in call order.
    const index = queue.ordered.findIndex((ticket) => ticket.id === ticketId);
    const position = queue.ordered.slice(0, index).filter((ticket) => ticket.service_id === serviceId).length;
    // Open counters only: a counter on its break is in the estimate's plan (back at its end), not open.
    const open = queue.counters.filter((counter) => !counter.backAt && counter.serviceIds.includes(serviceId)).length;
    const recent = (await recentServiceMinutes(db, [serviceId], SERVICE_TIME_SAMPLE)).get(serviceId) ?? [];
    const average = recent.length > 0 ? recent.reduce((sum, value) => sum + value, 0) / recent.length : centre.typicalMinutes.get(arrival.serviceCode)!;
    byTicket.set(ticketId, {
      arrival,
      calledAt: Number.NaN,
      startedAt: Number.NaN,
      estimatedWait: estimate?.minutes ?? null,
      simpleWait: open > 0 ? (position * average) / open : null,
    });
    arrivalOfTicket.set(ticketId, arrival);
  }
}
