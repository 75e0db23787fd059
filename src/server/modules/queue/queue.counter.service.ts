import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError, fromDatabaseError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCounterById } from '../network/network.counters.service.js';
import type { CounterView } from '../network/network.units.schemas.js';
import { noteQueueAdvanced } from './queue.advance.js';
import { withIdempotency } from './queue.idempotency.js';
import { can, ensureCan } from './queue.policy.js';
import { presentTicket } from './queue.presenters.js';
import * as repo from './queue.repo.js';
import type { CallNextResult, CounterStateView } from './queue.schemas.js';

/** A counter the actor may serve at (queue.serve on its unit); 404 when they cannot even see it. */
export async function loadServableCounter(db: Kysely<Database>, context: StaffContext, counterId: string): Promise<CounterView> {
  const counter = await findCounterById(db, counterId);
  if (!counter) throw AppError.notFound('The counter');
  ensureCan(context.actor, 'queue.serve', { centreId: counter.centreId, unitId: counter.unitId }, 'The counter');
  return counter;
}

/**
 * The live session of a counter, locked until commit: every action at one counter passes here, so
 * two clicks at the same counter are handled one after the other. Only the staff member who opened
 * the counter acts at it.
 */
export async function lockOwnOpenSession(trx: Kysely<Database>, context: StaffContext, counter: CounterView, options: { allowPaused: boolean }): Promise<repo.CounterSession> {
  const session = await repo.lockLiveSession(trx, counter.id);
  ensureOwnSession(context, counter.label, session ? { staffId: session.staff_id, state: session.state } : null, options);
  return session!;
}

/** The checks on a counter's live session before anyone acts at it. */
function ensureOwnSession(context: StaffContext, label: string, session: { staffId: string; state: string } | null, options: { allowPaused: boolean }): void {
  if (!session) throw AppError.conflict(`Counter ${label} is closed: open it first`);
  if (session.staffId !== context.actor.staffId) throw AppError.forbidden(`Counter ${label} is opened by someone else`);
  if (session.state === 'paused' && !options.allowPaused) throw AppError.conflict(`Counter ${label} is paused: resume it first`);
}

export async function counterState(db: Kysely<Database>, counter: CounterView): Promise<CounterStateView> {
  const session = await repo.findLiveSession(db, counter.id);
  const active = await repo.activeTicketOfCounter(db, counter.id);
  return {
    counterId: counter.id,
    label: counter.label,
    unitId: counter.unitId,
    centreId: counter.centreId,
    state: session?.state ?? 'closed',
    staffId: session?.staff_id ?? null,
    since: session?.state_since.toISOString() ?? null,
    activeTicket: active ? presentTicket(active) : null,
  };
}

async function recordCounterChange(trx: Kysely<Database>, context: StaffContext, counter: CounterView, state: 'open' | 'paused' | 'closed'): Promise<void> {
  await recordAudit(trx, context, { action: `queue.counter.${state}`, resourceType: 'counter', resourceId: counter.id, centreId: counter.centreId, unitId: counter.unitId });
  await writeRealtimeEvent(trx, {
    type: 'queue.counter_changed',
    centreId: counter.centreId,
    unitId: counter.unitId,
    payload: { counterId: counter.id, counterLabel: counter.label, state, staffId: context.actor.staffId },
  });
}

/** Opens a closed counter for the actor, or takes a paused one of theirs back to open. */
export async function openCounter(db: Kysely<Database>, context: StaffContext, counterId: string, now = new Date()): Promise<CounterStateView> {
  const counter = await loadServableCounter(db, context, counterId);
  if (counter.archivedAt) throw AppError.conflict(`Counter ${counter.label} is archived`);
  try {
    await db.transaction().execute(async (trx) => {
      const session = await repo.lockLiveSession(trx, counter.id);
      if (session && session.staff_id !== context.actor.staffId) throw AppError.conflict(`Counter ${counter.label} is already opened by someone else`);
      if (session?.state === 'open') return;
      if (session) await repo.updateSession(trx, session.id, { state: 'open', state_since: now });
      else {
        const elsewhere = await repo.liveSessionOfStaff(trx, context.actor.staffId);
        if (elsewhere) throw AppError.conflict('You are at another counter: close it first');
        await repo.insertSession(trx, { id: uuidv7(), counter_id: counter.id, staff_id: context.actor.staffId, state: 'open', opened_at: now, state_since: now });
      }
      await recordCounterChange(trx, context, counter, 'open');
    });
  } catch (error) {
    // Two opens racing past the checks meet the unique indexes on live sessions.
    throw fromDatabaseError(error) ?? error;
  }
  return counterState(db, counter);
}

