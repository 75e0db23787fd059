import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import type { Database } from '../../db/types.js';
import type { CounterQueueView, VisitView } from '../queue/queue.schemas.js';
import { sweepNoShows } from './appointments.checkin.service.js';
import { createBookingWorld, session, type BookingWorld } from './appointments.test-fixtures.js';
import type { CheckInResult } from './appointments.schemas.js';
import { newReference } from './appointments.secrets.js';

/** Check-in of appointments into the queue: window, priority, idempotency, no-shows, who may (docs/appointments.md). */

const MINUTE = 60_000;
let t: TestApp;
let w: BookingWorld;
let elsewhere: BookingWorld;
let reception: Session;

beforeAll(async () => {
  t = await createTestApp();
  // Open around the clock so that issuing a ticket never depends on when the tests run.
  w = await createBookingWorld(t, { opens: '00:00', closes: '24:00' });
  elsewhere = await createBookingWorld(t, { opens: '00:00', closes: '24:00' });
  await t.db.updateTable('booking_policies').set({ checkin_opens_minutes_before: 60, late_grace_minutes: 15 }).where('service_id', 'in', [w.serviceId, elsewhere.serviceId]).execute();
  reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: w.centreId }], 'reception');
});
afterAll(() => t?.close());

/** A booked appointment starting `minutesFromNow` from now (written directly: booking has its own tests). */
async function booked(db: Kysely<Database>, world: BookingWorld, minutesFromNow: number, state: 'booked' | 'cancelled' = 'booked'): Promise<{ id: string; reference: string }> {
  const id = uuidv7();
  const reference = newReference();
  const startsAt = new Date(Math.floor((Date.now() + minutesFromNow * MINUTE) / MINUTE) * MINUTE);
  await db
    .insertInto('appointments')
    .values({
      id, reference, centre_id: world.centreId, service_id: world.serviceId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 15 * MINUTE), seat_no: 1,
      state, channel: 'staff', hold_expires_at: new Date(), contact_name: 'Mariana Tavares da Silva', contact_phone: '+351 912 345 678', phone_key: '351912345678', preferred_language: 'kea',
      booked_at: new Date(), cancelled_at: state === 'cancelled' ? new Date() : null,
    })
    .execute();
  return { id, reference };
}

