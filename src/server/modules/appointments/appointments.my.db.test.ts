import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { ACCESS_LIMITS } from './appointments.my.service.js';
import { createBookingWorld, dayFromToday, session, type BookingWorld } from './appointments.test-fixtures.js';

/** "My procedures": reference and secret, one-time links without enumeration, single use, expiry, rate limits. */

let t: TestApp;
let w: BookingWorld;
let reception: Session;
let ipCounter = 0;
const nextIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await createBookingWorld(t, { opens: '00:00', closes: '24:00', desks: 2, earliestDays: 0, maxActivePerContact: 10 });
  reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: w.centreId }], 'reception');
}, 60_000);
afterAll(() => t?.close());

let slotIndex = 0;
/** Books through reception at a free time (the first free ones today, then later ones), with the given contact. */
async function bookFor(contact: { name: string; email?: string; phone?: string }): Promise<{ id: string; reference: string; secret: string; startsAt: string }> {
  const day = dayFromToday(w, 0);
  const later = dayFromToday(w, 2);
  const slots = (await reception.request({ method: 'GET', url: `/api/v1/phone/services/${w.serviceId}/availability?from=${day}&to=${later}` })).json().days.flatMap((d: { slots: { startsAt: string }[] }) => d.slots);
  const startsAt = slots[slotIndex++ % slots.length].startsAt;
  const response = await reception.request({ method: 'POST', url: '/api/v1/appointments', payload: { serviceId: w.serviceId, startsAt, channel: 'staff', contact: { language: 'pt', ...contact } } });
  if (response.statusCode !== 201) throw new Error(response.body);
  const body = response.json();
  return { id: body.appointment.id, reference: body.appointment.reference, secret: body.secret, startsAt };
}

const post = (url: string, payload: object, ip = nextIp()) => t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });

describe('with the reference and its secret', () => {
  it("shows the booking and, once checked in, today's ticket with its place; the case file section is empty", async () => {
    const booking = await bookFor({ name: 'Amina Diallo', phone: '+351 920 000 001' });
    const checkedIn = await reception.request({ method: 'POST', url: '/api/v1/appointments/check-in', payload: { centreId: w.centreId, reference: booking.reference } });
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
    const response = await post('/api/v1/public/my/by-reference', { reference: booking.reference.toLowerCase(), secret: booking.secret });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const view = response.json();
    expect(view).toMatchObject({ access: 'reference', procedures: [], expiresAt: null });
    expect(view.bookings).toEqual([expect.objectContaining({ reference: booking.reference, state: 'checked_in', secret: booking.secret, centreName: expect.any(String) })]);
    expect(view.tickets).toEqual([expect.objectContaining({ number: expect.stringMatching(/^A\d{3}$/), publicCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/), state: 'waiting', ahead: 0 })]);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'my_procedures.view').where('resource_id', '=', booking.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ personal_data: true, actor_id: null });
  });

  it('answers a wrong secret exactly like an unknown reference', async () => {
    const booking = await bookFor({ name: 'Amina Diallo', phone: '+351 920 000 002' });
    const wrong = await post('/api/v1/public/my/by-reference', { reference: booking.reference, secret: 'x'.repeat(32) });
    const unknown = await post('/api/v1/public/my/by-reference', { reference: 'ZZZZZZZZ', secret: booking.secret });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });
});

async function linkSentTo(recipient: string): Promise<string | undefined> {
  const row = await t.db.selectFrom('notifications').select(['params', 'template']).where('recipient', '=', recipient).orderBy('created_at', 'desc').executeTakeFirst();
  if (!row) return undefined;
  expect(row.template).toBe('portal.access_link');
  return new URL((row.params as { link: string }).link).hash.replace('#token=', '');
}

