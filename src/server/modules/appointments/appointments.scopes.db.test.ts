import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createBookingWorld, dayFromToday, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

/** Who may book, list, look up, cancel and configure appointments, proven through the API. */

let t: TestApp;
let a: BookingWorld;
let b: BookingWorld;
let phone: Session;
let receptionA: Session;
let receptionB: Session;
let managerA: Session;
let unitManagerA: Session;
let otherUnitManagerA: Session;
let officerA: Session;
let statistician: Session;

beforeAll(async () => {
  t = await createTestApp();
  a = await createBookingWorld(t, { desks: 4, publicSharePercent: 50, maxActivePerContact: 5 });
  b = await createBookingWorld(t, { desks: 4 });
  const otherUnit = uuidv7();
  await t.db.insertInto('units').values({ id: otherUnit, centre_id: a.centreId, code: 'SOC', name: 'Social security', kind: 'agency_branch' }).execute();
  phone = await session(t, [{ role: 'phone_operator', scopeType: 'network', scopeId: a.networkId }], 'phone');
  receptionA = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: a.centreId }], 'reception-a');
  receptionB = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: b.centreId }], 'reception-b');
  managerA = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: a.centreId }], 'manager-a');
  unitManagerA = await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: a.unitId }], 'unit-manager-a');
  otherUnitManagerA = await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: otherUnit }], 'other-unit-manager-a');
  officerA = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: a.unitId }], 'officer-a');
  statistician = await session(t, [{ role: 'statistician', scopeType: 'network', scopeId: a.networkId }], 'statistician');
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
    expect((await bookVia(phone, a)).statusCode).toBe(201);
    expect((await bookVia(phone, b)).statusCode).toBe(201);
    expect((await bookVia(receptionA, a)).statusCode).toBe(201);
    expect((await bookVia(receptionA, b)).statusCode).toBe(404);
    expect((await bookVia(managerA, a)).statusCode).toBe(403);
    expect((await bookVia(officerA, a)).statusCode).toBe(403);
  });

  it('takes staff seats from the top, leaving the public share to the portal', async () => {
    const response = await bookVia(phone, a, '11:00');
    expect(response.json().appointment.channel).toBe('phone');
    const seat = await t.db.selectFrom('appointment_seats').select('seat_no').where('appointment_id', '=', response.json().appointment.id).executeTakeFirstOrThrow();
    expect(seat.seat_no).toBe(4);
  });

  it('audits every booking as a change of personal data', async () => {
    const response = await bookVia(receptionA, a, '09:00');
    const event = await t.db.selectFrom('audit_events').selectAll().where('resource_id', '=', response.json().appointment.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'appointment.book', personal_data: true, centre_id: a.centreId });
  });
});

describe('reading a centre day', () => {
  it('shows the whole centre to reception, the phone line and the centre manager, with an audited read', async () => {
    for (const who of [receptionA, phone, managerA]) {
      const response = await list(who, a);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().length).toBeGreaterThanOrEqual(3);
      expect(response.json()[0].contact.name).toMatch(/^Caller/);
    }
    const reads = await t.db.selectFrom('audit_events').select(['personal_data']).where('action', '=', 'appointment.list').where('resource_id', '=', a.centreId).execute();
    expect(reads).toHaveLength(3);
    expect(reads.every((read) => read.personal_data)).toBe(true);
  });

  it("shows a unit manager their own unit's services only", async () => {
    expect((await list(unitManagerA, a)).json().length).toBeGreaterThanOrEqual(3);
    expect((await list(otherUnitManagerA, a)).json()).toEqual([]);
  });

  it('refuses other roles and other centres', async () => {
    expect((await list(officerA, a)).statusCode).toBe(403);
    expect((await list(statistician, a)).statusCode).toBe(403);
    expect((await list(receptionB, a)).statusCode).toBe(404);
  });
});

describe('looking up and cancelling', () => {
  it('finds a booking by reference and cancels it within scope', async () => {
    const booked = (await bookVia(phone, a, '09:30')).json().appointment;
    const found = await phone.request({ method: 'GET', url: `/api/v1/appointments/by-reference/${booked.reference.toLowerCase()}` });
    expect(found.json()).toMatchObject({ id: booked.id, state: 'booked' });
    expect((await receptionB.request({ method: 'GET', url: `/api/v1/appointments/by-reference/${booked.reference}` })).statusCode).toBe(404);
    expect((await receptionB.request({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel` })).statusCode).toBe(404);
    expect((await managerA.request({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel` })).statusCode).toBe(403);
    const cancelled = await receptionA.request({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel` });
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
    const saved = await managerA.request({ method: 'PUT', url: `/api/v1/services/${a.serviceId}/booking-settings`, payload: settings });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ serviceId: a.serviceId, ...settings });
    expect((await unitManagerA.request({ method: 'PUT', url: `/api/v1/services/${a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(200);
    expect((await otherUnitManagerA.request({ method: 'PUT', url: `/api/v1/services/${a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(403);
    expect((await receptionA.request({ method: 'PUT', url: `/api/v1/services/${a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(403);
    expect((await receptionB.request({ method: 'PUT', url: `/api/v1/services/${a.serviceId}/booking-settings`, payload: settings })).statusCode).toBe(404);
    const invalid = await managerA.request({ method: 'PUT', url: `/api/v1/services/${a.serviceId}/booking-settings`, payload: { ...settings, schedules: [{ ...settings.schedules[0], starts: '14:00' }] } });
    expect(invalid.statusCode).toBe(400);
  });
});

describe('the public portal’s own endpoints', () => {
  it('answer anyone without sign-in, and the catalogue shows bookable services only, with nothing personal', async () => {
    const notBookable = uuidv7();
    await t.db.insertInto('services').values({ id: notBookable, unit_id: a.unitId, code: 'NOT-BOOKABLE', names: JSON.stringify({ pt: 'Só ao balcão' }), typical_minutes: 10, ticket_prefix: 'Z' }).execute();
    const catalogue = await t.app.inject({ method: 'GET', url: '/api/v1/public/booking/catalogue' });
    expect(catalogue.statusCode).toBe(200);
    const body = catalogue.json<{ centres: { id: string }[]; services: { code: string; offers: { centreId: string; serviceId: string }[] }[] }>();
    const offered = body.services.flatMap((service) => service.offers.map((offer) => offer.serviceId));
    expect(offered).toEqual(expect.arrayContaining([a.serviceId, b.serviceId]));
    expect(offered).not.toContain(notBookable);
    expect(body.centres.map((centre) => centre.id)).toEqual(expect.arrayContaining([a.centreId, b.centreId]));
    expect(catalogue.body).not.toMatch(/@|contact|phone/i);
    const challenge = await t.app.inject({ method: 'GET', url: '/api/v1/public/appointments/challenge' });
    expect(challenge.statusCode).toBe(200);
    expect(challenge.json()).toMatchObject({ parameters: { algorithm: 'SHA-256' }, signature: expect.any(String) });
    // A staff session adds nothing here: the same answers, and staff routes still need the session.
    expect((await phone.request({ method: 'GET', url: '/api/v1/public/booking/catalogue' })).json()).toEqual(body);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/centres/${a.centreId}/appointments?day=${dayFromToday(a, 1)}` })).statusCode).toBe(401);
  });
});
