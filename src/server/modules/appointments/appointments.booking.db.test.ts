import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { book, CONTACT, confirm, createBookingWorld, dayFromToday, freeAt, hold, letTimePass, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

let t: TestApp;
let world: BookingWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBookingWorld(t, { desks: 1, maxActivePerContact: 2, releaseWindowMinutes: 30 });
}, 60_000);
afterAll(() => t?.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });

describe('holding and confirming', () => {
  it('holds, confirms and opens the booking with its reference and secret', async () => {
    const date = dayFromToday(world, 2);
    const startsAt = slotAt(world, date, '09:00');
    const held = await hold(t, world.serviceId, startsAt);
    expect(held.statusCode, held.body).toBe(201);
    expect(await freeAt(t, world, date, startsAt)).toBe(0);
    const confirmed = await confirm(t, held.json().holdId);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { reference, secret, appointment } = confirmed.json();
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(appointment).toMatchObject({ state: 'booked', startsAt, serviceId: world.serviceId });
    const viewed = await post('/api/v1/public/appointments/view', { reference: reference.toLowerCase(), secret });
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json()).toEqual(appointment);
    const stored = await t.db.selectFrom('appointments').select(['token_hash']).where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
  });

  it('answers a retried hold and a retried confirm with the same hold and booking', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 2), '09:15');
    const first = await hold(t, world.serviceId, startsAt, 'hold-retry-0001');
    const again = await hold(t, world.serviceId, startsAt, 'hold-retry-0001');
    expect(again.json()).toEqual(first.json());
    const other = await hold(t, world.serviceId, slotAt(world, dayFromToday(world, 2), '09:30'), 'hold-retry-0001');
    expect(other.statusCode).toBe(409);
    const confirmed = await confirm(t, first.json().holdId, { ...CONTACT, email: 'retry@example.org' }, 'confirm-retry-0001');
    const retried = await confirm(t, first.json().holdId, { ...CONTACT, email: 'retry@example.org' }, 'confirm-retry-0001');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(confirmed.json());
    // Without the key a second confirm is refused: the hold id alone never hands out the secret.
    const stranger = await confirm(t, first.json().holdId, { ...CONTACT, email: 'other@example.org' });
    expect(stranger.statusCode).toBe(409);
  });

  it('frees an expired hold for the next person, and refuses to confirm it', async () => {
    const date = dayFromToday(world, 2);
    const startsAt = slotAt(world, date, '09:45');
    const first = await hold(t, world.serviceId, startsAt);
    expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    await letTimePass(t.db, world.serviceId);
    expect(await freeAt(t, world, date, startsAt)).toBe(1);
    const second = await hold(t, world.serviceId, startsAt);
    expect(second.statusCode).toBe(201);
    const late = await confirm(t, first.json().holdId, { ...CONTACT, email: 'late@example.org' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.fields).toEqual([{ path: 'holdId', message: 'has expired' }]);
    expect((await confirm(t, second.json().holdId, { ...CONTACT, email: 'second@example.org' })).statusCode).toBe(200);
  });

  it('limits the active bookings of one contact for one service', async () => {
    const date = dayFromToday(world, 3);
    const contact = { name: 'Bulk', email: 'Bulk@Example.org', phone: '+351 930 000 000', language: 'en' };
    await book(t, world.serviceId, slotAt(world, date, '09:00'), contact);
    await book(t, world.serviceId, slotAt(world, date, '09:15'), { ...contact, email: null });
    const third = await hold(t, world.serviceId, slotAt(world, date, '09:30'));
    // Matched however the contact is written: the email in another case, the phone with 00 and no spaces.
    const refused = await confirm(t, third.json().holdId, { ...contact, email: 'bulk@example.ORG', phone: '00351930000000' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual([{ path: 'contact', message: 'has reached the limit of active bookings' }]);
  });
});

describe('changing and cancelling through the link', () => {
  it('returns a cancelled seat to the pool only after its release moment', async () => {
    const date = dayFromToday(world, 4);
    const startsAt = slotAt(world, date, '10:00');
    const booking = await book(t, world.serviceId, startsAt, { ...CONTACT, email: 'cancel@example.org' });
    const cancelled = await post('/api/v1/public/appointments/cancel', booking);
    expect(cancelled.json().state).toBe('cancelled');
    expect((await post('/api/v1/public/appointments/cancel', booking)).json().state).toBe('cancelled');
    const seat = await t.db.selectFrom('appointment_seats').select('released_at').where('service_id', '=', world.serviceId).where('starts_at', '=', new Date(startsAt)).executeTakeFirstOrThrow();
    expect(seat.released_at!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60_000 + 5_000);
    // Until the release moment nobody can take it (unless the random delay happened to be zero).
    if (seat.released_at!.getTime() > Date.now() + 5_000) {
      expect(await freeAt(t, world, date, startsAt)).toBe(0);
      expect((await hold(t, world.serviceId, startsAt)).statusCode).toBe(409);
    }
    await letTimePass(t.db, world.serviceId);
    expect(await freeAt(t, world, date, startsAt)).toBe(1);
    const reused = await book(t, world.serviceId, startsAt, { ...CONTACT, email: 'reuse@example.org' });
    expect(reused.reference).not.toBe(booking.reference);
  });

  it('moves a booking to another free time and keeps the reference', async () => {
    const date = dayFromToday(world, 5);
    const booking = await book(t, world.serviceId, slotAt(world, date, '10:00'), { ...CONTACT, email: 'move@example.org' });
    const target = slotAt(world, date, '11:00');
    const moved = await post('/api/v1/public/appointments/reschedule', { ...booking, startsAt: target });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ reference: booking.reference, startsAt: target, state: 'booked' });
    expect(await freeAt(t, world, date, target)).toBe(0);
    const taken = await post('/api/v1/public/appointments/reschedule', { ...booking, startsAt: slotAt(world, date, '11:00') });
    expect(taken.statusCode).toBe(200);
    const invalid = await post('/api/v1/public/appointments/reschedule', { ...booking, startsAt: slotAt(world, date, '11:07') });
    expect(invalid.statusCode).toBe(400);
  });

  it('gives one answer for an unknown reference and a wrong secret', async () => {
    const booking = await book(t, world.serviceId, slotAt(world, dayFromToday(world, 6), '10:00'), { ...CONTACT, email: 'enum@example.org' });
    const wrongSecret = await post('/api/v1/public/appointments/view', { reference: booking.reference, secret: 'x'.repeat(32) });
    const unknown = await post('/api/v1/public/appointments/view', { reference: 'ZZZZZZZZ', secret: booking.secret });
    const malformed = await post('/api/v1/public/appointments/view', { reference: 'OOOOIIII', secret: booking.secret });
    for (const response of [wrongSecret, unknown, malformed]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe(wrongSecret.json().error.message);
    }
    expect((await post('/api/v1/public/appointments/cancel', { reference: booking.reference, secret: 'y'.repeat(32) })).statusCode).toBe(404);
    // A hold that was never confirmed cannot be opened either.
    const held = await hold(t, world.serviceId, slotAt(world, dayFromToday(world, 6), '10:15'));
    const row = await t.db.selectFrom('appointments').select('reference').where('id', '=', held.json().holdId).executeTakeFirstOrThrow();
    expect((await post('/api/v1/public/appointments/view', { reference: row.reference, secret: booking.secret })).statusCode).toBe(404);
  });
});