const checkIn = (as: Session, payload: Record<string, unknown>) => as.request({ method: 'POST', url: '/api/v1/appointments/check-in', payload });
const stateOf = async (id: string) => (await t.db.selectFrom('appointments').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

describe('appointment check-in', () => {
  it('turns a booked appointment into a waiting ticket of its service, due at its time, audited', async () => {
    const appointment = await booked(t.db, w, 20);
    const response = await checkIn(reception, { centreId: w.centreId, reference: appointment.reference.toLowerCase() });
    expect(response.statusCode).toBe(200);
    const body = response.json<CheckInResult>();
    expect(body.alreadyCheckedIn).toBe(false);
    expect(body.appointment).toMatchObject({ id: appointment.id, state: 'checked_in', ticketId: body.visit.tickets[0]!.id });
    expect(body.visit).toMatchObject({ origin: 'appointment', language: 'kea', centreId: w.centreId });
    expect(body.visit.tickets).toHaveLength(1);
    expect(body.visit.tickets[0]).toMatchObject({ serviceId: w.serviceId, state: 'waiting', appointmentDueAt: body.appointment.startsAt });
    const audit = await t.db.selectFrom('audit_events').select('action').where('resource_id', '=', appointment.id).execute();
    expect(audit.map((row) => row.action)).toContain('appointment.check_in');
  });

  it('refuses too early with the time check-in opens, and leaves the booking as it was', async () => {
    const appointment = await booked(t.db, w, 120);
    const response = await checkIn(reception, { centreId: w.centreId, appointmentId: appointment.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/^Too early: check-in for this appointment opens at (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}$/);
    expect(await stateOf(appointment.id)).toBe('booked');
    expect(await t.db.selectFrom('tickets').select('id').where('centre_id', '=', w.centreId).where('appointment_due_at', '>', new Date(Date.now() + 100 * MINUTE)).execute()).toEqual([]);
  });

  it('lets a late person in within the grace, and marks the appointment missed after it', async () => {
    const late = await booked(t.db, w, -5);
    const inGrace = await checkIn(reception, { centreId: w.centreId, reference: late.reference });
    expect(inGrace.statusCode).toBe(200);
    expect(inGrace.json<CheckInResult>().minutesLate).toBeGreaterThanOrEqual(5);

    const missed = await booked(t.db, w, -30);
    const response = await checkIn(reception, { centreId: w.centreId, reference: missed.reference });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/^The appointment was missed: check-in closed at \d{2}:\d{2}/);
    expect(await stateOf(missed.id)).toBe('no_show');
    expect((await checkIn(reception, { centreId: w.centreId, reference: missed.reference })).json().error.message).toMatch(/was missed/);
  });

  it('answers a repeated check-in with the same ticket, even when many arrive at once', async () => {
    const appointment = await booked(t.db, w, 10);
    const answers = await Promise.all(Array.from({ length: 12 }, () => checkIn(reception, { centreId: w.centreId, reference: appointment.reference })));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(12).fill(200));
    const bodies = answers.map((answer) => answer.json<CheckInResult>());
    expect(new Set(bodies.map((body) => body.visit.tickets[0]!.id)).size).toBe(1);
    expect(bodies.filter((body) => !body.alreadyCheckedIn)).toHaveLength(1);
    const visits = await t.db.selectFrom('visits').select('id').where('purpose', 'like', `%${appointment.reference}%`).execute();
    expect(visits).toHaveLength(1);
  });

  it('refuses cancelled, unknown and other centres’ bookings plainly', async () => {
    const cancelled = await booked(t.db, w, 10, 'cancelled');
    expect((await checkIn(reception, { centreId: w.centreId, reference: cancelled.reference })).json().error.message).toBe('This booking was cancelled');
    expect((await checkIn(reception, { centreId: w.centreId, reference: 'ZZZZ2222' })).statusCode).toBe(404);
    expect((await checkIn(reception, { centreId: w.centreId, reference: 'not-a-ref' })).statusCode).toBe(404);
    expect((await checkIn(reception, { centreId: w.centreId })).statusCode).toBe(400);

    const other = await booked(t.db, elsewhere, 10);
    const wrongCentre = await checkIn(reception, { centreId: w.centreId, reference: other.reference });
    expect(wrongCentre.statusCode).toBe(409);
    expect(wrongCentre.json().error.message).toMatch(/^This booking is for another centre: Centre B\d+$/);
    expect(await stateOf(other.id)).toBe('booked');
    // Reception of this centre cannot act at the other one at all.
    expect((await checkIn(reception, { centreId: elsewhere.centreId, reference: other.reference })).statusCode).toBe(404);
  });

  it('lets reception of the centre check in, through a centre or unit grant, and nobody else', async () => {
    const people = {
      receptionUnit: await session(t, [{ role: 'reception_mediator', scopeType: 'unit', scopeId: w.unitId }], 'reception-unit'),
      officer: await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: w.unitId }], 'officer'),
      centreManager: await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'cm'),
      phone: await session(t, [{ role: 'phone_operator', scopeType: 'network', scopeId: w.networkId }], 'phone'),
      receptionElsewhere: await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: elsewhere.centreId }], 'reception-elsewhere'),
    };
    const expected: [Session, number][] = [[people.officer, 403], [people.centreManager, 403], [people.phone, 403], [people.receptionElsewhere, 404], [people.receptionUnit, 200]];
    for (const [who, status] of expected) {
      const appointment = await booked(t.db, w, 10);
      expect((await checkIn(who, { centreId: w.centreId, reference: appointment.reference })).statusCode).toBe(status);
      expect(await stateOf(appointment.id)).toBe(status === 200 ? 'checked_in' : 'booked');
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/appointments/check-in', payload: { centreId: w.centreId, reference: 'ABCDEFGH' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('checks in at the kiosk with its device token, printing the ticket without contact details', async () => {
    const manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'kiosk-manager');
    const created = await manager.request({ method: 'POST', url: `/api/v1/centres/${w.centreId}/queue-devices`, payload: { kind: 'kiosk', label: 'Entrada' } });
    expect(created.statusCode).toBe(201);
    const token: string = created.json().token;
    const atKiosk = (reference: string, centreId = w.centreId, kioskToken = token) =>
      t.app.inject({ method: 'POST', url: `/api/v1/public/kiosk/${centreId}/check-in`, headers: { 'x-device-token': kioskToken }, payload: { reference } });

    const appointment = await booked(t.db, w, 15);
    const first = await atKiosk(appointment.reference);
    expect(first.statusCode).toBe(200);
    const ticket = first.json();
    expect(ticket).toMatchObject({ reference: appointment.reference, language: 'kea', alreadyCheckedIn: false, number: expect.stringMatching(/^A\d{3}$/) });
    expect(JSON.stringify(ticket)).not.toContain('Mariana');
    const again = (await atKiosk(appointment.reference)).json();
    expect(again).toMatchObject({ alreadyCheckedIn: true, publicCode: ticket.publicCode, number: ticket.number });
    const row = await t.db.selectFrom('appointments').select(['checkin_origin', 'checked_in_by']).where('id', '=', appointment.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ checkin_origin: 'kiosk', checked_in_by: null });

    // A full kiosk quota stops walk-ins, never a person with an appointment.
    const quotaReached = (await t.db.selectFrom('ticket_sequences').select('last_number').where('service_id', '=', w.serviceId).executeTakeFirstOrThrow()).last_number;
    expect((await manager.request({ method: 'PUT', url: `/api/v1/services/${w.serviceId}/daily-quota`, payload: { dailyQuota: quotaReached } })).statusCode).toBe(200);
    const walkIn = await t.app.inject({ method: 'POST', url: `/api/v1/public/kiosk/${w.centreId}/tickets`, headers: { 'x-device-token': token }, payload: { serviceId: w.serviceId, language: 'pt' } });
    expect(walkIn.json().error?.fields).toEqual([{ path: 'body.serviceId', message: 'is full today' }]);
    const despiteQuota = await atKiosk((await booked(t.db, w, 5)).reference);
    expect(despiteQuota.statusCode).toBe(200);
    expect(despiteQuota.json()).toMatchObject({ alreadyCheckedIn: false, number: expect.stringMatching(/^A\d{3}$/) });
    await manager.request({ method: 'PUT', url: `/api/v1/services/${w.serviceId}/daily-quota`, payload: { dailyQuota: null } });

    const early = await booked(t.db, w, 180);
    expect((await atKiosk(early.reference)).json().error.message).toMatch(/^Too early/);
    expect((await atKiosk(appointment.reference, elsewhere.centreId)).statusCode).toBe(403);
    expect((await atKiosk(appointment.reference, w.centreId, 'x'.repeat(40))).statusCode).toBe(401);
  });
});

