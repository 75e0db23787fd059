import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createTestDatabase, testDatabaseKind } from '../../../../test/database.js';
import { openDatabase } from '../../db/client.js';
import { seatGateOf } from './appointments.seat-gate.js';
import { book, CONTACT, confirm, createBookingWorld, dayFromToday, freeAt, gateClockOf, hold, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

/**
 * Fast refusals under a surge (docs/appointments.md, "Under a surge"): a slot the database reported
 * full is refused by the process without asking again, for no longer than a hold on it could last,
 * and is bookable again at once when a seat of it is freed — in this process and, through the
 * realtime event, in another one. The database stays the authority on every seat.
 */

const HOLD_MINUTES = 10;

let t: TestApp;
let world: BookingWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBookingWorld(t, { desks: 1 });
  // The gate's clock starts where the real one is; tests move it on as the minutes of a hold go by.
  gateClockOf(t.db);
}, 180_000);
afterAll(() => t?.close());

const ref = (startsAt: string) => ({ serviceId: world.serviceId, startsAt: Date.parse(startsAt) });

/** Makes the database say the slot is free, behind the process's back (as another process's cancel would). */
async function freeBehindTheProcess(startsAt: string): Promise<void> {
  await t.db.deleteFrom('appointment_seats').where('service_id', '=', world.serviceId).where('starts_at', '=', new Date(startsAt)).execute();
}

describe('a slot the database reported full', () => {
  it('is refused from memory with the same 409, for no longer than the hold that filled it', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 2), '09:00');
    const first = await hold(t, world.serviceId, startsAt);
    expect(first.statusCode).toBe(201);
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(true);

    await freeBehindTheProcess(startsAt);
    // The database would now give the seat; the process still refuses, exactly as the database did.
    const refused = await hold(t, world.serviceId, startsAt);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([{ path: 'startsAt', message: 'is no longer free' }]);

    // A minute before the hold would have run out the memory still holds; at its end it is gone.
    gateClockOf(t.db).skew += (HOLD_MINUTES - 1) * 60_000;
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    gateClockOf(t.db).skew += 60_000;
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(false);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(201);
  });

  it('is remembered only until the first taken seat can be free again', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 2), '09:15');
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(201);
    // Another process's view: the seat's hold runs out in two minutes.
    await t.db
      .updateTable('appointment_seats')
      .set({ held_until: new Date(Date.now() + 2 * 60_000) })
      .where('service_id', '=', world.serviceId)
      .where('starts_at', '=', new Date(startsAt))
      .execute();
    seatGateOf(t.db).forget(world.serviceId, Date.parse(startsAt));
    // The database refuses and says when the seat comes back; the process remembers no longer.
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(true);
    gateClockOf(t.db).skew += 2 * 60_000;
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(false);
  });

  it('is still refused by the database when the process believes it free', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 2), '09:30');
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(201);
    seatGateOf(t.db).forget(world.serviceId);
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(false);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    const seats = await t.db.selectFrom('appointment_seats').select('seat_no').where('service_id', '=', world.serviceId).where('starts_at', '=', new Date(startsAt)).execute();
    expect(seats).toHaveLength(1);
  });

  it('answers a retried hold with the hold its first try got, not with 409', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 2), '09:45');
    const together = await Promise.all([hold(t, world.serviceId, startsAt, 'surge-retry-0001'), hold(t, world.serviceId, startsAt, 'surge-retry-0001')]);
    expect(together.map((response) => response.statusCode)).toEqual([201, 201]);
    expect(together[1]!.json().holdId).toBe(together[0]!.json().holdId);
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(true);
    const later = await hold(t, world.serviceId, startsAt, 'surge-retry-0001');
    expect(later.statusCode).toBe(201);
    expect(later.json().holdId).toBe(together[0]!.json().holdId);
    expect((await hold(t, world.serviceId, startsAt, 'surge-other-0001')).statusCode).toBe(409);
  });
});

