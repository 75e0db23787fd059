import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataChange, recordPersonalDataRead } from '../audit/audit.service.js';
import { daysBetween } from '../network/network.opening.js';
import { findReadablePerson } from '../people/people.lookup.service.js';
import { todaysTicketsOf } from '../queue/queue.person-visits.service.js';
import { bookableDays, loadBookingSetup, MAX_AVAILABILITY_DAYS, openDays } from './appointments.availability.service.js';
import { cancelInTransaction } from './appointments.link.service.js';
import type { BookingMessenger } from './appointments.notify.js';
import { can, ensureCan } from './appointments.policy.js';
import { presentStaff } from './appointments.presenters.js';
import * as repo from './appointments.repo.js';
import { forgetFullSlots } from './appointments.seat-gate.js';
import * as phoneRepo from './appointments.phone.repo.js';
import type { BookableService, CancellationInput, CancellationResult, PersonAppointments, StaffAvailabilityQuery } from './appointments.phone.schemas.js';
import type { AvailabilityView } from './appointments.schemas.js';
import { slotsOfDay } from './appointments.slots.js';
import { phoneKeyVariants } from './appointments.contact-keys.js';

/** The phone line: what can be booked where, staff availability, a person's bookings and tickets, cancellations with a reason. */

/** Bookable services at the centres where the actor may book for others, with their centre. */
export async function bookableServices(db: Kysely<Database>, context: StaffContext): Promise<BookableService[]> {
  const rows = await phoneRepo.listBookableServices(db);
  return rows.filter((row) => can(context.actor, 'appointments.book_for_others', { centreId: row.centre_id, unitId: row.unit_id })).map((row) => ({
    serviceId: row.service_id,
    centreId: row.centre_id,
    centreName: row.centre_name,
    unitId: row.unit_id,
    names: row.names,
    slotMinutes: row.slot_minutes ?? row.typical_minutes,
    timeZone: row.time_zone,
  }));
}

/**
 * Free seats per slot for the phone line and reception: every seat counts (staff take them from the
 * top, so the public share stays for the portal until it is the last one), from today on.
 */
export async function staffAvailability(db: Kysely<Database>, context: StaffContext, serviceId: string, query: StaffAvailabilityQuery, now = new Date()): Promise<AvailabilityView> {
  if (daysBetween(query.from, query.to) >= MAX_AVAILABILITY_DAYS) throw AppError.invalid([{ path: 'to', message: `ask for at most ${MAX_AVAILABILITY_DAYS} days at once` }]);
  const setup = await loadBookingSetup(db, serviceId, now);
  ensureCan(context.actor, 'appointments.book_for_others', { centreId: setup.centreId, unitId: setup.unitId }, 'The bookable service');
  const window = bookableDays(setup, 'phone', now);
  const from = query.from > window.first ? query.from : window.first;
  const to = query.to < window.last ? query.to : window.last;
  const view: AvailabilityView = { centreId: setup.centreId, serviceId, timeZone: setup.timeZone, slotMinutes: setup.slotMinutes, days: [] };
  if (from > to) return view;
  const slots = (await openDays(db, setup, from, to)).filter((day) => day.open).flatMap((day) => slotsOfDay(setup.timeZone, day, setup.rules, setup.slotMinutes)).filter((slot) => slot.startsAt > now);
  if (slots.length === 0) return view;
  const taken = new Map<number, number>();
  for (const seat of await repo.takenSeats(db, serviceId, slots[0]!.startsAt, slots.at(-1)!.endsAt)) taken.set(seat.starts_at.getTime(), (taken.get(seat.starts_at.getTime()) ?? 0) + 1);
  for (const slot of slots) {
    const free = slot.capacity - (taken.get(slot.startsAt.getTime()) ?? 0);
    if (free <= 0) continue;
    let day = view.days.at(-1);
    if (day?.date !== slot.date) {
      day = { date: slot.date, slots: [] };
      view.days.push(day);
    }
    day.slots.push({ startsAt: slot.startsAt.toISOString(), time: slot.time, free });
  }
  return view;
}

