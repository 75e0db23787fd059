import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { noShowSweepTask, staleHoldsTask } from './appointments.tasks.js';
import { book, createBookingWorld, dayFromToday, hold, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

/** The phone line: booking for a registered person, their bookings and tickets, cancelling with a reason; the recurring tasks. */

let t: TestApp;
let w: BookingWorld;
let phone: Session;
let reception: Session;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createBookingWorld(t, { desks: 3, publicSharePercent: 34, maxActivePerContact: 5 });
  phone = await session(t, [{ role: 'phone_operator', scopeType: 'network', scopeId: w.networkId }], 'phone');
  reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: w.centreId }], 'reception');
  const registered = await phone.request({
    method: 'POST',
    url: '/api/v1/people',
    payload: { homeCentreId: w.centreId, givenNames: 'Olena', familyNames: 'Kovalenko', preferredLanguage: 'uk', contacts: [{ kind: 'phone', value: '912 345 678' }] },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  personId = registered.json().person.id;
}, 60_000);
afterAll(() => t?.close());

const contact = { name: 'Olena Kovalenko', phone: '912345678', language: 'uk' };

describe('booking for a registered person', () => {
  it('lists bookable services and every free staff seat from today on', async () => {
    const services = (await phone.request({ method: 'GET', url: '/api/v1/phone/bookable-services' })).json();
    expect(services).toContainEqual(expect.objectContaining({ serviceId: w.serviceId, centreId: w.centreId, slotMinutes: 15 }));
    const day = dayFromToday(w, 1);
    const staff = (await phone.request({ method: 'GET', url: `/api/v1/phone/services/${w.serviceId}/availability?from=${day}&to=${day}` })).json();
    const publicView = (await t.app.inject({ method: 'GET', url: `/api/v1/public/centres/${w.centreId}/services/${w.serviceId}/availability?from=${day}&to=${day}` })).json();
    expect(staff.days[0].slots[0].free).toBe(3);
    expect(publicView.days[0].slots[0].free).toBe(1);
  });

  it("links the booking to the person and shows it with the person's contact bookings, audited", async () => {
    const startsAt = slotAt(w, dayFromToday(w, 2), '10:00');
    const booked = await phone.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: w.serviceId, startsAt, channel: 'phone', contact, personId } });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().appointment.personId).toBe(personId);
    // Booked on the portal with the same phone written another way: it is theirs too.
    await book(t, w.serviceId, slotAt(w, dayFromToday(w, 3), '09:00'), { name: 'Olena K.', phone: '+351 912 345 678', language: 'uk' });
    await book(t, w.serviceId, slotAt(w, dayFromToday(w, 3), '09:15'), { name: 'Somebody else', phone: '+351 913 000 000', language: 'pt' });
    const mine = await phone.request({ method: 'GET', url: `/api/v1/people/${personId}/appointments` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().bookings.map((one: { contact: { name: string } }) => one.contact.name).sort()).toEqual(['Olena K.', 'Olena Kovalenko']);
    expect(mine.json()).toMatchObject({ personId, preferredLanguage: 'uk', tickets: [] });
    const read = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'appointment.person_list').where('resource_id', '=', personId).executeTakeFirstOrThrow();
    expect(read.personal_data).toBe(true);
  });

  it('refuses to book for a person one may not read (404) and an unknown person', async () => {
    const other = await createBookingWorld(t, { desks: 2 });
    const otherReception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: other.centreId }], 'reception-other');
    const response = await otherReception.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: other.serviceId, startsAt: slotAt(other, dayFromToday(other, 2), '10:00'), channel: 'staff', contact, personId } });
    expect(response.statusCode).toBe(404);
  });
});

describe('cancelling with a reason', () => {
  it('cancels, keeps the reason on the booking and in the journal, and refuses an empty reason', async () => {
    const booked = (await reception.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: w.serviceId, startsAt: slotAt(w, dayFromToday(w, 4), '11:00'), channel: 'staff', contact } })).json().appointment;
    expect((await reception.request({ method: 'POST', url: '/api/v1/appointments/cancellations', payload: { appointmentIds: [booked.id], reason: '' } })).statusCode).toBe(400);
    const response = await reception.request({ method: 'POST', url: '/api/v1/appointments/cancellations', payload: { appointmentIds: [booked.id], reason: 'Called to say she found work' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items[0]).toMatchObject({ state: 'cancelled', cancelReason: 'Called to say she found work' });
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'appointment.cancel').where('resource_id', '=', booked.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ reason: 'Called to say she found work', personal_data: true });
    // Repeating is answered with the booking as it is.
    const again = await reception.request({ method: 'POST', url: '/api/v1/appointments/cancellations', payload: { appointmentIds: [booked.id], reason: 'Called again' } });
    expect(again.json().items[0].cancelReason).toBe('Called to say she found work');
  });
});

describe('recurring tasks', () => {
  it('the no-show sweep marks bookings whose check-in window closed', async () => {
    const booked = (await phone.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: w.serviceId, startsAt: slotAt(w, dayFromToday(w, 1), '09:00'), channel: 'phone', contact: { ...contact, phone: '+351 914 000 001' } } })).json().appointment;
    const before = await noShowSweepTask.run(t.deps, new Date(new Date(booked.startsAt).getTime() + 10 * 60_000));
    expect(before).toEqual({ marked: 0 });
    const after = await noShowSweepTask.run(t.deps, new Date(new Date(booked.startsAt).getTime() + 16 * 60_000));
    expect(after).toEqual({ marked: 1 });
    const row = await t.db.selectFrom('appointments').select('state').where('id', '=', booked.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('no_show');
  });

  it('the stale-holds task writes expired holds down and drops free seat rows, never a live one', async () => {
    const startsAt = slotAt(w, dayFromToday(w, 6), '09:00');
    const stale = (await hold(t, w.serviceId, startsAt)).json();
    const live = (await hold(t, w.serviceId, slotAt(w, dayFromToday(w, 6), '09:15'))).json();
    await t.db.updateTable('appointment_seats').set({ held_until: new Date(Date.now() - 2 * 3600_000) }).where('appointment_id', '=', stale.holdId).execute();
    await t.db.updateTable('appointments').set({ hold_expires_at: new Date(Date.now() - 2 * 3600_000) }).where('id', '=', stale.holdId).execute();
    const outcome = await staleHoldsTask.run(t.deps, new Date());
    expect(outcome).toMatchObject({ expiredHolds: 1, freedSeats: 1 });
    const states = await t.db.selectFrom('appointments').select(['id', 'state']).where('id', 'in', [stale.holdId, live.holdId]).execute();
    expect(Object.fromEntries(states.map((row) => [row.id, row.state]))).toEqual({ [stale.holdId]: 'expired', [live.holdId]: 'held' });
    expect(await t.db.selectFrom('appointment_seats').select('seat_no').where('appointment_id', '=', live.holdId).execute()).toHaveLength(1);
    expect(await staleHoldsTask.run(t.deps, new Date())).toMatchObject({ expiredHolds: 0, freedSeats: 0 });
  });
});
