import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataChange, recordPersonalDataRead } from '../audit/audit.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { findReadablePerson } from '../people/people.lookup.service.js';
import { addDays } from '../network/network.opening.js';
import { findCentreById } from '../network/network.service.js';
import { findBookableSlot, loadBookingSetup } from './appointments.availability.service.js';
import { contactColumns, ensureUnderContactLimit, isUniqueViolation, keyReused, slotTaken } from './appointments.booking.service.js';
import { cancelInTransaction, moveBooking } from './appointments.link.service.js';
import { afterBooked, type BookingMessenger } from './appointments.notify.js';
import { ensureCan, ensureWorksAt, readableUnitsAt } from './appointments.policy.js';
import { presentStaff } from './appointments.presenters.js';
import * as repo from './appointments.repo.js';
import { forgetFullSlots } from './appointments.seat-gate.js';
import type { StaffAppointmentView, StaffBookingInput, StaffBookingResult } from './appointments.schemas.js';
import { bookingSecret, newReference, normaliseReference, REFERENCE_PATTERN, secretHash } from './appointments.secrets.js';
import { instantAt } from './appointments.time.js';

/** The phone line and reception: book, list, move and cancel on a person's behalf (every step audited). */

async function placeOf(db: Kysely<Database>, row: repo.AppointmentRow): Promise<{ centreId: string; unitId: string | null }> {
  return { centreId: row.centre_id, unitId: (await findServiceById(db, row.service_id))?.unitId ?? null };
}

/** Books straight away (no hold): the operator has the person on the line. */
export async function bookForPerson(db: Kysely<Database>, context: StaffContext, messenger: BookingMessenger, input: StaffBookingInput, idempotencyKey?: string): Promise<StaffBookingResult> {
  const { masterKey } = messenger;
  const setup = await loadBookingSetup(db, input.serviceId);
  ensureCan(context.actor, 'appointments.book_for_others', { centreId: setup.centreId, unitId: setup.unitId }, 'The bookable service');
  const key = idempotencyKey ? `staff:${context.actor.staffId}:${idempotencyKey}` : null;
  const startsAt = new Date(input.startsAt);
  const earlier = async (): Promise<StaffBookingResult | undefined> => {
    const existing = key ? await repo.findByKey(db, 'hold_key', key) : undefined;
    if (!existing) return undefined;
    if (existing.service_id !== input.serviceId || existing.starts_at.getTime() !== startsAt.getTime()) throw keyReused();
    return { appointment: presentStaff(existing), secret: bookingSecret(masterKey, existing.id) };
  };
  const repeated = await earlier();
  if (repeated) return repeated;
  const { keys, columns } = contactColumns(input.contact);
  // Booking for a registered person takes being allowed to read them (404 like a stranger otherwise).
  const personId = input.personId ? (await findReadablePerson(db, context.actor, input.personId)).id : null;
  const range = await findBookableSlot(db, setup, startsAt, input.channel);
  try {
    const row = await db.transaction().execute(async (trx) => {
      await ensureUnderContactLimit(trx, setup.serviceId, keys, setup.policy.max_active_per_contact);
      const id = uuidv7();
      const seat = await repo.takeSeat(trx, { serviceId: setup.serviceId, startsAt, appointmentId: id, first: range.first, last: range.last, step: range.step, holdMinutes: null });
      if (!seat) throw slotTaken();
      const booked = await repo.insertAppointment(trx, {
        id,
        reference: newReference(),
        centre_id: setup.centreId,
        service_id: setup.serviceId,
        starts_at: startsAt,
        ends_at: range.slot.endsAt,
        seat_no: seat.seatNo,
        state: 'booked',
        channel: input.channel,
        hold_expires_at: new Date(),
        ...columns,
        person_id: personId,
        token_hash: secretHash(bookingSecret(masterKey, id)),
        hold_key: key,
        booked_by: context.actor.staffId,
        booked_at: new Date(),
      });
      await afterBooked(trx, messenger, booked);
      await recordPersonalDataChange(trx, context, { action: 'appointment.book', resourceType: 'appointment', resourceId: id, centreId: setup.centreId, unitId: setup.unitId, details: { reference: booked.reference, channel: input.channel, startsAt: input.startsAt, personId } });
      return booked;
    });
    return { appointment: presentStaff(row), secret: bookingSecret(masterKey, row.id) };
  } catch (error) {
    if (isUniqueViolation(error, 'appointments_hold_key_key')) {
      const again = await earlier();
      if (again) return again;
    }
    throw error;
  }
}

