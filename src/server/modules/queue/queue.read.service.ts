import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext, StaffContext } from '../../http/request-context.js';
import { recordPersonalDataRead } from '../audit/audit.service.js';
import { instantAt, minutesOf } from '../appointments/appointments.time.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { findCounterById } from '../network/network.counters.service.js';
import { localDateTime } from '../network/network.opening.js';
import { findCentreById } from '../network/network.service.js';
import { counterState } from './queue.counter.service.js';
import { countersForEstimate, estimateWaits, expectedServiceMinutes, SERVICE_TIME_SAMPLE, type EstimateCounter, type TicketEstimate } from './queue.estimate.js';
import { callOrder, DEFAULT_QUEUE_POLICY, plannedOrder } from './queue.ordering.js';
import { ensureCan, ensureCanSee } from './queue.policy.js';
import { presentTicket, presentVisit } from './queue.presenters.js';
import * as estimateRepo from './queue.estimate.repo.js';
import * as repo from './queue.repo.js';
import type { CounterQueueView, PublicTicketView, TicketDetail } from './queue.schemas.js';

const MINUTE_MS = 60_000;

/** Every waiting ticket of a centre's day in call order, with its estimate. */
export interface CentreQueue {
  ordered: repo.TicketRow[];
  estimates: Map<string, TicketEstimate>;
  /** What the estimate was computed from, for "what if a ticket were issued now" (the kiosk). */
  counters: EstimateCounter[];
  expected: Map<string, number>;
}

export async function centreQueue(db: Kysely<Database>, centreId: string, timeZone: string, now: Date, extraServiceIds: readonly string[] = []): Promise<CentreQueue> {
  const localDay = localDateTime(timeZone, now).date;
  const waiting = await repo.waitingTicketsOfCentre(db, centreId, localDay);
  const policies = await repo.findPolicies(db, [...new Set(waiting.map((ticket) => ticket.unit_id))]);
  const orderable = waiting.map((ticket) => ({ ...ticket, queuedAt: ticket.queued_at!, priorityClass: ticket.priority_class, appointmentDueAt: ticket.appointment_due_at }));
  const policyOf = (ticket: repo.TicketRow) => policies.get(ticket.unit_id) ?? DEFAULT_QUEUE_POLICY;
  const ordered = callOrder(orderable, policyOf, now);
  const counters = countersForEstimate(await estimateRepo.liveCountersOfCentre(db, centreId), (time) => instantAt(timeZone, localDay, minutesOf(time)), now);
  const serviceIds = [...new Set([...ordered.map((ticket) => ticket.service_id), ...counters.flatMap((counter) => (counter.busy ? [counter.busy.serviceId] : [])), ...extraServiceIds])];
  const recent = await estimateRepo.recentServiceMinutes(db, serviceIds, SERVICE_TIME_SAMPLE);
  const expected = new Map<string, number>();
  for (const id of serviceIds) {
    const service = await findServiceById(db, id);
    expected.set(id, expectedServiceMinutes(recent.get(id) ?? [], service?.typicalMinutes ?? 15));
  }
  const planned = plannedOrder(orderable, policyOf, now).map(({ ticket, notBefore }) => ({ id: ticket.id, serviceId: ticket.service_id, notBefore }));
  const estimates = estimateWaits(planned, counters, expected, now);
  return { ordered, estimates, counters, expected };
}

/** What a counter shows: its state and the tickets waiting for the services it serves, in call order. */
export async function counterQueue(db: Kysely<Database>, context: StaffContext, counterId: string, now = new Date()): Promise<CounterQueueView> {
  const counter = await findCounterById(db, counterId);
  if (!counter) throw AppError.notFound('The counter');
  ensureCan(context.actor, 'queue.read', { centreId: counter.centreId, unitId: counter.unitId }, 'The counter');
  const centre = (await findCentreById(db, counter.centreId))!;
  const { ordered, estimates } = await centreQueue(db, centre.id, centre.timeZone, now);
  const waiting = ordered
    .filter((ticket) => counter.serviceIds.includes(ticket.service_id))
    .map((ticket) => {
      const estimate = estimates.get(ticket.id);
      return {
        ...presentTicket(ticket),
        waitedMinutes: Math.max(0, Math.floor((now.getTime() - ticket.queued_at!.getTime()) / MINUTE_MS)),
        ahead: estimate?.ahead ?? 0,
        estimatedMinutes: estimate?.minutes ?? null,
      };
    });
  const parked = await repo.parkedTickets(db, counter.serviceIds, localDateTime(centre.timeZone, now).date);
  return { counter: await counterState(db, counter), waiting, parked: parked.map(presentTicket) };
}

