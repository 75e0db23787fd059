import type { Kysely, Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, TicketState, TicketsTable } from '../../db/types.js';
import { AppError, fromDatabaseError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { lockOwnOpenSession, loadServableCounter } from './queue.counter.service.js';
import { recordTicketMoment, type TicketMoment } from './queue.events.js';
import { withIdempotency } from './queue.idempotency.js';
import { can, ensureCanSee } from './queue.policy.js';
import { presentTicket } from './queue.presenters.js';
import * as repo from './queue.repo.js';
import type { EndInput, NoteInput, ResumeInput, TicketView, TransferInput } from './queue.schemas.js';

interface ActionOptions {
  idempotencyKey?: string | undefined;
  now?: Date;
}

async function loadTicket(db: Kysely<Database>, context: StaffContext, ticketId: string): Promise<repo.TicketRow> {
  const ticket = await repo.findTicket(db, ticketId);
  if (!ticket) throw AppError.notFound('The ticket');
  ensureCanSee(context.actor, { centreId: ticket.centre_id }, 'The ticket');
  return ticket;
}

/** Moves a ticket from one of `from` to a new state, or explains why it cannot (someone else was faster). */
async function transition(trx: Kysely<Database>, ticket: repo.TicketRow, from: readonly TicketState[], changes: Updateable<TicketsTable>): Promise<repo.TicketRow> {
  if (!(await repo.updateTicketIfState(trx, ticket.id, from, changes))) {
    const now = await repo.findTicket(trx, ticket.id);
    throw AppError.conflict(`Ticket ${ticket.number} is ${now?.state ?? 'gone'}: this cannot be done now`);
  }
  return (await repo.findTicket(trx, ticket.id))!;
}

/** The next ticket of the visit joins its queue. */
async function advanceVisit(trx: Kysely<Database>, context: StaffContext, ticket: repo.TicketRow, now: Date): Promise<void> {
  const next = await repo.nextPendingOfVisit(trx, ticket.visit_id, ticket.visit_order);
  if (!next) return;
  await repo.updateTicketIfState(trx, next.id, ['pending'], { state: 'waiting', queued_at: now });
  await recordTicketMoment(trx, context, (await repo.findTicket(trx, next.id))!, { kind: 'queued', at: now, details: { after: ticket.number } });
}

/**
 * An action on the ticket held by a counter: only the staff member at that counter does it, one
 * action at a time (the session lock), and only from the states the action starts from.
 */
async function counterAction(
  db: Kysely<Database>,
  context: StaffContext,
  ticketId: string,
  name: string,
  options: ActionOptions,
  act: (trx: Kysely<Database>, ticket: repo.TicketRow, now: Date) => Promise<repo.TicketRow>,
): Promise<TicketView> {
  const now = options.now ?? new Date();
  const ticket = await loadTicket(db, context, ticketId);
  if (!ticket.counter_id) throw AppError.conflict(`Ticket ${ticket.number} is not at a counter`);
  const counter = await loadServableCounter(db, context, ticket.counter_id);
  const claim = options.idempotencyKey ? { scope: `queue.${name}:${context.actor.staffId}`, key: options.idempotencyKey, request: { ticketId, name } } : null;
  try {
    return await withIdempotency(db, claim, async (trx) => {
      await lockOwnOpenSession(trx, context, counter, { allowPaused: true });
      const fresh = (await repo.findTicket(trx, ticketId))!;
      if (fresh.counter_id !== counter.id) throw AppError.conflict(`Ticket ${ticket.number} is no longer at counter ${counter.label}`);
      return presentTicket(await act(trx, fresh, now));
    });
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}

async function moment(trx: Kysely<Database>, context: StaffContext, ticket: repo.TicketRow, value: TicketMoment): Promise<repo.TicketRow> {
  await recordTicketMoment(trx, context, ticket, value);
  return ticket;
}

export function recall(db: Kysely<Database>, context: StaffContext, ticketId: string, options: ActionOptions = {}): Promise<TicketView> {
  return counterAction(db, context, ticketId, 'recall', options, async (trx, ticket, now) => {
    const updated = await transition(trx, ticket, ['called'], { called_at: now, call_count: ticket.call_count + 1 });
    return moment(trx, context, updated, { kind: 'recalled', at: now, counterId: ticket.counter_id });
  });
}

export function startService(db: Kysely<Database>, context: StaffContext, ticketId: string, options: ActionOptions = {}): Promise<TicketView> {
  return counterAction(db, context, ticketId, 'start', options, async (trx, ticket, now) => {
    const updated = await transition(trx, ticket, ['called'], { state: 'serving', started_at: now });
    return moment(trx, context, updated, { kind: 'started', at: now, counterId: ticket.counter_id });
  });
}

export function endService(db: Kysely<Database>, context: StaffContext, ticketId: string, input: EndInput, options: ActionOptions = {}): Promise<TicketView> {
  return counterAction(db, context, ticketId, 'end', options, async (trx, ticket, now) => {
    const updated = await transition(trx, ticket, ['serving'], { state: 'done', ended_at: now, outcome: input.outcome });
    await moment(trx, context, updated, { kind: 'ended', at: now, counterId: ticket.counter_id, outcome: input.outcome, note: input.note ?? null });
    await advanceVisit(trx, context, updated, now);
    return updated;
  });
}

/** Nobody came after the unit's configured number of calls: the visit's later tickets go too. */
export function markNoShow(db: Kysely<Database>, context: StaffContext, ticketId: string, options: ActionOptions = {}): Promise<TicketView> {
  return counterAction(db, context, ticketId, 'no_show', options, async (trx, ticket, now) => {
    const policy = await repo.policyOf(trx, ticket.unit_id);
    if (ticket.call_count < policy.noShowAfterCalls) {
      throw AppError.conflict(`Ticket ${ticket.number} was called ${ticket.call_count} time(s); it can be marked absent after ${policy.noShowAfterCalls} calls`);
    }
    const updated = await transition(trx, ticket, ['called'], { state: 'no_show', ended_at: now });
    await moment(trx, context, updated, { kind: 'no_show', at: now, counterId: ticket.counter_id, details: { calls: ticket.call_count } });
    for (const pending of await repo.pendingOfVisit(trx, ticket.visit_id)) {
      await repo.updateTicketIfState(trx, pending.id, ['pending'], { state: 'cancelled', ended_at: now });
      await recordTicketMoment(trx, context, (await repo.findTicket(trx, pending.id))!, { kind: 'cancelled', at: now, note: `no-show of ${ticket.number}` });
    }
    return updated;
  });
}

/**
 * Sends the person to another service (of this or another unit of the centre) with the same number:
 * this ticket ends as 'transferred' and a new one with the same number joins the other queue now.
 */
export function transfer(db: Kysely<Database>, context: StaffContext, ticketId: string, input: TransferInput, options: ActionOptions = {}): Promise<TicketView> {
  return counterAction(db, context, ticketId, 'transfer', options, async (trx, ticket, now) => {
    const target = await findServiceById(trx, input.serviceId);
    if (!target || target.centreId !== ticket.centre_id) throw AppError.invalid([{ path: 'body.serviceId', message: 'is not a service of this centre' }]);
    if (target.archivedAt) throw AppError.invalid([{ path: 'body.serviceId', message: 'is no longer offered' }]);
    const old = await transition(trx, ticket, ['called', 'serving'], { state: 'transferred', ended_at: now, outcome: 'transferred' });
    await moment(trx, context, old, { kind: 'transferred', at: now, counterId: ticket.counter_id, note: input.note, details: { toServiceId: target.id } });
    const id = uuidv7();
    await repo.insertTicket(trx, {
      id,
      visit_id: ticket.visit_id,
      centre_id: ticket.centre_id,
      unit_id: target.unitId,
      service_id: target.id,
      local_day: ticket.local_day,
      number: ticket.number,
      visit_order: ticket.visit_order,
      state: 'waiting',
      priority_class: ticket.priority_class,
      appointment_due_at: null,
      transferred_from: ticket.id,
      issued_at: ticket.issued_at,
      queued_at: now,
      created_by: context.actor.staffId,
    });
    const created = (await repo.findTicket(trx, id))!;
    return moment(trx, context, created, { kind: 'queued', at: now, note: input.note, details: { fromTicketId: ticket.id, fromServiceId: ticket.service_id } });
  });
}

/** Puts a ticket aside (the person fetches a document); the counter is free to call the next one. */
export function park(db: Kysely<Database>, context: StaffContext, ticketId: string, input: NoteInput, options: ActionOptions = {}): Promise<TicketView> {
  return counterAction(db, context, ticketId, 'park', options, async (trx, ticket, now) => {
    const updated = await transition(trx, ticket, ['called', 'serving'], { state: 'parked' });
    return moment(trx, context, updated, { kind: 'parked', at: now, counterId: ticket.counter_id, note: input.note ?? null });
  });
}

/** Calls a parked ticket back to a counter (usually the one that parked it). */
export async function resume(db: Kysely<Database>, context: StaffContext, ticketId: string, input: ResumeInput, options: ActionOptions = {}): Promise<TicketView> {
  const now = options.now ?? new Date();
  const ticket = await loadTicket(db, context, ticketId);
  const counter = await loadServableCounter(db, context, input.counterId);
  if (counter.centreId !== ticket.centre_id) throw AppError.invalid([{ path: 'body.counterId', message: 'is not a counter of the ticket\'s centre' }]);
  if (ticket.counter_id !== counter.id && !counter.serviceIds.includes(ticket.service_id)) throw AppError.conflict(`Counter ${counter.label} does not serve this ticket's service`);
  const claim = options.idempotencyKey ? { scope: `queue.resume:${context.actor.staffId}`, key: options.idempotencyKey, request: { ticketId, ...input } } : null;
  try {
    return await withIdempotency(db, claim, async (trx) => {
      await lockOwnOpenSession(trx, context, counter, { allowPaused: false });
      const active = await repo.activeTicketOfCounter(trx, counter.id);
      if (active) throw AppError.conflict(`Ticket ${active.number} is still at counter ${counter.label}: end, park or transfer it first`);
      const fresh = (await repo.findTicket(trx, ticketId))!;
      const updated = await transition(trx, fresh, ['parked'], { state: 'called', counter_id: counter.id, called_at: now, call_count: fresh.call_count + 1 });
      return presentTicket(await moment(trx, context, updated, { kind: 'resumed', at: now, counterId: counter.id }));
    });
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}

/**
 * Cancels a ticket: reception (queue.issue at the centre) or the ticket's unit (queue.serve) while it
 * waits; the counter holding it once called. The visit's next ticket then joins its queue.
 */
export async function cancel(db: Kysely<Database>, context: StaffContext, ticketId: string, input: NoteInput, options: ActionOptions = {}): Promise<TicketView> {
  const now = options.now ?? new Date();
  const ticket = await loadTicket(db, context, ticketId);
  if (ticket.state === 'called' || ticket.state === 'serving') {
    return counterAction(db, context, ticketId, 'cancel', options, (trx, fresh) => cancelIn(trx, context, fresh, ['called', 'serving'], input, now));
  }
  const place = { centreId: ticket.centre_id, unitId: ticket.unit_id };
  if (!can(context.actor, 'queue.issue', place) && !can(context.actor, 'queue.serve', place)) throw AppError.forbidden();
  const claim = options.idempotencyKey ? { scope: `queue.cancel:${context.actor.staffId}`, key: options.idempotencyKey, request: { ticketId } } : null;
  return withIdempotency(db, claim, async (trx) => presentTicket(await cancelIn(trx, context, ticket, ['pending', 'waiting', 'parked'], input, now)));
}

async function cancelIn(trx: Kysely<Database>, context: StaffContext, ticket: repo.TicketRow, from: TicketState[], input: NoteInput, now: Date): Promise<repo.TicketRow> {
  const updated = await transition(trx, ticket, from, { state: 'cancelled', ended_at: now });
  await moment(trx, context, updated, { kind: 'cancelled', at: now, counterId: ticket.counter_id, note: input.note ?? null });
  // A later ticket of the visit still pending goes ahead; a cancelled pending ticket is just skipped.
  if (ticket.state !== 'pending') await advanceVisit(trx, context, updated, now);
  return updated;
}

