import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordPersonalDataChange } from '../audit/audit.service.js';
import { findBookableSlot, loadBookingSetup } from './appointments.availability.service.js';
import { afterBooked, type BookingMessenger } from './appointments.notify.js';
import { presentHold, presentPublic } from './appointments.presenters.js';
import * as repo from './appointments.repo.js';
import type { BookingConfirmation, ConfirmInput, Contact, HoldInput, HoldView } from './appointments.schemas.js';
import { bookingSecret, emailKey, newReference, phoneKey, secretHash } from './appointments.secrets.js';

/** The public path: hold a slot for a few minutes, then confirm it with contact details. */

export function slotTaken(): AppError {
  return AppError.conflict('This time is no longer free; please choose another', [{ path: 'startsAt', message: 'is no longer free' }]);
}

export function keyReused(): AppError {
  return AppError.conflict('This Idempotency-Key was already used for a different request', [{ path: 'headers.idempotency-key', message: 'was used for another request' }]);
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505' && String((error as { constraint?: unknown }).constraint ?? '') === constraint;
}

/** Contact columns and the normalised keys the per-contact limit compares. */
export function contactColumns(contact: Contact) {
  const keys = { email: emailKey(contact.email), phone: phoneKey(contact.phone) };
  if (!keys.email && !keys.phone) throw AppError.invalid([{ path: 'contact.phone', message: 'expected a phone number' }]);
  return {
    keys,
    columns: { contact_name: contact.name, contact_email: contact.email ?? null, contact_phone: contact.phone ?? null, preferred_language: contact.language, email_key: keys.email, phone_key: keys.phone },
  };
}

export async function ensureUnderContactLimit(trx: Parameters<typeof repo.lockAndCountActive>[0], serviceId: string, keys: { email: string | null; phone: string | null }, limit: number): Promise<void> {
  if ((await repo.lockAndCountActive(trx, serviceId, keys)) >= limit) {
    throw AppError.conflict('This contact already has as many bookings for this service as allowed', [{ path: 'contact', message: 'has reached the limit of active bookings' }]);
  }
}

export function confirmationOf(row: repo.AppointmentRow, masterKey: Buffer): BookingConfirmation {
  return { reference: row.reference, secret: bookingSecret(masterKey, row.id), appointment: presentPublic(row) };
}

/** Holds a free public seat of the slot; a retry with the same Idempotency-Key returns the same hold. */
export async function holdSlot(db: Kysely<Database>, input: HoldInput, idempotencyKey?: string, clientAddressHash: string | null = null): Promise<HoldView> {
  const key = idempotencyKey ? `public:${idempotencyKey}` : null;
  const startsAt = new Date(input.startsAt);
  const sameRequest = async (): Promise<HoldView | undefined> => {
    const existing = key ? await repo.findByKey(db, 'hold_key', key) : undefined;
    if (!existing) return undefined;
    if (existing.service_id !== input.serviceId || existing.starts_at.getTime() !== startsAt.getTime()) throw keyReused();
    return presentHold(existing);
  };
  const earlier = await sameRequest();
  if (earlier) return earlier;
  const setup = await loadBookingSetup(db, input.serviceId);
  const range = await findBookableSlot(db, setup, startsAt, 'public');
  if (range.last < 1) throw slotTaken();
  try {
    const row = await db.transaction().execute(async (trx) => {
      const id = uuidv7();
      const seat = await repo.takeSeat(trx, { serviceId: setup.serviceId, startsAt, appointmentId: id, first: range.first, last: range.last, step: range.step, holdMinutes: setup.policy.hold_minutes });
      if (!seat?.heldUntil) throw slotTaken();
      return repo.insertAppointment(trx, {
        id,
        reference: newReference(),
        centre_id: setup.centreId,
        service_id: setup.serviceId,
        starts_at: startsAt,
        ends_at: range.slot.endsAt,
        seat_no: seat.seatNo,
        state: 'held',
        channel: 'public',
        hold_expires_at: seat.heldUntil,
        hold_key: key,
        client_address_hash: clientAddressHash,
      });
    });
    return presentHold(row);
  } catch (error) {
    // The same key sent twice at once: the second request waited for the first and returns its hold.
    if (isUniqueViolation(error, 'appointments_hold_key_key')) {
      const earlierHold = await sameRequest();
      if (earlierHold) return earlierHold;
    }
    throw error;
  }
}

type ConfirmOutcome = { kind: 'booked'; row: repo.AppointmentRow } | { kind: 'expired' } | { kind: 'not_held'; row: repo.AppointmentRow };

/**
 * Books a held seat for the person. A retried confirm with the same Idempotency-Key returns the same
 * booking and link; a confirm after the hold expired is refused (the person holds again).
 */
export async function confirmHold(db: Kysely<Database>, context: RequestContext, messenger: BookingMessenger, holdId: string, input: ConfirmInput, idempotencyKey?: string, clientAddressHash: string | null = null): Promise<BookingConfirmation> {
  const { masterKey } = messenger;
  const key = idempotencyKey ? `public:${idempotencyKey}` : null;
  const hold = await repo.findAppointment(db, holdId);
  if (!hold || hold.channel !== 'public') throw AppError.notFound('The hold');
  if (key && hold.confirm_key === key) return confirmationOf(hold, masterKey);
  const { keys, columns } = contactColumns(input.contact);
  const policy = await repo.findPolicy(db, hold.service_id);
  if (!policy) throw AppError.notFound('The bookable service');
  const outcome = await db.transaction().execute(async (trx): Promise<ConfirmOutcome> => {
    // Two confirms of one hold queue here; the second then sees the first one's booking.
    const current = await repo.lockAppointment(trx, holdId);
    if (!current || current.state !== 'held') return { kind: 'not_held', row: current ?? hold };
    if (!(await repo.bookHeldSeat(trx, current))) {
      await repo.updateAppointment(trx, holdId, { state: 'expired' }, 'held');
      return { kind: 'expired' };
    }
    await ensureUnderContactLimit(trx, hold.service_id, keys, policy.max_active_per_contact);
    const booked = await repo.updateAppointment(
      trx,
      holdId,
      { ...columns, state: 'booked', token_hash: secretHash(bookingSecret(masterKey, holdId)), confirm_key: key, booked_at: new Date(), client_address_hash: current.client_address_hash ?? clientAddressHash },
      'held',
    );
    await afterBooked(trx, messenger, booked!);
    await recordPersonalDataChange(trx, context, { action: 'appointment.confirm', resourceType: 'appointment', resourceId: holdId, centreId: hold.centre_id, details: { channel: 'public' } });
    return { kind: 'booked', row: booked! };
  });
  if (outcome.kind === 'booked') return confirmationOf(outcome.row, masterKey);
  if (outcome.kind === 'not_held' && key && outcome.row.confirm_key === key) return confirmationOf(outcome.row, masterKey);
  if (outcome.kind === 'not_held' && outcome.row.state === 'booked') throw AppError.conflict('This hold has already been confirmed');
  throw new AppError('conflict', 'The hold has expired; please choose a time again', { fields: [{ path: 'holdId', message: 'has expired' }] });
}