/** A ticket with its visit's details, for the counter serving it: a read of personal data, audited. */
export async function getTicketDetail(db: Kysely<Database>, context: StaffContext, ticketId: string): Promise<TicketDetail> {
  const ticket = await repo.findTicket(db, ticketId);
  if (!ticket) throw AppError.notFound('The ticket');
  ensureCanSee(context.actor, { centreId: ticket.centre_id }, 'The ticket');
  const place = { centreId: ticket.centre_id, unitId: ticket.unit_id };
  // Reception that issued it, or the unit whose queue it is in.
  try {
    ensureCan(context.actor, 'queue.serve', place, 'The ticket');
  } catch {
    ensureCan(context.actor, 'queue.issue', place, 'The ticket');
  }
  const visit = (await repo.findVisit(db, ticket.visit_id))!;
  const tickets = await repo.ticketsOfVisit(db, visit.id);
  const notes = await db
    .selectFrom('ticket_events')
    .select(['kind', 'at', 'note'])
    .where('ticket_id', 'in', tickets.map((one) => one.id))
    .where('note', 'is not', null)
    .orderBy('id')
    .execute();
  await db.transaction().execute((trx) =>
    recordPersonalDataRead(trx, context, { action: 'queue.ticket.read', resourceType: 'visit', resourceId: visit.id, centreId: ticket.centre_id, unitId: ticket.unit_id, details: { ticketId } }),
  );
  const { tickets: _omitted, ...visitView } = presentVisit(visit, []);
  return { ticket: presentTicket(ticket), visit: visitView, notes: notes.map((note) => ({ kind: note.kind, at: note.at.toISOString(), note: note.note ?? '' })) };
}

const LIVE_STATES = new Set(['waiting', 'called', 'serving', 'parked']);

/**
 * The virtual queue: the visit's current ticket by its public code, with its place and estimate.
 * Nothing personal: no name, purpose or priority reason.
 */
export async function publicTicket(db: Kysely<Database>, _context: RequestContext, code: string, now = new Date()): Promise<PublicTicketView> {
  const visit = await repo.findVisitByCode(db, code);
  if (!visit) throw AppError.notFound('The ticket');
  const tickets = (await repo.ticketsOfVisit(db, visit.id)).filter((ticket) => ticket.state !== 'transferred');
  const current = tickets.find((ticket) => LIVE_STATES.has(ticket.state)) ?? tickets.find((ticket) => ticket.state === 'pending') ?? tickets.at(-1);
  if (!current) throw AppError.notFound('The ticket');
  const centre = (await findCentreById(db, visit.centre_id))!;
  let ahead: number | null = null;
  let estimatedMinutes: number | null = null;
  if (current.state === 'waiting') {
    const estimate = (await centreQueue(db, centre.id, centre.timeZone, now)).estimates.get(current.id);
    ahead = estimate?.ahead ?? null;
    estimatedMinutes = estimate?.minutes ?? null;
  }
  return {
    number: current.number,
    serviceNames: current.service_names,
    centreName: centre.name,
    language: visit.language,
    state: current.state,
    ahead,
    estimatedMinutes,
    counterLabel: current.state === 'called' || current.state === 'serving' ? current.counter_label : null,
    calledAt: current.called_at?.toISOString() ?? null,
    nextServices: tickets.filter((ticket) => ticket.state === 'pending' && ticket.id !== current.id).map((ticket) => ticket.service_names),
  };
}
