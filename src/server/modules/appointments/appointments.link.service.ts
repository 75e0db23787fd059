import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordPersonalDataChange } from '../audit/audit.service.js';
import { findBookableSlot, loadBookingSetup } from './appointments.availability.service.js';
import { slotTaken } from './appointments.booking.service.js';
import { afterCancelled, afterMoved, type BookingMessenger } from './appointments.notify.js';
import { scheduleSeatReturn } from './appointments.waitlist.service.js';
import { presentPublic } from './appointments.presenters.js';
import { announceSeatsFreed, forgetFullSlots } from './appointments.seat-gate.js';
import * as repo from './appointments.repo.js';
import type { PublicAppointmentView, RescheduleInput, SecretInput } from './appointments.schemas.js';
import { normaliseReference, REFERENCE_PATTERN, secretMatches } from './appointments.secrets.js';

/** The person's own link: view, move or cancel a booking with its reference and secret. */

/** One answer for an unknown reference and a wrong secret, so references cannot be enumerated. */
function noMatch(): AppError {
  return AppError.notFound('A booking with this reference and code');
}

/** The booking the reference and secret open; the secret is compared in constant time even when there is none. */
export async function openBooking(db: Kysely<Database>, input: SecretInput): Promise<repo.AppointmentRow> {
  const reference = normaliseReference(input.reference);
  const row = REFERENCE_PATTERN.test(reference) ? await repo.findByReference(db, reference) : undefined;
  const visible = row && row.state !== 'held' && row.state !== 'expired' ? row : undefined;
  if (!secretMatches(visible?.token_hash, input.secret) || !visible) throw noMatch();
  return visible;
}

export async function viewBooking(db: Kysely<Database>, input: SecretInput): Promise<PublicAppointmentView> {
  return presentPublic(await openBooking(db, input));
}

/**
 * Cancels a booked appointment; its seat returns to the pool at a random moment within the
 * service's release window, so nobody can watch for a cancellation and grab it on the spot. After
 * the commit the caller calls `forgetFullSlots` for the cancelled ones.
 */
export async function cancelInTransaction(trx: Transaction<Database>, messenger: BookingMessenger, row: repo.AppointmentRow, cancelledBy: string | null): Promise<repo.AppointmentRow | undefined> {
  const cancelled = await repo.updateAppointment(trx, row.id, { state: 'cancelled', cancelled_at: new Date(), cancelled_by: cancelledBy }, 'booked');
  if (!cancelled) return undefined;
  const policy = await repo.findPolicy(trx, row.service_id);
  const afterSeconds = randomInt((policy?.release_window_minutes ?? 0) * 60 + 1);
  await repo.releaseSeat(trx, cancelled, afterSeconds);
  await scheduleSeatReturn(trx, cancelled, afterSeconds);
  await announceSeatsFreed(trx, { centreId: cancelled.centre_id, serviceId: cancelled.service_id, startsAt: cancelled.starts_at });
  await afterCancelled(trx, messenger, cancelled);
  return cancelled;
}

function ensureUpcoming(row: repo.AppointmentRow): void {
  if (row.state !== 'booked') throw AppError.conflict(`The booking is ${row.state.replace('_', ' ')} and can no longer be changed`);
  if (row.starts_at <= new Date()) throw AppError.conflict('The appointment has already started');
}

export async function cancelBooking(db: Kysely<Database>, context: RequestContext, messenger: BookingMessenger, input: SecretInput): Promise<PublicAppointmentView> {
  const row = await openBooking(db, input);
  // Cancelling twice is answered like the first time.
  if (row.state === 'cancelled') return presentPublic(row);
  ensureUpcoming(row);
  const cancelled = await db.transaction().execute(async (trx) => {
    const done = await cancelInTransaction(trx, messenger, row, null);
    if (done) await recordPersonalDataChange(trx, context, { action: 'appointment.cancel', resourceType: 'appointment', resourceId: row.id, centreId: row.centre_id, details: { by: 'person' } });
    return done ?? (await repo.findAppointment(trx, row.id))!;
  });
  forgetFullSlots(db, [{ serviceId: row.service_id, startsAt: row.starts_at }]);
  return presentPublic(cancelled);
}

/**
 * Moves a booking to another time of the same service: the new seat is taken before the old one is
 * let go, in one transaction, so the person never ends up with neither.
 */
export async function moveBooking(db: Kysely<Database>, context: RequestContext, messenger: BookingMessenger, row: repo.AppointmentRow, startsAt: Date, channel: 'public' | 'phone' | 'staff'): Promise<repo.AppointmentRow> {
  ensureUpcoming(row);
  if (row.starts_at.getTime() === startsAt.getTime()) return row;
  const setup = await loadBookingSetup(db, row.service_id);
  const range = await findBookableSlot(db, setup, startsAt, channel);
  if (range.last < 1) throw slotTaken();
  const moved = await db.transaction().execute(async (trx) => {
    const current = await repo.lockAppointment(trx, row.id);
    if (!current) throw AppError.notFound('The booking');
    ensureUpcoming(current);
    const seat = await repo.takeSeat(trx, { serviceId: row.service_id, startsAt, appointmentId: row.id, first: range.first, last: range.last, step: range.step, holdMinutes: null });
    if (!seat) throw slotTaken();
    const afterSeconds = randomInt(setup.policy.release_window_minutes * 60 + 1);
    await repo.releaseSeat(trx, current, afterSeconds);
    await scheduleSeatReturn(trx, current, afterSeconds);
    await announceSeatsFreed(trx, { centreId: current.centre_id, serviceId: current.service_id, startsAt: current.starts_at });
    const updated = await repo.updateAppointment(trx, row.id, { starts_at: startsAt, ends_at: range.slot.endsAt, seat_no: seat.seatNo });
    await afterMoved(trx, messenger, updated!);
    await recordPersonalDataChange(trx, context, { action: 'appointment.move', resourceType: 'appointment', resourceId: row.id, centreId: row.centre_id, unitId: setup.unitId, details: { from: current.starts_at.toISOString(), to: startsAt.toISOString() } });
    return { updated: updated!, from: current.starts_at };
  });
  forgetFullSlots(db, [{ serviceId: row.service_id, startsAt: moved.from }]);
  return moved.updated;
}

export async function rescheduleBooking(db: Kysely<Database>, context: RequestContext, messenger: BookingMessenger, input: RescheduleInput): Promise<PublicAppointmentView> {
  const row = await openBooking(db, input);
  return presentPublic(await moveBooking(db, context, messenger, row, new Date(input.startsAt), 'public'));
}
