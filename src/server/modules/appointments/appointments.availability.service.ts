import type { Kysely } from 'kysely';
import type { AppointmentChannel, Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { addDays, daysBetween, localDateTime } from '../network/network.opening.js';
import { findCentreById, openingDays } from '../network/network.service.js';
import * as repo from './appointments.repo.js';
import type { AvailabilityQuery, AvailabilityView } from './appointments.schemas.js';
import { publicSeats, slotsOfDay, type ScheduleRule, type Slot } from './appointments.slots.js';

/** The longest range one availability request may cover. */
export const MAX_AVAILABILITY_DAYS = 62;

/** Everything needed to cut a service's days into slots and decide who may take which seat. */
export interface BookingSetup {
  serviceId: string;
  centreId: string;
  unitId: string;
  timeZone: string;
  slotMinutes: number;
  policy: repo.PolicyRow;
  rules: ScheduleRule[];
}

/** A bookable slot with the seat numbers a channel may try, in order. */
export interface SeatRange {
  slot: Slot;
  first: number;
  last: number;
  step: 1 | -1;
}

/** The service's booking setup; the same 404 for a service that does not exist and one that cannot be booked. */
export async function loadBookingSetup(db: Kysely<Database>, serviceId: string): Promise<BookingSetup> {
  const [service, policy] = await Promise.all([findServiceById(db, serviceId), repo.findPolicy(db, serviceId)]);
  if (!service || service.archivedAt || !policy) throw AppError.notFound('The bookable service');
  const centre = await findCentreById(db, service.centreId);
  if (!centre || centre.archivedAt) throw AppError.notFound('The bookable service');
  const rules = (await repo.listSchedules(db, serviceId)).map((row) => ({
    weekdays: row.weekdays,
    starts: row.starts.slice(0, 5),
    ends: row.ends.slice(0, 5),
    desks: row.desks,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
  return { serviceId, centreId: service.centreId, unitId: service.unitId, timeZone: centre.timeZone, slotMinutes: policy.slot_minutes ?? service.typicalMinutes, policy, rules };
}

/** The first and last bookable day (centre's calendar): phone and staff may book from today on. */
export function bookableDays(setup: BookingSetup, channel: AppointmentChannel, now: Date): { first: string; last: string } {
  const today = localDateTime(setup.timeZone, now).date;
  return { first: addDays(today, channel === 'public' ? setup.policy.earliest_days : 0), last: addDays(today, setup.policy.latest_days) };
}

async function slotsBetween(db: Kysely<Database>, setup: BookingSetup, from: string, to: string, now: Date): Promise<Slot[]> {
  const calendar = await openingDays(db, setup.centreId, from, to);
  return calendar.days.filter((day) => day.open).flatMap((day) => slotsOfDay(setup.timeZone, day, setup.rules, setup.slotMinutes)).filter((slot) => slot.startsAt > now);
}

function seatRange(slot: Slot, setup: BookingSetup, channel: AppointmentChannel): SeatRange {
  if (channel === 'public') return { slot, first: 1, last: publicSeats(slot.capacity, setup.policy.public_share_percent), step: 1 };
  // Phone and staff take the highest seats first, leaving the public share for the portal.
  return { slot, first: slot.capacity, last: 1, step: -1 };
}

/** The slot starting exactly at `startsAt`, if the channel may book it now; a field error otherwise. */
export async function findBookableSlot(db: Kysely<Database>, setup: BookingSetup, startsAt: Date, channel: AppointmentChannel, now = new Date()): Promise<SeatRange> {
  const notBookable = AppError.invalid([{ path: 'startsAt', message: 'is not a bookable time for this service' }]);
  const date = localDateTime(setup.timeZone, startsAt).date;
  const window = bookableDays(setup, channel, now);
  if (date < window.first || date > window.last) throw notBookable;
  const slot = (await slotsBetween(db, setup, date, date, now)).find((one) => one.startsAt.getTime() === startsAt.getTime());
  if (!slot) throw notBookable;
  return seatRange(slot, setup, channel);
}

/**
 * Free public seats per slot over a range of days, only days and times with at least one: counts,
 * never who booked. The range is cut to the bookable window.
 */
export async function availability(db: Kysely<Database>, centreId: string, serviceId: string, query: AvailabilityQuery, now = new Date()): Promise<AvailabilityView> {
  if (daysBetween(query.from, query.to) >= MAX_AVAILABILITY_DAYS) throw AppError.invalid([{ path: 'to', message: `ask for at most ${MAX_AVAILABILITY_DAYS} days at once` }]);
  const setup = await loadBookingSetup(db, serviceId);
  if (setup.centreId !== centreId) throw AppError.notFound('The bookable service');
  const window = bookableDays(setup, 'public', now);
  const from = query.from > window.first ? query.from : window.first;
  const to = query.to < window.last ? query.to : window.last;
  const view: AvailabilityView = { centreId, serviceId, timeZone: setup.timeZone, slotMinutes: setup.slotMinutes, days: [] };
  if (from > to) return view;
  const slots = (await slotsBetween(db, setup, from, to, now)).map((slot) => seatRange(slot, setup, 'public')).filter((range) => range.last >= 1);
  if (slots.length === 0) return view;
  const taken = await repo.takenSeats(db, serviceId, slots[0]!.slot.startsAt, slots.at(-1)!.slot.endsAt);
  const takenBySlot = new Map<number, number[]>();
  for (const seat of taken) {
    const key = seat.starts_at.getTime();
    takenBySlot.set(key, [...(takenBySlot.get(key) ?? []), seat.seat_no]);
  }
  for (const range of slots) {
    // Only seats within the public share count against it (staff take seats from the top down).
    const used = (takenBySlot.get(range.slot.startsAt.getTime()) ?? []).filter((seatNo) => seatNo <= range.last).length;
    const free = range.last - used;
    if (free <= 0) continue;
    let day = view.days.at(-1);
    if (day?.date !== range.slot.date) {
      day = { date: range.slot.date, slots: [] };
      view.days.push(day);
    }
    day.slots.push({ startsAt: range.slot.startsAt.toISOString(), time: range.slot.time, free });
  }
  return view;
}
