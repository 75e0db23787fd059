import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createScopeWorld, dayFromToday, slotAt, type BookingWorld, type ScopeWorld } from './appointments.test-fixtures.js';

/** Who may book, list, look up, cancel and configure appointments, proven through the API. */

let t: TestApp;
let w: ScopeWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await createScopeWorld(t, { desks: 4, publicSharePercent: 50, maxActivePerContact: 5 }, { desks: 4 });
}, 60_000);
afterAll(() => t?.close());

let caller = 0;
function bookVia(who: Session, world: BookingWorld, time = '10:00') {
  return who.request({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { serviceId: world.serviceId, startsAt: slotAt(world, dayFromToday(world, 0 + 2), time), channel: 'phone', contact: { name: `Caller ${++caller}`, phone: `+351 91${String(caller).padStart(7, '0')}`, language: 'uk' } },
  });
}

const list = (who: Session, world: BookingWorld) => who.request({ method: 'GET', url: `/api/v1/centres/${world.centreId}/appointments?day=${dayFromToday(world, 2)}` });

describe('booking on behalf of a person', () => {
  it('lets the phone line book anywhere and reception at its own centre only', async () => {
    expect((await bookVia(w.phone, w.a)).statusCode).toBe(201);
    expect((await bookVia(w.phone, w.b)).statusCode).toBe(201);
    expect((await bookVia(w.receptionA, w.a)).statusCode).toBe(201);
    expect((await bookVia(w.receptionA, w.b)).statusCode).toBe(404);
    expect((await bookVia(w.managerA, w.a)).statusCode).toBe(403);
    expect((await bookVia(w.officerA, w.a)).statusCode).toBe(403);
  });

  it('takes staff seats from the top, leaving the public share to the portal', async () => {
    const response = await bookVia(w.phone, w.a, '11:00');
    expect(response.json().appointment.channel).toBe('phone');
    const seat = await t.db.selectFrom('appointment_seats').select('seat_no').where('appointment_id', '=', response.json().appointment.id).executeTakeFirstOrThrow();
    expect(seat.seat_no).toBe(4);
  });

  it('audits every booking as a change of personal data', async () => {
    const response = await bookVia(w.receptionA, w.a, '09:00');
    const event = await t.db.selectFrom('audit_events').selectAll().where('resource_id', '=', response.json().appointment.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'appointment.book', personal_data: true, centre_id: w.a.centreId });
  });
});

describe('reading a centre day', () => {
  it('shows the whole centre to reception, the phone line and the centre manager, with an audited read', async () => {
    for (const who of [w.receptionA, w.phone, w.managerA]) {
      const response = await list(who, w.a);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().length).toBeGreaterThanOrEqual(3);
      expect(response.json()[0].contact.name).toMatch(/^Caller/);
    }
    const reads = await t.db.selectFrom('audit_events').select(['personal_data']).where('action', '=', 'appointment.list').where('resource_id', '=', w.a.centreId).execute();
    expect(reads).toHaveLength(3);
    expect(reads.every((read) => read.personal_data)).toBe(true);
  });

  it("shows a unit manager their own unit's services only", async () => {
    expect((await list(w.unitManagerA, w.a)).json().length).toBeGreaterThanOrEqual(3);
    expect((await list(w.otherUnitManagerA, w.a)).json()).toEqual([]);
  });

  it('refuses other roles and other centres', async () => {
    expect((await list(w.officerA, w.a)).statusCode).toBe(403);
    expect((await list(w.statistician, w.a)).statusCode).toBe(403);
    expect((await list(w.receptionB, w.a)).statusCode).toBe(404);
  });
});