describe('one-time link to a contact', () => {
  it('answers the same whether or not the contact is known, and only sends to a known one', async () => {
    await bookFor({ name: 'Known Person', email: 'known@example.org' });
    const known = await post('/api/v1/public/my/access-link', { contact: 'Known@Example.org', locale: 'ar' });
    const unknown = await post('/api/v1/public/my/access-link', { contact: 'nobody@example.org', locale: 'ar' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const strip = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => !['x-request-id', 'date', 'content-length'].includes(name)).sort();
    expect(strip(known.headers)).toEqual(strip(unknown.headers));
    const notification = await t.db.selectFrom('notifications').selectAll().where('recipient', '=', 'Known@Example.org').executeTakeFirstOrThrow();
    expect(notification).toMatchObject({ channel: 'email', locale: 'ar', template: 'portal.access_link' });
    expect(notification.params).toMatchObject({ minutes: 15, link: expect.stringMatching(/\/my#token=[A-Za-z0-9_-]{43}$/) });
    expect(await linkSentTo('nobody@example.org')).toBeUndefined();
  });

  it('takes about as long for a known contact as for an unknown one', async () => {
    const samples = 8;
    const knownPhone = (i: number) => `+351 93${String(i).padStart(7, '0')}`;
    const unknownPhone = (i: number) => `+351 96${String(i).padStart(7, '0')}`;
    for (let i = 0; i < samples; i++) await bookFor({ name: `Timing ${i}`, phone: knownPhone(i) });
    const time = async (contact: string) => {
      const started = performance.now();
      const response = await post('/api/v1/public/my/access-link', { contact });
      expect(response.statusCode).toBe(202);
      return performance.now() - started;
    };
    // Warm both paths up, then measure them interleaved so load on the machine hits both alike.
    await time(unknownPhone(0));
    await time(knownPhone(0));
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < samples; i++) {
      knownTimes.push(await time(knownPhone(i)));
      unknownTimes.push(await time(unknownPhone(i)));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // The same class of work either way (a notification row is the only extra): no slow path such
    // as sending a message while the person waits.
    expect(Math.abs(median(knownTimes) - median(unknownTimes)), `known ${knownTimes.map(Math.round)} unknown ${unknownTimes.map(Math.round)}`).toBeLessThan(Math.max(50, median(unknownTimes)));
  });

  it('opens the view once: a second use, an expired link and an ended session are refused alike', async () => {
    const booking = await bookFor({ name: 'Once Only', phone: '+351 921 111 111' });
    await post('/api/v1/public/my/access-link', { contact: '921 111 111' });
    const token = (await linkSentTo('+351921111111'))!;
    expect(token).toBeTruthy();
    const stored = await t.db.selectFrom('portal_access_tokens').select('token_hash').execute();
    expect(stored.some((row) => row.token_hash === token)).toBe(false);
    const first = await post('/api/v1/public/my/redeem', { token });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().view).toMatchObject({ access: 'contact', bookings: [expect.objectContaining({ reference: booking.reference })] });
    const second = await post('/api/v1/public/my/redeem', { token });
    expect(second.statusCode).toBe(404);
    const view = await post('/api/v1/public/my/view', { session: first.json().session });
    expect(view.json().bookings).toHaveLength(1);

    await post('/api/v1/public/my/access-link', { contact: '+351921111111' });
    const late = (await linkSentTo('+351921111111'))!;
    await t.db.updateTable('portal_access_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('purpose', '=', 'link').where('used_at', 'is', null).execute();
    const expired = await post('/api/v1/public/my/redeem', { token: late });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.message).toBe(second.json().error.message);
    await t.db.updateTable('portal_access_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('purpose', '=', 'session').execute();
    expect((await post('/api/v1/public/my/view', { session: first.json().session })).statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  it('limits link requests per address, then per contact, with a Retry-After', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < ACCESS_LIMITS.linkPerAddress.max; i++) expect((await post('/api/v1/public/my/access-link', { contact: `someone${i}@example.org` }, ip)).statusCode).toBe(202);
    const refused = await post('/api/v1/public/my/access-link', { contact: 'another@example.org' }, ip);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < ACCESS_LIMITS.linkPerContact.max; i++) expect((await post('/api/v1/public/my/access-link', { contact: 'target@example.org' })).statusCode).toBe(202);
    expect((await post('/api/v1/public/my/access-link', { contact: 'TARGET@example.org' })).statusCode).toBe(429);
  });

  it('limits openings by reference per address', async () => {
    const ip = '10.8.8.8';
    for (let i = 0; i < ACCESS_LIMITS.referencePerAddress.max; i++) expect((await post('/api/v1/public/my/by-reference', { reference: 'ZZZZZZZZ', secret: 'y'.repeat(32) }, ip)).statusCode).toBe(404);
    expect((await post('/api/v1/public/my/by-reference', { reference: 'ZZZZZZZZ', secret: 'y'.repeat(32) }, ip)).statusCode).toBe(429);
    expect((await post('/api/v1/public/my/by-reference', { reference: 'ZZZZZZZZ', secret: 'y'.repeat(32) }, '10.8.8.9')).statusCode).toBe(404);
  });

  it('refuses what is not a contact with a field error', async () => {
    const response = await post('/api/v1/public/my/access-link', { contact: 'hello there' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ path: 'contact' })]);
  });
});

describe("the case file's procedures", () => {
  it('shows the person their procedures with person-visible labels in their language, never staff notes', async () => {
    const booking = await bookFor({ name: 'Yusuf Rahman', phone: '+351 920 000 090' });
    const otherBooking = await bookFor({ name: 'Somebody Else', phone: '+351 920 000 091' });
    const personId = uuidv7();
    const otherPersonId = uuidv7();
    for (const [id, given] of [[personId, 'Yusuf'], [otherPersonId, 'Other']] as const) {
      await t.db.insertInto('people').values({ id, home_centre_id: w.centreId, given_names: given, family_names: 'Rahman', name_key: `${given} rahman`.toLowerCase() }).execute();
    }
    await t.db.updateTable('appointments').set({ person_id: personId }).where('id', '=', booking.id).execute();
    const workflowId = uuidv7();
    const states = [
      { key: 'received', labels: { pt: 'Pedido recebido', en: 'Request received', ar: 'تم استلام الطلب' } },
      { key: 'in_review', labels: { pt: 'Em análise', en: 'Under review', ar: 'قيد الدراسة' } },
      { key: 'done', labels: { pt: 'Concluído', en: 'Done' }, final: true },
    ];
    await t.db.insertInto('casefile_workflows').values({ id: workflowId, service_id: w.serviceId, version: 1, states: JSON.stringify(states), transitions: JSON.stringify([{ from: 'received', to: 'in_review' }, { from: 'in_review', to: 'done' }]), initial_state: 'received' }).execute();
    const unitId = (await t.db.selectFrom('services').select('unit_id').where('id', '=', w.serviceId).executeTakeFirstOrThrow()).unit_id;
    const addProcedure = async (owner: string, state: string, notes: string[]) => {
      const id = uuidv7();
      await t.db.insertInto('casefile_procedures').values({ id, person_id: owner, unit_id: unitId, service_id: w.serviceId, workflow_id: workflowId, state }).execute();
      const path = ['received', 'in_review'].slice(0, state === 'received' ? 1 : 2);
      for (const [i, to] of path.entries()) await t.db.insertInto('casefile_procedure_transitions').values({ id: uuidv7(), procedure_id: id, from_state: i ? path[i - 1]! : null, to_state: to, note: notes[i] ?? '' }).execute();
      return id;
    };
    const mine = await addProcedure(personId, 'in_review', ['', 'STAFF ONLY: suspected forged payslip']);
    await addProcedure(otherPersonId, 'received', ['another person']);

    const ar = (await post('/api/v1/public/my/by-reference', { reference: booking.reference, secret: booking.secret, locale: 'ar' })).json();
    expect(ar.procedures).toEqual([
      expect.objectContaining({ id: mine, status: { key: 'in_review', label: 'قيد الدراسة', final: false }, steps: [expect.objectContaining({ label: 'تم استلام الطلب' }), expect.objectContaining({ label: 'قيد الدراسة' })] }),
    ]);
    expect(JSON.stringify(ar)).not.toMatch(/STAFF ONLY|forged|another person/);
    const pt = (await post('/api/v1/public/my/by-reference', { reference: booking.reference, secret: booking.secret })).json();
    expect(pt.procedures[0].status.label).toBe('Em análise');
    // A booking that belongs to nobody registered shows no procedures at all.
    const none = (await post('/api/v1/public/my/by-reference', { reference: otherBooking.reference, secret: otherBooking.secret, locale: 'en' })).json();
    expect(none.procedures).toEqual([]);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'my_procedures.view').where('resource_id', '=', personId).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ access: 'reference', procedures: 1 });
  });
});