/**
 * A person's bookings (booked for them, or made with one of their contacts) at the places the actor
 * may read appointments, and their tickets of today. One audited read per call.
 */
export async function personAppointments(db: Kysely<Database>, context: StaffContext, personId: string, now = new Date()): Promise<PersonAppointments> {
  const person = await findReadablePerson(db, context.actor, personId);
  const rows = await phoneRepo.findBookingsOf(db, { personIds: [person.id], emailKeys: person.emailKeys, phoneKeys: person.phoneKeys.flatMap((key) => phoneKeyVariants(key)) });
  const visible = rows.filter((row) => can(context.actor, 'appointments.read', { centreId: row.centre_id, unitId: row.unit_id }));
  const visitIds = visible.map((row) => row.visit_id).filter((id): id is string => id !== null);
  const tickets = await todaysTicketsOf(db, context, { personIds: [person.id], visitIds }, now);
  await recordPersonalDataRead(db, context, {
    action: 'appointment.person_list',
    resourceType: 'person',
    resourceId: person.id,
    centreId: person.homeCentreId,
    details: { appointments: visible.map((row) => row.id), tickets: tickets.map((ticket) => ticket.visitId) },
  });
  return {
    personId: person.id,
    preferredLanguage: person.preferredLanguage,
    bookings: visible.map((row) => ({ ...presentStaff(row), serviceNames: row.service_names, centreName: row.centre_name, timeZone: row.time_zone })),
    tickets,
  };
}

/** Staff who may cancel for others at a place: those who book for others there, and those who manage its bookings. */
function mayCancel(context: StaffContext, place: { centreId: string; unitId: string }): boolean {
  return can(context.actor, 'appointments.book_for_others', place) || can(context.actor, 'appointments.manage', place);
}

/**
 * Cancels bookings on a person's behalf or because they look abusive, with the reason told: every
 * booking is checked first (one out of reach answers 404, like nothing; one not allowed 403), then
 * all are cancelled in one transaction, each audited with the reason. Already cancelled ones stay as
 * they are; checked-in or missed ones cannot be cancelled (409).
 */
export async function cancelWithReason(db: Kysely<Database>, context: StaffContext, messenger: BookingMessenger, input: CancellationInput): Promise<CancellationResult> {
  const rows = await phoneRepo.findWithUnit(db, input.appointmentIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of input.appointmentIds) {
    const row = byId.get(id);
    if (!row || row.state === 'held' || row.state === 'expired') throw AppError.notFound('The booking');
    ensureCan(context.actor, 'appointments.read', { centreId: row.centre_id, unitId: row.unit_id }, 'The booking');
    if (!mayCancel(context, { centreId: row.centre_id, unitId: row.unit_id })) throw AppError.forbidden();
    if (row.state === 'checked_in' || row.state === 'no_show') throw AppError.conflict(`The booking ${row.reference} is ${row.state.replace('_', ' ')} and can no longer be cancelled`);
  }
  const items = await db.transaction().execute(async (trx) => {
    const done: repo.AppointmentRow[] = [];
    for (const id of input.appointmentIds) {
      const row = byId.get(id)!;
      const cancelled = await cancelInTransaction(trx, messenger, row, context.actor.staffId);
      if (cancelled) {
        await repo.updateAppointment(trx, id, { cancel_reason: input.reason });
        await recordPersonalDataChange(trx, context, { action: 'appointment.cancel', resourceType: 'appointment', resourceId: id, centreId: row.centre_id, unitId: row.unit_id, reason: input.reason, details: { by: 'staff', reference: row.reference } });
      }
      done.push((await repo.findAppointment(trx, id))!);
    }
    return done;
  });
  forgetFullSlots(db, rows.map((row) => ({ serviceId: row.service_id, startsAt: row.starts_at })));
  return { items: items.map(presentStaff) };
}
