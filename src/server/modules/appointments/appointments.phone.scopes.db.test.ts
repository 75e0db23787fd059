import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createScopeWorld, dayFromToday, slotAt, type BookingWorld, type ScopeWorld } from './appointments.test-fixtures.js';

/** Who may call each endpoint of the phone line and the patterns view (my procedures is public: see appointments.my.db.test.ts). */

let t: TestApp;
let w: ScopeWorld;
let personA: string;
let bookingA: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createScopeWorld(t, { desks: 6, maxActivePerContact: 10 }, { desks: 2 });
  personA = (await w.receptionA.request({ method: 'POST', url: '/api/v1/people', payload: { homeCentreId: w.a.centreId, givenNames: 'Tiago', familyNames: 'Semedo', contacts: [{ kind: 'email', value: 'tiago@example.org' }] } })).json().person.id;
  bookingA = (await w.phone.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: w.a.serviceId, startsAt: slotAt(w.a, dayFromToday(w.a, 2), '10:00'), channel: 'phone', contact: { name: 'Tiago Semedo', email: 'tiago@example.org', language: 'pt' }, personId: personA } })).json().appointment.id;
}, 60_000);
afterAll(() => t?.close());

const status = async (who: Session, method: 'GET' | 'POST', url: string, payload?: object) => (await who.request({ method, url, ...(payload ? { payload } : {}) })).statusCode;

describe('phone line endpoints', () => {
  it('bookable services: everyone signed in gets a list, only of places where they may book', async () => {
    const ids = async (who: Session) => (await who.request({ method: 'GET', url: '/api/v1/phone/bookable-services' })).json().map((one: { serviceId: string }) => one.serviceId);
    expect(await ids(w.phone)).toEqual(expect.arrayContaining([w.a.serviceId, w.b.serviceId]));
    expect(await ids(w.receptionA)).toEqual([w.a.serviceId]);
    expect(await ids(w.managerA)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/phone/bookable-services' })).statusCode).toBe(401);
  });

  it('staff availability: those who book for others at the centre', async () => {
    const url = (world: BookingWorld) => `/api/v1/phone/services/${world.serviceId}/availability?from=${dayFromToday(world, 1)}&to=${dayFromToday(world, 3)}`;
    expect(await status(w.phone, 'GET', url(w.b))).toBe(200);
    expect(await status(w.receptionA, 'GET', url(w.a))).toBe(200);
    expect(await status(w.receptionA, 'GET', url(w.b))).toBe(404);
    expect(await status(w.managerA, 'GET', url(w.a))).toBe(403);
    expect(await status(w.officerA, 'GET', url(w.a))).toBe(403);
  });

  it("a person's bookings: who may read the person; bookings filtered to where one may read them", async () => {
    const url = `/api/v1/people/${personA}/appointments`;
    expect(await status(w.phone, 'GET', url)).toBe(200);
    expect(await status(w.receptionA, 'GET', url)).toBe(200);
    expect(await status(w.receptionB, 'GET', url)).toBe(404);
    expect(await status(w.statistician, 'GET', url)).toBe(404);
    expect((await w.unitManagerA.request({ method: 'GET', url })).json().bookings).toHaveLength(1);
    expect((await w.otherUnitManagerA.request({ method: 'GET', url })).json().bookings).toEqual([]);
    expect((await w.officerA.request({ method: 'GET', url })).json().bookings).toEqual([]);
  });

  it('cancellations: booking staff and managers of the place; others 403, other centres 404', async () => {
    const payload = { appointmentIds: [bookingA], reason: 'Scope test' };
    expect(await status(w.receptionB, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(404);
    expect(await status(w.officerA, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(403);
    expect(await status(w.otherUnitManagerA, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(403);
    expect(await status(w.statistician, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(403);
    expect(await status(w.unitManagerA, 'POST', '/api/v1/appointments/cancellations', payload)).toBe(200);
  });
});

describe('suspicious patterns endpoints', () => {
  const query = `from=2020-01-01&to=2099-12-31`;
  it('staff who read appointments, within their scope', async () => {
    for (const who of [w.phone, w.receptionA, w.managerA, w.unitManagerA]) expect(await status(who, 'GET', `/api/v1/appointments/patterns?${query}&minBookings=1`)).toBe(200);
    expect((await w.receptionB.request({ method: 'GET', url: `/api/v1/appointments/patterns?${query}&minBookings=1` })).json().items.some((item: { label: string }) => item.label === 'tiago@example.org')).toBe(false);
    expect((await w.otherUnitManagerA.request({ method: 'GET', url: `/api/v1/appointments/patterns?${query}&minBookings=1` })).json().items).toEqual([]);
    expect(await status(w.receptionB, 'GET', `/api/v1/appointments/patterns?${query}&centreId=${w.a.centreId}`)).toBe(404);
    expect(await status(w.officerA, 'GET', `/api/v1/appointments/patterns?${query}`)).toBe(403);
    expect(await status(w.statistician, 'GET', `/api/v1/appointments/patterns?${query}`)).toBe(403);
  });

  it('drill-down: the same rules', async () => {
    const url = `/api/v1/appointments/patterns/bookings?kind=email&key=tiago@example.org&${query}`;
    expect((await w.managerA.request({ method: 'GET', url })).json().items).toHaveLength(1);
    expect((await w.receptionB.request({ method: 'GET', url })).json().items).toEqual([]);
    expect(await status(w.officerA, 'GET', url)).toBe(403);
  });
});
