import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { appointmentReminderJob, seatReturnedJob } from './appointments.jobs.js';
import { book, createBookingWorld, dayFromToday, letTimePass, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

let t: TestApp;
let world: BookingWorld;

beforeAll(async () => {
  t = await createTestApp();
  world = await createBookingWorld(t, { desks: 1, maxActivePerContact: 5, releaseWindowMinutes: 30 });
}, 60_000);
afterAll(() => t?.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const messagesAbout = (id: string) => t.db.selectFrom('notifications').selectAll().where('subject_id', '=', id).orderBy('created_at').execute();
const reminderJobs = (id: string) => t.db.selectFrom('jobs').selectAll().where('kind', '=', 'appointments.reminder').where('dedupe_key', '=', id).execute();
const idOf = async (reference: string) => (await t.db.selectFrom('appointments').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;

describe('messages about a booking', () => {
  it('confirms by e-mail with a calendar file and by SMS, in the person’s language, and schedules the reminder', async () => {
    const startsAt = slotAt(world, dayFromToday(world, 3), '10:00');
    const { reference, secret } = await book(t, world.serviceId, startsAt, { name: 'Amal', email: 'amal@example.org', phone: '+351 913 000 111', language: 'ar' });
    const id = await idOf(reference);
    const messages = await messagesAbout(id);
    expect(messages.map((m) => [m.channel, m.template, m.locale, m.recipient])).toEqual([
      ['email', 'appointments.confirmed', 'ar', 'amal@example.org'],
      ['sms', 'appointments.confirmed', 'ar', '+351913000111'],
    ]);
    expect(messages[0]!.params).toMatchObject({ startsAt, timeZone: 'Europe/Lisbon', reference, serviceName: 'Renovação', manageLink: `${t.deps.config.publicUrl}/b/${reference}#${secret}` });
    const [calendar, qr] = messages[0]!.attachments;
    // The kiosk's QR holds the reference only, never the secret of the link.
    expect(qr).toEqual({ filename: `${reference}-qr.svg`, contentType: 'image/svg+xml', content: await QRCode.toString(reference, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) });
    expect(qr!.content).toMatch(/^<svg/);
    expect(calendar).toMatchObject({ filename: `${reference}.ics`, contentType: 'text/calendar; charset=utf-8' });
    expect(calendar!.content).toContain(`UID:${id}@oneroof`);
    expect(calendar!.content).toContain('STATUS:CONFIRMED');
    expect(messages[1]!.attachments).toEqual([]);
    const [job] = await reminderJobs(id);
    expect(job!.run_at.getTime()).toBe(new Date(startsAt).getTime() - 24 * 60 * 60_000);
  });

  it('tells about a move and moves the reminder; tells about a cancel, cancels the reminder and schedules the seat’s return', async () => {
    const { reference, secret } = await book(t, world.serviceId, slotAt(world, dayFromToday(world, 4), '10:00'), { name: 'Ivan', email: 'ivan@example.org', language: 'uk' });
    const id = await idOf(reference);
    const to = slotAt(world, dayFromToday(world, 5), '11:00');
    expect((await post('/api/v1/public/appointments/reschedule', { reference, secret, startsAt: to })).statusCode).toBe(200);
    const [moved] = (await messagesAbout(id)).filter((m) => m.template === 'appointments.moved');
    expect(moved!.params).toMatchObject({ startsAt: to });
    expect((await reminderJobs(id)).map((job) => [job.status, job.run_at.getTime()])).toEqual([['pending', new Date(to).getTime() - 24 * 60 * 60_000]]);
    expect((await post('/api/v1/public/appointments/cancel', { reference, secret })).statusCode).toBe(200);
    const cancelled = (await messagesAbout(id)).filter((m) => m.template === 'appointments.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.attachments[0]!.content).toContain('METHOD:CANCEL');
    expect((await reminderJobs(id)).map((job) => job.status)).toEqual(['cancelled']);
    const returns = await t.db.selectFrom('jobs').selectAll().where('kind', '=', 'appointments.seat_returned').where('dedupe_key', 'like', `${world.serviceId}:%`).execute();
    // One for the seat the move let go, one for the cancelled seat; each at its seat's release moment.
    expect(returns).toHaveLength(2);
    const seats = await t.db.selectFrom('appointment_seats').select('released_at').where('appointment_id', '=', id).execute();
    for (const job of returns) expect(job.run_at.getTime()).toBeLessThanOrEqual(Date.now() + 31 * 60_000);
    expect(seats.every((seat) => seat.released_at !== null)).toBe(true);
  });

  it('reminds once, only a booking still booked', async () => {
    const { reference } = await book(t, world.serviceId, slotAt(world, dayFromToday(world, 6), '10:00'), { name: 'Noor', phone: '+44 7700 900123', language: 'en' });
    const id = await idOf(reference);
    await appointmentReminderJob.run(t.deps, { appointmentId: id }, { id: 'job', attempts: 0, maxAttempts: 5 });
    await appointmentReminderJob.run(t.deps, { appointmentId: id }, { id: 'job', attempts: 1, maxAttempts: 5 });
    const reminders = (await messagesAbout(id)).filter((m) => m.template === 'appointments.reminder');
    expect(reminders.map((m) => [m.channel, m.recipient, m.locale])).toEqual([['sms', '+447700900123', 'en']]);
    await t.db.updateTable('appointments').set({ state: 'cancelled' }).where('id', '=', id).execute();
    await t.db.deleteFrom('notifications').where('subject_id', '=', id).execute();
    await appointmentReminderJob.run(t.deps, { appointmentId: id }, { id: 'job', attempts: 0, maxAttempts: 5 });
    expect(await messagesAbout(id)).toEqual([]);
  });

  it('sends the same messages when the phone line books, moves and cancels', async () => {
    const operator = await session(t, [{ role: 'phone_operator', scopeType: 'network', scopeId: world.networkId }], 'phone');
    const as = (url: string, payload: object) => operator.request({ method: 'POST', url, payload });
    const booked = await as('/api/v1/appointments', { serviceId: world.serviceId, startsAt: slotAt(world, dayFromToday(world, 7), '09:00'), channel: 'phone', contact: { name: 'Sita', phone: '+351 920 000 222', language: 'ne' } });
    expect(booked.statusCode, booked.body).toBe(201);
    const id = booked.json().appointment.id;
    expect((await as(`/api/v1/appointments/${id}/move`, { startsAt: slotAt(world, dayFromToday(world, 7), '09:30') })).statusCode).toBe(200);
    expect((await as(`/api/v1/appointments/${id}/cancel`, {})).statusCode).toBe(200);
    expect((await messagesAbout(id)).map((m) => `${m.channel}:${m.template}:${m.locale}`)).toEqual(['sms:appointments.confirmed:ne', 'sms:appointments.moved:ne', 'sms:appointments.cancelled:ne']);
  });
});

describe('the waiting list', () => {
  it('tells the earliest waiting person when a seat returns, one per seat, and lets people leave', async () => {
    const full = await createBookingWorld(t, { desks: 1, latestDays: 3, releaseWindowMinutes: 10 });
    const day = dayFromToday(full, 2);
    const join = (email: string, fromDate = day, toDate = day) => post('/api/v1/public/appointments/waitlist', { centreId: full.centreId, serviceId: full.serviceId, contact: { name: email, email, language: 'pt' }, fromDate, toDate });
    expect((await join('past@example.org', dayFromToday(full, -1))).statusCode).toBe(400);
    expect((await join('far@example.org', day, dayFromToday(full, 90))).statusCode).toBe(400);
    const first = await join('first@example.org');
    expect(first.statusCode, first.body).toBe(201);
    const second = await join('second@example.org');
    expect((await join('FIRST@example.org')).statusCode).toBe(409);
    const startsAt = slotAt(full, day, '09:00');
    const taken = await book(t, full.serviceId, startsAt, { name: 'Booker', email: 'booker@example.org', language: 'pt' });
    // Nothing free yet: nobody is told.
    await seatReturnedJob.run(t.deps, { serviceId: full.serviceId, startsAt }, { id: 'job', attempts: 0, maxAttempts: 5 });
    expect(await t.db.selectFrom('notifications').select('id').where('template', '=', 'appointments.waitlist_slot_free').execute()).toEqual([]);
    expect((await post('/api/v1/public/appointments/cancel', taken)).statusCode).toBe(200);
    await letTimePass(t.db, full.serviceId);
    await seatReturnedJob.run(t.deps, { serviceId: full.serviceId, startsAt }, { id: 'job', attempts: 0, maxAttempts: 5 });
    const told = await t.db.selectFrom('notifications').selectAll().where('template', '=', 'appointments.waitlist_slot_free').execute();
    expect(told.map((m) => m.recipient)).toEqual(['first@example.org']);
    expect(told[0]!.params).toMatchObject({ startsAt, bookLink: `${t.deps.config.publicUrl}/book?service=RENEW&centre=${full.centreId}` });
    // Told once: the same return again tells the next person, not the first one twice.
    await seatReturnedJob.run(t.deps, { serviceId: full.serviceId, startsAt }, { id: 'job', attempts: 0, maxAttempts: 5 });
    const after = await t.db.selectFrom('notifications').select('recipient').where('template', '=', 'appointments.waitlist_slot_free').execute();
    expect(after.map((m) => m.recipient).sort()).toEqual(['first@example.org', 'second@example.org']);
    const leaveLink = String(told[0]!.params.leaveLink);
    expect(leaveLink).toContain(`/waitlist/${first.json().id}#`);
    expect((await post('/api/v1/public/appointments/waitlist/leave', { id: second.json().id, secret: 'wrong-secret-wrong-secret' })).statusCode).toBe(404);
    expect((await post('/api/v1/public/appointments/waitlist/leave', { id: second.json().id, secret: second.json().secret })).statusCode).toBe(200);
    const states = await t.db.selectFrom('appointment_waitlist').select(['contact_email', 'state']).where('service_id', '=', full.serviceId).orderBy('created_at').execute();
    expect(states.map((row) => row.state)).toEqual(['told', 'left']);
  });

  it('lets entries expire with their last day', async () => {
    const other = await createBookingWorld(t, { desks: 1 });
    const day = dayFromToday(other, 1);
    const joined = await post('/api/v1/public/appointments/waitlist', { centreId: other.centreId, serviceId: other.serviceId, contact: { name: 'Late', phone: '+351 930 000 333', language: 'pt' }, fromDate: day, toDate: day });
    expect(joined.statusCode).toBe(201);
    await t.db.updateTable('appointment_waitlist').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', joined.json().id).execute();
    await seatReturnedJob.run(t.deps, { serviceId: other.serviceId, startsAt: null }, { id: 'job', attempts: 0, maxAttempts: 5 });
    const row = await t.db.selectFrom('appointment_waitlist').select('state').where('id', '=', joined.json().id).executeTakeFirstOrThrow();
    expect(row.state).toBe('expired');
  });
});