export async function pauseCounter(db: Kysely<Database>, context: StaffContext, counterId: string, now = new Date()): Promise<CounterStateView> {
  const counter = await loadServableCounter(db, context, counterId);
  await db.transaction().execute(async (trx) => {
    const session = await lockOwnOpenSession(trx, context, counter, { allowPaused: true });
    if (session.state === 'paused') return;
    await repo.updateSession(trx, session.id, { state: 'paused', state_since: now });
    await recordCounterChange(trx, context, counter, 'paused');
  });
  return counterState(db, counter);
}

/** Closes a counter: its own staff member, or a manager of its unit (someone forgot to close). */
export async function closeCounter(db: Kysely<Database>, context: StaffContext, counterId: string, now = new Date()): Promise<CounterStateView> {
  const counter = await findCounterById(db, counterId);
  if (!counter) throw AppError.notFound('The counter');
  const place = { centreId: counter.centreId, unitId: counter.unitId };
  if (!can(context.actor, 'queue.manage', place)) ensureCan(context.actor, 'queue.serve', place, 'The counter');
  await db.transaction().execute(async (trx) => {
    const session = await repo.lockLiveSession(trx, counter.id);
    if (!session) return;
    if (session.staff_id !== context.actor.staffId && !can(context.actor, 'queue.manage', place)) throw AppError.forbidden(`Counter ${counter.label} is opened by someone else`);
    const active = await repo.activeTicketOfCounter(trx, counter.id);
    if (active) throw AppError.conflict(`Ticket ${active.number} is still at counter ${counter.label}: end, park or transfer it first`);
    await repo.updateSession(trx, session.id, { state: 'closed', state_since: now, closed_at: now, closed_by: context.actor.staffId });
    await recordCounterChange(trx, context, counter, 'closed');
  });
  return counterState(db, counter);
}

/**
 * Calls the next ticket to this counter. An empty queue is an answer, not an error. A retry with the
 * same Idempotency-Key returns the ticket the first request called.
 *
 * The busiest path of a centre's day, so it is three round trips without a key (a bare claim is
 * four): the transaction's start, one prepared statement that locks the counter's session, claims
 * the ticket and writes its ticket, audit and realtime events (`repo.callNextAtCounter`), and the
 * commit. The checks below read what that statement found; when one refuses, the error rolls the
 * transaction back, so whatever it did is undone. "You are next" messages are looked for only when
 * someone at the centre left a contact today.
 */
export async function callNext(db: Kysely<Database>, context: StaffContext, counterId: string, options: { idempotencyKey?: string | undefined; now?: Date } = {}): Promise<CallNextResult> {
  const now = options.now ?? new Date();
  const claim = options.idempotencyKey ? { scope: `queue.call:${counterId}:${context.actor.staffId}`, key: options.idempotencyKey, request: { counterId } } : null;
  const attempt = (lockFirst: boolean) =>
    withIdempotency(db, claim, async (trx) => {
      if (lockFirst) await repo.lockLiveSession(trx, counterId);
      const input = { counterId, staffId: context.actor.staffId, actorName: context.actor.username, ip: context.ip, requestId: context.requestId, now, auditId: uuidv7() };
      let outcome = await repo.callNextAtCounter(trx, input);
      // The statement's snapshot predates its wait for the session lock: the ticket it saw at the
      // counter may have been ended meanwhile by whoever held the lock. Asked again under the lock
      // (now ours), it sees the latest commit; this runs only when the answer would be a refusal.
      if (outcome.activeNumber !== null && !lockFirst) outcome = await repo.callNextAtCounter(trx, input);
      const { counter, ticket } = outcome;
      if (!counter) throw AppError.notFound('The counter');
      ensureCan(context.actor, 'queue.serve', { centreId: counter.centreId, unitId: counter.unitId }, 'The counter');
      ensureOwnSession(context, counter.label, outcome.session, { allowPaused: false });
      if (outcome.activeNumber !== null) throw AppError.conflict(`Ticket ${outcome.activeNumber} is still at counter ${counter.label}: end, park or transfer it first`);
      if (!ticket) return { ticket: null };
      if (outcome.contactsToday) await noteQueueAdvanced(trx, ticket, now);
      return { ticket: presentTicket(ticket) };
    });
  try {
    try {
      return await attempt(false);
    } catch (error) {
      // A double click: the other request called a ticket to this counter and committed while this
      // one waited for the session lock, unseen by this one's snapshot, and the unique index refused
      // a second active ticket. Run again with the lock taken first, which gives the answer a
      // sequential second click gets (409, the ticket is still at the counter).
      if (isSecondActiveTicket(error) && !db.isTransaction) return await attempt(true);
      throw error;
    }
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}

function isSecondActiveTicket(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505' && 'constraint' in error && error.constraint === 'tickets_one_active_per_counter';
}
