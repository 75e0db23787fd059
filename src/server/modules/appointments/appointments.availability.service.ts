import type { Kysely } from 'kysely';
import type { AppointmentChannel, Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { addDays, daysBetween, effectiveDays, localDateTime, type CalendarException, type EffectiveDay, type WeeklyInterval } from '../network/network.opening.js';
import { openingDays } from '../network/network.service.js';
import * as repo from './appointments.repo.js';
import type { AvailabilityQuery, AvailabilityView } from './appointments.schemas.js';
import { SingleFlight } from './appointments.seat-gate.js';
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
  /** The centre's weekly hours, and its calendar exceptions from `exceptionsFrom` on. */
  week: WeeklyInterval[];
  exceptions: CalendarException[];
  exceptionsFrom: string;
}

/** A bookable slot with the seat numbers a channel may try, in order. */
export interface SeatRange {
  slot: Slot;
  first: number;
  last: number;
  step: 1 | -1;
}

/**
 * The service's booking setup, with the centre's opening calendar from two days before `now` on
 * (nothing earlier can be booked, whatever the time zone), in one statement; the same 404 for a
 * service that does not exist and one that cannot be booked.
 */
export async function loadBookingSetup(db: Kysely<Database>, serviceId: string, now = new Date()): Promise<BookingSetup> {
  const exceptionsFrom = addDays(now.toISOString().slice(0, 10), -2);
  // Requests for one service at the same moment (a crowd after the same times) share one read.
  let reads = setupReads.get(db);
  if (!reads) {
    reads = new SingleFlight();
    setupReads.set(db, reads);
  }
  const row = await reads.run(`${serviceId} ${exceptionsFrom}`, () => repo.findBookingSetup(db, serviceId, exceptionsFrom, LAST_DAY));
  if (!row || row.archived || !row.policy) throw AppError.notFound('The bookable service');
  return {
    serviceId,
    centreId: row.centre_id,
    unitId: row.unit_id,
    timeZone: row.time_zone,
    slotMinutes: row.policy.slot_minutes ?? row.typical_minutes,
    policy: row.policy,
    rules: row.rules,
    week: row.week,
    exceptions: row.exceptions,
    exceptionsFrom,
  };
}

const LAST_DAY = '9999-12-31';
const setupReads = new WeakMap<object, SingleFlight<repo.BookingSetupRow | undefined>>();

/** The first and last bookable day (centre's calendar): phone and staff may book from today on. */
export function bookableDays(setup: BookingSetup, channel: AppointmentChannel, now: Date): { first: string; last: string } {
  const today = localDateTime(setup.timeZone, now).date;
  return { first: addDays(today, channel === 'public' ? setup.policy.earliest_days : 0), last: addDays(today, setup.policy.latest_days) };
}

/** The centre's opening hours of each day from `from` to `to`, from the setup when it has them. */
export async function openDays(db: Kysely<Database>, setup: BookingSetup, from: string, to: string): Promise<EffectiveDay[]> {
  if (from >= setup.exceptionsFrom) return effectiveDays(setup.week, setup.exceptions, from, to);
  return (await openingDays(db, setup.centreId, from, to)).days;
}

async function slotsBetween(db: Kysely<Database>, setup: BookingSetup, from: string, to: string, now: Date): Promise<Slot[]> {
  const slots: Slot[] = [];
  for (const day of await openDays(db, setup, from, to)) {
    if (!day.open) continue;
    for (const slot of slotsOfDay(setup.timeZone, day, setup.rules, setup.slotMinutes)) if (slot.startsAt > now) slots.push(slot);
  }
  return slots;
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
  // The taken seats are read alongside the setup, over a range wider than any time zone can move
  // the asked days (only seats of slots that exist are looked up below).
  const [setup, taken] = await Promise.all([
    loadBookingSetup(db, serviceId, now),
    repo.takenSeats(db, serviceId, new Date(Date.parse(`${query.from}T00:00:00Z`) - 86_400_000), new Date(Date.parse(`${query.to}T00:00:00Z`) + 2 * 86_400_000)),
  ]);
  if (setup.centreId !== centreId) throw AppError.notFound('The bookable service');
  const window = bookableDays(setup, 'public', now);
  const from = query.from > window.first ? query.from : window.first;
  const to = query.to < window.last ? query.to : window.last;
  const view: AvailabilityView = { centreId, serviceId, timeZone: setup.timeZone, slotMinutes: setup.slotMinutes, days: [] };
  if (from > to) return view;
  // Seat numbers taken per slot start; only seats within the public share count against it (staff
  // take seats from the top down).
  const takenBySlot = new Map<number, number[]>();
  for (const seat of taken) {
    const key = seat.starts_at.getTime();
    const seats = takenBySlot.get(key);
    if (seats) seats.push(seat.seat_no);
    else takenBySlot.set(key, [seat.seat_no]);
  }
  for (const slot of await slotsBetween(db, setup, from, to, now)) {
    const last = publicSeats(slot.capacity, setup.policy.public_share_percent);
    if (last < 1) continue;
    let used = 0;
    for (const seatNo of takenBySlot.get(slot.startsAt.getTime()) ?? []) if (seatNo <= last) used++;
    const free = last - used;
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
