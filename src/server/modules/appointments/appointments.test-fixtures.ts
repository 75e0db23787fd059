import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { createNetworkFixture, createStaff, signIn, type Session, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';
import { addDays, localDateTime } from '../network/network.opening.js';
import { SeatGate, useSeatGate } from './appointments.seat-gate.js';
import { instantAt, minutesOf } from './appointments.time.js';

/** Test helpers for the appointments module (imported by *.test.ts files only). */

let unique = 0;

export interface BookingWorldOptions {
  timeZone?: string;
  /** Opening hours every day of the week. */
  opens?: string;
  closes?: string;
  desks?: number;
  publicSharePercent?: number;
  earliestDays?: number;
  latestDays?: number;
  maxActivePerContact?: number;
  releaseWindowMinutes?: number;
  slotMinutes?: number;
}

export interface BookingWorld {
  networkId: string;
  centreId: string;
  unitId: string;
  serviceId: string;
  timeZone: string;
}

/** A centre open every day with one bookable service: a weekly schedule of `desks` desks over the opening hours. */
export async function createBookingWorld(t: TestApp, options: BookingWorldOptions = {}): Promise<BookingWorld> {
  const fixture = await createNetworkFixture(t.db, `B${++unique}`);
  const timeZone = options.timeZone ?? 'Europe/Lisbon';
  const opens = options.opens ?? '09:00';
  const closes = options.closes ?? '12:00';
  await t.db.updateTable('centres').set({ time_zone: timeZone }).where('id', '=', fixture.centreId).execute();
  await t.db
    .insertInto('centre_opening_hours')
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: uuidv7(), centre_id: fixture.centreId, weekday, opens, closes })))
    .execute();
  await t.db
    .insertInto('appointment_schedules')
    .values({ id: uuidv7(), service_id: fixture.serviceId, weekdays: [1, 2, 3, 4, 5, 6, 7], starts: opens, ends: closes, desks: options.desks ?? 1, valid_from: '2000-01-01', valid_to: null })
    .execute();
  await t.db
    .insertInto('booking_policies')
    .values({
      service_id: fixture.serviceId,
      slot_minutes: options.slotMinutes ?? null,
      public_share_percent: options.publicSharePercent ?? 100,
      earliest_days: options.earliestDays ?? 1,
      latest_days: options.latestDays ?? 30,
      hold_minutes: 10,
      max_active_per_contact: options.maxActivePerContact ?? 2,
      release_window_minutes: options.releaseWindowMinutes ?? 0,
    })
    .execute();
  return { ...fixture, timeZone };
}

/** The centre's calendar day `days` from today. */
export function dayFromToday(world: BookingWorld, days: number): string {
  return addDays(localDateTime(world.timeZone).date, days);
}

/** The instant of a wall-clock time at the centre, as the API writes it. */
export function slotAt(world: BookingWorld, date: string, time: string): string {
  return instantAt(world.timeZone, date, minutesOf(time)).toISOString();
}

export async function session(t: TestApp, grants: Parameters<typeof createStaff>[2], name: string): Promise<Session> {
  const username = `${name}.${++unique}.${uuidv7().slice(-6)}`;
  await createStaff(t.db, username, grants);
  return signIn(t.app, username);
}

/** Centres A and B, and a staff member of each kind the scope tests ask about (the phone line works network-wide). */
export interface ScopeWorld {
  a: BookingWorld;
  b: BookingWorld;
  phone: Session;
  receptionA: Session;
  receptionB: Session;
  managerA: Session;
  unitManagerA: Session;
  /** Manages another unit at centre A, one that offers nothing bookable. */
  otherUnitManagerA: Session;
  officerA: Session;
  statistician: Session;
}

export async function createScopeWorld(t: TestApp, optionsA: BookingWorldOptions, optionsB: BookingWorldOptions): Promise<ScopeWorld> {
  const a = await createBookingWorld(t, optionsA);
  const b = await createBookingWorld(t, optionsB);
  const otherUnit = uuidv7();
  await t.db.insertInto('units').values({ id: otherUnit, centre_id: a.centreId, code: 'SOC', name: 'Social security', kind: 'agency_branch' }).execute();
  return {
    a,
    b,
    phone: await session(t, [{ role: 'phone_operator', scopeType: 'network', scopeId: a.networkId }], 'phone'),
    receptionA: await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: a.centreId }], 'reception-a'),
    receptionB: await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: b.centreId }], 'reception-b'),
    managerA: await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: a.centreId }], 'manager-a'),
    unitManagerA: await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: a.unitId }], 'unit-manager-a'),
    otherUnitManagerA: await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: otherUnit }], 'other-unit-manager-a'),
    officerA: await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: a.unitId }], 'officer-a'),
    statistician: await session(t, [{ role: 'statistician', scopeType: 'network', scopeId: a.networkId }], 'statistician'),
  };
}

export function hold(t: TestApp, serviceId: string, startsAt: string, key?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/public/appointments/holds', payload: { serviceId, startsAt }, headers: key ? { 'idempotency-key': key } : {} });
}

export const CONTACT = { name: 'Ana Tavares', email: 'ana@example.org', language: 'pt' };

export function confirm(t: TestApp, holdId: string, contact: object = CONTACT, key?: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/v1/public/appointments/holds/${holdId}/confirm`, payload: { contact }, headers: key ? { 'idempotency-key': key } : {} });
}

/** Holds and confirms; returns the confirmation body. */
export async function book(t: TestApp, serviceId: string, startsAt: string, contact: object = CONTACT): Promise<{ reference: string; secret: string }> {
  const held = await hold(t, serviceId, startsAt);
  if (held.statusCode !== 201) throw new Error(`hold failed: ${held.statusCode} ${held.body}`);
  const confirmed = await confirm(t, held.json<{ holdId: string }>().holdId, contact);
  if (confirmed.statusCode !== 200) throw new Error(`confirm failed: ${confirmed.statusCode} ${confirmed.body}`);
  return confirmed.json();
}

export async function freeAt(t: TestApp, world: BookingWorld, date: string, startsAt: string): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/centres/${world.centreId}/services/${world.serviceId}/availability?from=${date}&to=${date}` });
  if (response.statusCode !== 200) throw new Error(`availability failed: ${response.statusCode} ${response.body}`);
  const slots = response.json<{ days: { slots: { startsAt: string; free: number }[] }[] }>().days.flatMap((day) => day.slots);
  return slots.find((slot) => slot.startsAt === startsAt)?.free ?? 0;
}

/**
 * Moves every hold and release of a service into the past, as if the minutes had gone by — for the
 * process's memory of full slots too, whose clock moves on by a day.
 */
export async function letTimePass(db: Kysely<Database>, serviceId: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  await db.updateTable('appointment_seats').set({ held_until: past }).where('service_id', '=', serviceId).where('held_until', 'is not', null).execute();
  await db.updateTable('appointment_seats').set({ released_at: past }).where('service_id', '=', serviceId).where('released_at', 'is not', null).execute();
  gateClockOf(db).skew += 24 * 3_600_000;
}

const gateClocks = new WeakMap<object, { skew: number }>();

/** The clock of the database's seat gate, ahead of the real one by `skew` ms; installed on first use. */
export function gateClockOf(db: object): { skew: number } {
  let clock = gateClocks.get(db);
  if (!clock) {
    const created = { skew: 0 };
    clock = created;
    gateClocks.set(db, created);
    useSeatGate(db, new SeatGate(() => performance.now() + created.skew));
  }
  return clock;
}