describe('a seat freed in this process', () => {
  it('is bookable again at once after the booking holding it is cancelled', async () => {
    const date = dayFromToday(world, 3);
    const startsAt = slotAt(world, date, '10:00');
    const booking = await book(t, world.serviceId, startsAt, { ...CONTACT, email: 'surge-cancel@example.org' });
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(true);
    // The release window is zero here: the seat is back in the pool when the cancel commits.
    const cancelled = await t.app.inject({ method: 'POST', url: '/api/v1/public/appointments/cancel', payload: booking });
    expect(cancelled.json().state).toBe('cancelled');
    expect(seatGateOf(t.db).isFull(ref(startsAt))).toBe(false);
    expect(await freeAt(t, world, date, startsAt)).toBe(1);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(201);
  });

  it('is bookable again at once after the booking moves to another time', async () => {
    const date = dayFromToday(world, 3);
    const from = slotAt(world, date, '10:15');
    const booking = await book(t, world.serviceId, from, { ...CONTACT, email: 'surge-move@example.org' });
    expect((await hold(t, world.serviceId, from)).statusCode).toBe(409);
    const moved = await t.app.inject({ method: 'POST', url: '/api/v1/public/appointments/reschedule', payload: { ...booking, startsAt: slotAt(world, date, '10:30') } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await hold(t, world.serviceId, from)).statusCode).toBe(201);
  });

  it('is bookable at once when the service gets more desks', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 3), '10:45');
    const first = await hold(t, world.serviceId, startsAt);
    expect(first.statusCode).toBe(201);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    const manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: world.centreId }], 'surge-manager');
    const url = `/api/v1/services/${world.serviceId}/booking-settings`;
    const settings = (await manager.request({ method: 'GET', url })).json();
    const saved = await manager.request({ method: 'PUT', url, payload: { policy: settings.policy, schedules: settings.schedules.map((rule: { desks: number }) => ({ ...rule, desks: 2 })) } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(201);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    // Back to one desk for the tests after this one.
    await manager.request({ method: 'PUT', url, payload: settings });
  });

  it('still lets exactly one of many concurrent holds take the last seat, and confirms it once', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 4), '11:00');
    const responses = await Promise.all(Array.from({ length: 300 }, () => hold(t, world.serviceId, startsAt)));
    const won = responses.filter((response) => response.statusCode === 201);
    expect(won).toHaveLength(1);
    expect(responses.filter((response) => response.statusCode === 409)).toHaveLength(299);
    const confirmed = await confirm(t, won[0]!.json().holdId, { ...CONTACT, email: 'surge-winner@example.org' });
    expect(confirmed.statusCode).toBe(200);
    const rows = await t.db.selectFrom('appointments').select('state').where('service_id', '=', world.serviceId).where('starts_at', '=', new Date(startsAt)).execute();
    expect(rows.map((row) => row.state)).toEqual(['booked']);
  }, 120_000);
});

// Several processes on one PostgreSQL; PGlite is one process by design.
describe.skipIf(testDatabaseKind() === 'pglite')('a seat freed in another process', () => {
  it('is forgotten there when the realtime event arrives, and bookable again without waiting for the hold', async () => {
    const database = await createTestDatabase('postgres');
    const other = await openDatabase({ kind: 'postgres', url: database.url! });
    const a = await createTestApp({ database });
    const b = await createTestApp({ database: other });
    try {
      const place = await createBookingWorld(a, { desks: 1 });
      const date = dayFromToday(place, 2);
      const startsAt = slotAt(place, date, '09:00');
      const booking = await book(a, place.serviceId, startsAt, { ...CONTACT, email: 'two-processes@example.org' });
      // B learns from the database that the slot is full, and remembers it.
      expect((await hold(b, place.serviceId, startsAt)).statusCode).toBe(409);
      const slotRef = { serviceId: place.serviceId, startsAt: Date.parse(startsAt) };
      expect(seatGateOf(b.db).isFull(slotRef)).toBe(true);
      // Cancelled through A: B forgets when the event reaches it (the bus reads within seconds at worst).
      expect((await a.app.inject({ method: 'POST', url: '/api/v1/public/appointments/cancel', payload: booking })).json().state).toBe('cancelled');
      for (let waited = 0; seatGateOf(b.db).isFull(slotRef) && waited < 200; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seatGateOf(b.db).isFull(slotRef)).toBe(false);
      expect((await hold(b, place.serviceId, startsAt)).statusCode).toBe(201);
    } finally {
      await b.app.close();
      await b.deps.bus.stop();
      await other.close();
      await a.close();
    }
  }, 120_000);
});
