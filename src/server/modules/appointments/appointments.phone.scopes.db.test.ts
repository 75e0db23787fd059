import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createBookingWorld, dayFromToday, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

/** Who may call each endpoint of the phone line and the patterns view (my procedures is public: see appointments.my.db.test.ts). */

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
let personA: string;
let bookingA: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await createBookingWorld(t, { desks: 6, maxActivePerContact: 10 });
  b = await createBookingWorld(t, { desks: 2 });
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
  personA = (await receptionA.request({ method: 'POST', url: '/api/v1/people', payload: { homeCentreId: a.centreId, givenNames: 'Tiago', familyNames: 'Semedo', contacts: [{ kind: 'email', value: 'tiago@example.org' }] } })).json().person.id;
  bookingA = (await phone.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: a.serviceId, startsAt: slotAt(a, dayFromToday(a, 2), '10:00'), channel: 'phone', contact: { name: 'Tiago Semedo', email: 'tiago@example.org', language: 'pt' }, personId: personA } })).json().appointment.id;
}, 60_000);
afterAll(() => t?.close());

const status = async (who: Session, method: 'GET' | 'POST', url: string, payload?: object) => (await who.request({ method, url, ...(payload ? { payload } : {}) })).statusCode;

describe('phone line endpoints', () => {
  it('bookable services: everyone signed in gets a list, only of places where they may book', async () => {
    const ids = async (who: Session) => (await who.request({ method: 'GET', url: '/api/v1/phone/bookable-services' })).json().map((one: { serviceId: string }) => one.serviceId);
    expect(await ids(phone)).toEqual(expect.arrayContaining([a.serviceId, b.serviceId]));
    expect(await ids(receptionA)).toEqual([a.serviceId]);
    expect(await ids(managerA)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/phone/bookable-services' })).statusCode).toBe(401);
  });

  it('staff availability: those who book for others at the centre', async () => {
    const url = (world: BookingWorld) => `/api/v1/phone/services/${world.serviceId}/availability?from=${dayFromToday(world, 1)}&to=${dayFromToday(world, 3)}`;
    expect(await status(phone, 'GET', url(b))).toBe(200);
    expect(await status(receptionA, 'GET', url(a))).toBe(200);
    expect(await status(receptionA, 'GET', url(b))).toBe(404);
    expect(await status(managerA, 'GET', url(a))).toBe(403);
    expect(await status(officerA, 'GET', url(a))).toBe(403);
  });

  it("a person's bookings: who may read the person; bookings filtered to where one may read them", async () => {
    const url = `/api/v1/people/${personA}/appointments`;
    expect(await status(phone, 'GET', url)).toBe(200);
    expect(await status(receptionA, 'GET', url)).toBe(200);
    expect(await status(receptionB, 'GET', url)).toBe(404);
    expect(await status(statistician, 'GET', url)).toBe(404);
    expect((await unitManagerA.request({ method: 'GET', url })).json().bookings).toHaveLength(1);
    expect((await otherUnitManagerA.request({ method: 'GET', url })).json().bookings).toEqual([]);
    expect((await officerA.request({ method: 'GET', url })).json().bookings).toEqual([]);
  });

  it('cancellations: booking staff and managers of the place; others 403, other centres 404', async () => {
    const payload = { appointmentIds: [bookingA], reason: 'Scope test' };
    expect(await status(receptionB, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(404);
    expect(await status(officerA, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(403);
    expect(await status(otherUnitManagerA, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(403);
    expect(await status(statistician, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(403);
    expect(await status(unitManagerA, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(200);
  });
});

describe('suspicious patterns endpoints', () => {
  const query = `from=2020-01-01&to=2099-12-31`;
  it('staff who read appointments, within their scope', async () => {
    for (const who of [phone, receptionA, managerA, unitManagerA]) expect(await status(who, 'GET', `/api/v1/appointments/patterns?${query}&minBookings=1`)).toBe(200);
    expect((await receptionB.request({ method: 'GET', url: `/api/v1/appointments/patterns?${query}&minBookings=1` })).json().items.some((item: { label: string }) => item.label === 'tiago@example.org')).toBe(false);
    expect((await otherUnitManagerA.request({ method: 'GET', url: `/api/v1/appointments/patterns?${query}&minBookings=1` })).json().items).toEqual([]);
    expect(await status(receptionB, 'GET', `/api/v1/appointments/patterns?${query}&centreId=${a.centreId}`)).toBe(404);
    expect(await status(officerA, 'GET', `/api/v1/appointments/patterns?${query}`)).toBe(403);
    expect(await status(statistician, 'GET', `/api/v1/appointments/patterns?${query}`)).toBe(403);
  });

  it('drill-down: the same rules', async () => {
    const url = `/api/v1/appointments/patterns/bookings?kind=email&key=tiago@example.org&${query}`;
    expect((await managerA.request({ method: 'GET', url })).json().items).toHaveLength(1);
    expect((await receptionB.request({ method: 'GET', url })).json().items).toEqual([]);
    expect(await status(officerA, 'GET', url)).toBe(403);
  });
});
