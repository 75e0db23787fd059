import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { book, confirm, createBookingWorld, dayFromToday, hold, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

/**
 * The engine's promise (docs/appointments.md, "Guarantees"): no double booking, ever. 1,000 requests
 * race for the last free seat of a slot, on PGlite and on PostgreSQL; exactly one gets it.
 */

const ATTEMPTS = 1000;

let t: TestApp;
let world: BookingWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBookingWorld(t, { desks: 3 });
}, 180_000);
afterAll(() => t?.close());

async function seatsOf(startsAt: string): Promise<{ seat_no: number; appointment_id: string }[]> {
  return t.db.selectFrom('appointment_seats').select(['seat_no', 'appointment_id']).where('service_id', '=', world.serviceId).where('starts_at', '=', new Date(startsAt)).execute();
}

describe('1,000 concurrent attempts on the last free seat', () => {
  it('lets exactly one win; every other attempt is told the time is taken', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 3), '10:00');
    // Two of the three seats are booked already.
    await book(t, world.serviceId, startsAt, { name: 'First', phone: '+351 910 000 001', language: 'pt' });
    await book(t, world.serviceId, startsAt, { name: 'Second', phone: '+351 910 000 002', language: 'pt' });

    const responses = await Promise.all(Array.from({ length: ATTEMPTS }, () => hold(t, world.serviceId, startsAt)));
    const won = responses.filter((response) => response.statusCode === 201);
    const lost = responses.filter((response) => response.statusCode === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(ATTEMPTS - 1);
    expect(lost[0]!.json().error.fields).toEqual([{ path: 'startsAt', message: 'is no longer free' }]);

    const seats = await seatsOf(startsAt);
    expect(seats.map((seat) => seat.seat_no).sort()).toEqual([1, 2, 3]);
    expect(seats.map((seat) => seat.appointment_id)).toContain(won[0]!.json().holdId);
    const held = await t.db.selectFrom('appointments').select(sql<number>`count(*)::int`.as('n')).where('service_id', '=', world.serviceId).where('starts_at', '=', new Date(startsAt)).executeTakeFirstOrThrow();
    expect(held.n).toBe(3);
  }, 180_000);

  it('answers 100 concurrent retries of one confirm with the same booking', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 4), '10:00');
    const held = await hold(t, world.serviceId, startsAt);
    const holdId = held.json<{ holdId: string }>().holdId;
    const responses = await Promise.all(Array.from({ length: 100 }, () => confirm(t, holdId, undefined, 'confirm-key-0001')));
    expect(new Set(responses.map((response) => response.statusCode))).toEqual(new Set([200]));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
  }, 180_000);

  it('lets exactly as many win as there are seats when the public and the phone line race together', async () => {
    const operator = await session(t, [{ role: 'phone_operator', scopeType: 'network', scopeId: world.networkId }], 'phone');
    const startsAt = slotAt(world, dayFromToday(world, 5), '11:00');
    const phoneBooking = (i: number) =>
      operator.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: world.serviceId, startsAt, channel: 'phone', contact: { name: `Caller ${i}`, phone: `+351 920 000 ${String(i).padStart(3, '0')}`, language: 'pt' } } });
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? hold(t, world.serviceId, startsAt, `race-${i}-abcdefgh`) : phoneBooking(i))));
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(3);
    expect(responses.filter((response) => response.statusCode === 409)).toHaveLength(297);
    expect(await seatsOf(startsAt)).toHaveLength(3);
  }, 180_000);
});