/** A centre's appointments of one day (its own calendar), limited to the units the actor may read. */
export async function listDay(db: Kysely<Database>, context: StaffContext, centreId: string, day: string): Promise<StaffAppointmentView[]> {
  const centre = await findCentreById(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureWorksAt(context.actor, centreId, 'The centre');
  // A unit manager lists their unit's services; reception, the phone line and centre managers the whole centre.
  const units = readableUnitsAt(context.actor, centreId);
  if (units !== null && units.length === 0) throw AppError.forbidden();
  const rows = await repo.listAppointmentsBetween(db, centreId, instantAt(centre.timeZone, day, 0), instantAt(centre.timeZone, addDays(day, 1), 0), units);
  await recordPersonalDataRead(db, context, { action: 'appointment.list', resourceType: 'centre', resourceId: centreId, centreId, details: { day, count: rows.length } });
  return rows.map(presentStaff);
}

/** One appointment by the reference the person reads out; the same 404 as for nothing when out of reach. */
export async function findForStaff(db: Kysely<Database>, context: StaffContext, typed: string): Promise<StaffAppointmentView> {
  const reference = normaliseReference(typed);
  const row = REFERENCE_PATTERN.test(reference) ? await repo.findByReference(db, reference) : undefined;
  if (!row || row.state === 'held' || row.state === 'expired') throw AppError.notFound('The booking');
  const place = await placeOf(db, row);
  ensureCan(context.actor, 'appointments.read', place, 'The booking');
  await recordPersonalDataRead(db, context, { action: 'appointment.read', resourceType: 'appointment', resourceId: row.id, centreId: row.centre_id, unitId: place.unitId });
  return presentStaff(row);
}

async function loadForChange(db: Kysely<Database>, context: StaffContext, id: string): Promise<repo.AppointmentRow> {
  const row = await repo.findAppointment(db, id);
  if (!row || row.state === 'held' || row.state === 'expired') throw AppError.notFound('The booking');
  ensureCan(context.actor, 'appointments.book_for_others', await placeOf(db, row), 'The booking');
  return row;
}

export async function cancelForPerson(db: Kysely<Database>, context: StaffContext, messenger: BookingMessenger, id: string): Promise<StaffAppointmentView> {
  const row = await loadForChange(db, context, id);
  if (row.state === 'cancelled') return presentStaff(row);
  if (row.state !== 'booked') throw AppError.conflict(`The booking is ${row.state.replace('_', ' ')} and can no longer be cancelled`);
  const cancelled = await db.transaction().execute(async (trx) => {
    const done = await cancelInTransaction(trx, messenger, row, context.actor.staffId);
    if (done) await recordPersonalDataChange(trx, context, { action: 'appointment.cancel', resourceType: 'appointment', resourceId: id, centreId: row.centre_id, details: { by: 'staff' } });
    return done ?? (await repo.findAppointment(trx, id))!;
  });
  forgetFullSlots(db, [{ serviceId: row.service_id, startsAt: row.starts_at }]);
  return presentStaff(cancelled);
}

export async function moveForPerson(db: Kysely<Database>, context: StaffContext, messenger: BookingMessenger, id: string, startsAt: string): Promise<StaffAppointmentView> {
  const row = await loadForChange(db, context, id);
  return presentStaff(await moveBooking(db, context, messenger, row, new Date(startsAt), row.channel === 'public' ? 'staff' : row.channel));
}
