import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { addDays } from '../network/network.opening.js';
import { book, createBookingWorld, dayFromToday, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

type Availability = { timeZone: string; days: { date: string; slots: { startsAt: string; time: string; free: number }[] }[] };

async function availability(world: BookingWorld, from: string, to: string): Promise<Availability> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/centres/${world.centreId}/services/${world.serviceId}/availability?from=${from}&to=${to}` });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response.json();
}

describe('availability', () => {
  it('lists the free slots of open days in the centre time zone, counts only', async () => {
    const world = await createBookingWorld(t, { timeZone: 'Asia/Tokyo', opens: '09:00', closes: '10:00', desks: 2 });
    const date = dayFromToday(world, 2);
    const view = await availability(world, date, date);
    expect(view.timeZone).toBe('Asia/Tokyo');
    expect(view.days).toEqual([
      {
        date,
        slots: ['09:00', '09:15', '09:30', '09:45'].map((time, i) => ({ startsAt: `${date}T00:${String(i * 15).padStart(2, '0')}:00.000Z`, time, free: 2 })),
      },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/name|email|phone|reference/i);
  });

  it('skips holidays and closed days and follows special hours', async () => {
    const world = await createBookingWorld(t, { opens: '09:00', closes: '12:00' });
    const [holiday, special, ordinary] = [2, 3, 4].map((days) => dayFromToday(world, days));
    await t.db
      .insertInto('centre_calendar_exceptions')
      .values([
        { id: uuidv7(), centre_id: world.centreId, on_date: holiday!, kind: 'holiday', opens: null, closes: null, label: 'Holiday' },
        { id: uuidv7(), centre_id: world.centreId, on_date: special!, kind: 'special_hours', opens: '10:00', closes: '10:30', label: 'Short day' },
      ])
      .execute();
    const view = await availability(world, holiday!, ordinary!);
    expect(view.days.map((day) => day.date)).toEqual([special, ordinary]);
    expect(view.days[0]!.slots.map((slot) => slot.time)).toEqual(['10:00', '10:15']);
    expect(view.days[1]!.slots).toHaveLength(12);
  });

  it('keeps the staff share out of public counts and only opens the bookable window', async () => {
    const world = await createBookingWorld(t, { desks: 5, publicSharePercent: 60, earliestDays: 2, latestDays: 4 });
    const today = dayFromToday(world, 0);
    const view = await availability(world, today, addDays(today, 10));
    expect(view.days.map((day) => day.date)).toEqual([2, 3, 4].map((days) => dayFromToday(world, days)));
    expect(new Set(view.days.flatMap((day) => day.slots.map((slot) => slot.free)))).toEqual(new Set([3]));
    const tooEarly = await t.app.inject({ method: 'POST', url: '/api/v1/public/appointments/holds', payload: { serviceId: world.serviceId, startsAt: slotAt(world, dayFromToday(world, 1), '09:00') } });
    expect(tooEarly.statusCode).toBe(400);
  });

  it('counts booked and held seats, and drops full slots', async () => {
    const world = await createBookingWorld(t, { desks: 1 });
    const date = dayFromToday(world, 2);
    const startsAt = slotAt(world, date, '09:00');
    await book(t, world.serviceId, startsAt);
    const view = await availability(world, date, date);
    expect(view.days[0]!.slots.map((slot) => slot.startsAt)).not.toContain(startsAt);
    expect(view.days[0]!.slots).toHaveLength(11);
  });

  it('refuses long ranges and services without a booking policy', async () => {
    const world = await createBookingWorld(t);
    const today = dayFromToday(world, 0);
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/public/centres/${world.centreId}/services/${world.serviceId}/availability?from=${today}&to=${addDays(today, 90)}` });
    expect(long.statusCode).toBe(400);
    await t.db.deleteFrom('booking_policies').where('service_id', '=', world.serviceId).execute();
    const none = await t.app.inject({ method: 'GET', url: `/api/v1/public/centres/${world.centreId}/services/${world.serviceId}/availability?from=${today}&to=${today}` });
    expect(none.statusCode).toBe(404);
  });
});