describe('appointment priority in the queue', () => {
  it('puts an appointment due now ahead of walk-ins, and one not yet due behind them', async () => {
    const world = await createBookingWorld(t, { opens: '00:00', closes: '24:00' });
    const desk = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: world.centreId }], 'desk');
    const officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: world.unitId }], 'officer');
    const walkIn = async () => (await desk.request({ method: 'POST', url: '/api/v1/queue/visits', payload: { centreId: world.centreId, language: 'pt', serviceIds: [world.serviceId] } })).json<VisitView>().tickets[0]!.id;
    const walkIns = [await walkIn(), await walkIn()];
    // Due in 5 minutes: inside the default early window (from 5 minutes before its time), so the head start applies.
    const dueNow = (await checkIn(desk, { centreId: world.centreId, reference: (await booked(t.db, world, 5)).reference })).json<CheckInResult>().visit.tickets[0]!.id;
    // Due in 50 minutes: checked in early, waits as a walk-in would until it falls due.
    const notYetDue = (await checkIn(desk, { centreId: world.centreId, reference: (await booked(t.db, world, 50)).reference })).json<CheckInResult>().visit.tickets[0]!.id;

    const counter = (await t.db.selectFrom('counter_services').select('counter_id').where('service_id', '=', world.serviceId).executeTakeFirstOrThrow()).counter_id;
    expect((await officer.request({ method: 'POST', url: `/api/v1/counters/${counter}/open` })).statusCode).toBe(200);
    const queue = (await officer.request({ method: 'GET', url: `/api/v1/counters/${counter}/queue` })).json<CounterQueueView>();
    expect(queue.waiting.map((ticket) => ticket.id)).toEqual([dueNow, ...walkIns, notYetDue]);
    const called = await officer.request({ method: 'POST', url: `/api/v1/counters/${counter}/call-next` });
    expect(called.json().ticket.id).toBe(dueNow);
  });

  it('carries what reception saw at arrival: priority reasons and an interpreter, on the visit and its ticket', async () => {
    const world = await createBookingWorld(t, { opens: '00:00', closes: '24:00' });
    const desk = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: world.centreId }], 'desk-needs');
    const pregnant = (await checkIn(desk, { centreId: world.centreId, reference: (await booked(t.db, world, 5)).reference, priorityReasons: ['pregnancy'], interpreterNeeded: true })).json<CheckInResult>();
    expect(pregnant.visit).toMatchObject({ priorityReasons: ['pregnancy'], interpreterNeeded: true });
    expect(pregnant.visit.tickets[0]).toMatchObject({ priorityClass: 'priority' });
    const plain = (await checkIn(desk, { centreId: world.centreId, reference: (await booked(t.db, world, 5)).reference })).json<CheckInResult>();
    expect(plain.visit).toMatchObject({ priorityReasons: [], interpreterNeeded: false });
    expect(plain.visit.tickets[0]).toMatchObject({ priorityClass: 'normal' });
    const twice = await checkIn(desk, { centreId: world.centreId, reference: (await booked(t.db, world, 5)).reference, priorityReasons: ['elderly', 'elderly'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0].path).toBe('body.priorityReasons');
    const unknown = await checkIn(desk, { centreId: world.centreId, reference: (await booked(t.db, world, 5)).reference, priorityReasons: ['vip'] });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('no-show sweep', () => {
  it('marks booked appointments past their grace as no-shows, counts them, and is safe to repeat', async () => {
    const world = await createBookingWorld(t, { opens: '00:00', closes: '24:00' });
    await t.db.updateTable('booking_policies').set({ late_grace_minutes: 20 }).where('service_id', '=', world.serviceId).execute();
    const gone = [await booked(t.db, world, -25), await booked(t.db, world, -90)];
    const stillInGrace = await booked(t.db, world, -15);
    const cancelled = await booked(t.db, world, -90, 'cancelled');
    const upcoming = await booked(t.db, world, 30);
    const now = new Date();

    const first = await sweepNoShows(t.db, now);
    expect(first.byCentre[world.centreId]).toBe(2);
    expect(first.marked).toBeGreaterThanOrEqual(2);
    for (const { id } of gone) expect(await stateOf(id)).toBe('no_show');
    expect(await stateOf(stillInGrace.id)).toBe('booked');
    expect(await stateOf(cancelled.id)).toBe('cancelled');
    expect(await stateOf(upcoming.id)).toBe('booked');
    expect((await sweepNoShows(t.db, now)).byCentre[world.centreId]).toBeUndefined();
    // Once the grace has passed for the late one too, the next sweep takes it.
    expect((await sweepNoShows(t.db, new Date(now.getTime() + 10 * MINUTE))).byCentre[world.centreId]).toBe(1);
    expect(await stateOf(stillInGrace.id)).toBe('no_show');
  });

  it('keeps check-in rules in the booking settings', async () => {
    const manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
    const url = `/api/v1/services/${w.serviceId}/booking-settings`;
    const current = (await manager.request({ method: 'GET', url })).json();
    expect(current.policy).toMatchObject({ checkinOpensMinutesBefore: 60, lateGraceMinutes: 15 });
    const changed = await manager.request({ method: 'PUT', url, payload: { ...current, serviceId: undefined, policy: { ...current.policy, checkinOpensMinutesBefore: 30, lateGraceMinutes: 5 } } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().policy).toMatchObject({ checkinOpensMinutesBefore: 30, lateGraceMinutes: 5 });
  });
});