describe('looking up and cancelling', () => {
  it('finds a booking by reference and cancels it within scope', async () => {
    const booked = (await bookVia(w.phone, w.a, '09:30')).json().appointment;
    const found = await w.phone.request({ method: 'GET', url: `/api/v1/appointments/by-reference/${booked.reference.toLowerCase()}` });
    expect(found.json()).toMatchObject({ id: booked.id, state: 'booked' });
    expect((await w.receptionB.request({ method: 'GET', url: `/api/v1/appointments/by-reference/${booked.reference}` })).statusCode).toBe(404);
    expect((await w.receptionB.request({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel` })).statusCode).toBe(404);
    expect((await w.managerA.request({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel` })).statusCode).toBe(403);
    const cancelled = await w.receptionA.request({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel` });
    expect(cancelled.json().state).toBe('cancelled');
    const event = await t.db.selectFrom('audit_events').select(['actor_id']).where('action', '=', 'appointment.cancel').where('resource_id', '=', booked.id).executeTakeFirstOrThrow();
    expect(event.actor_id).not.toBeNull();
  });
});

describe('booking settings', () => {
  const settings = {
    policy: { slotMinutes: 20, publicSharePercent: 75, earliestDays: 1, latestDays: 60, holdMinutes: 8, maxActivePerContact: 1, releaseWindowMinutes: 15, checkinOpensMinutesBefore: 45, lateGraceMinutes: 10 },
    schedules: [{ weekdays: [1, 2, 3, 4, 5], starts: '09:00', ends: '13:00', desks: 3, validFrom: '2030-01-01', validTo: null }],
  };

  it('lets managers of the service set them, and nobody else', async () => {
    const saved = await w.managerA.request({ method: 'PUT', url: `/api/v1/services/${w.a.serviceId}/booking-settings`, payload: settings });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ serviceId: w.a.serviceId, ...settings });
    expect((await w.unitManagerA.request({ method: 'PUT', url: `/api/v1/services/${w.a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(200);
    expect((await w.otherUnitManagerA.request({ method: 'PUT', url: `/api/v1/services/${w.a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(403);
    expect((await w.receptionA.request({ method: 'PUT', url: `/api/v1/services/${w.a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(403);
    expect((await w.receptionB.request({ method: 'PUT', url: `/api/v1/services/${w.a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(404);
    const invalid = await w.managerA.request({ method: 'PUT', url: `/api/v1/services/${w.a.serviceId}/booking-settings`, payload: { ...settings, schedules: [{ ...settings.schedules[0], starts: '14:00' }] } });
    expect(invalid.statusCode).toBe(400);
  });
});

describe('the public portal’s own endpoints', () => {
  it('answer anyone without sign-in, and the catalogue shows bookable services only, with nothing personal', async () => {
    const notBookable = uuidv7();
    await t.db.insertInto('services').values({ id: notBookable, unit_id: w.a.unitId, code: 'NOT-BOOKABLE', names: JSON.stringify({ pt: 'Só ao balcão' }), typical_minutes: 10, ticket_prefix: 'Z' }).execute();
    const catalogue = await t.app.inject({ method: 'GET', url: '/api/v1/public/booking/catalogue' });
    expect(catalogue.statusCode).toBe(200);
    const body = catalogue.json<{ centres: { id: string }[]; services: { code: string; offers: { centreId: string; serviceId: string }[] }[] }>();
    const offered = body.services.flatMap((service) => service.offers.map((offer) => offer.serviceId));
    expect(offered).toEqual(expect.arrayContaining([w.a.serviceId, w.b.serviceId]));
    expect(offered).not.toContain(notBookable);
    expect(body.centres.map((centre) => centre.id)).toEqual(expect.arrayContaining([w.a.centreId, w.b.centreId]));
    expect(catalogue.body).not.toMatch(/@|contact|phone/i);
    const challenge = await t.app.inject({ method: 'GET', url: '/api/v1/public/appointments/challenge' });
    expect(challenge.statusCode).toBe(200);
    expect(challenge.json()).toMatchObject({ parameters: { algorithm: 'SHA-256' }, signature: expect.any(String) });
    // A staff session adds nothing here: the same answers, and staff routes still need the session.
    expect((await w.phone.request({ method: 'GET', url: '/api/v1/public/booking/catalogue' })).json()).toEqual(body);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/centres/${w.a.centreId}/appointments?day=${dayFromToday(w.a, 1)}` })).statusCode).toBe(401);
  });
});
