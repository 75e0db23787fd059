import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../../test/app.js';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { clientAddressHash } from './appointments.address.js';
import { book, createBookingWorld, dayFromToday, hold, session, slotAt, type BookingWorld } from './appointments.test-fixtures.js';

/** Suspicious patterns: thresholds, fingerprints instead of addresses, drill-down, cancelling with a reason. */

let t: TestApp;
let w: BookingWorld;
let manager: Session;
const today = new Date().toISOString().slice(0, 10);
const hash = clientAddressHash(Buffer.alloc(32, 7), '203.0.113.9');

beforeAll(async () => {
  t = await createTestApp();
  w = await createBookingWorld(t, { desks: 20, maxActivePerContact: 20, latestDays: 30 });
  manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
  // One reseller: six bookings with one e-mail, from one address; three holds left to expire from it too.
  for (let i = 0; i < 6; i++) await book(t, w.serviceId, slotAt(w, dayFromToday(w, 1 + i), '09:00'), { name: `Buyer ${i}`, email: 'reseller@example.org', language: 'pt' });
  for (let i = 0; i < 3; i++) await hold(t, w.serviceId, slotAt(w, dayFromToday(w, 8 + i), '10:00'));
  await t.db.updateTable('appointments').set({ client_address_hash: hash }).where('centre_id', '=', w.centreId).execute();
  // An ordinary person: one booking.
  await book(t, w.serviceId, slotAt(w, dayFromToday(w, 2), '11:00'), { name: 'Normal', email: 'normal@example.org', language: 'pt' });
}, 60_000);
afterAll(() => t?.close());

const list = (query: string) => manager.request({ method: 'GET', url: `/api/v1/appointments/patterns?from=${today}&to=${today}&${query}` });

describe('suspicious patterns', () => {
  it('lists the contact and the address over the thresholds, never the raw address', async () => {
    const response = await list('minBookings=5&minHolds=3&minCancellations=3');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items;
    expect(items).toContainEqual(expect.objectContaining({ kind: 'email', label: 'reseller@example.org', bookings: 6 }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'address', key: hash, label: `${hash.slice(0, 4)}-${hash.slice(4, 8)}`.toUpperCase(), bookings: 6, holds: 3 }));
    expect(items.some((item: { label: string }) => item.label === 'normal@example.org')).toBe(false);
    expect(response.body).not.toContain('203.0.113.9');
    expect((await list('minBookings=7&minHolds=3&minCancellations=3')).json().items.map((item: { kind: string }) => item.kind)).toEqual(['address']);
    const read = await t.db.selectFrom('audit_events').select('personal_data').where('action', '=', 'appointment.patterns').executeTakeFirstOrThrow();
    expect(read.personal_data).toBe(true);
  });

  it('drills down to the bookings and cancels the chosen ones with a reason', async () => {
    const drill = await manager.request({ method: 'GET', url: `/api/v1/appointments/patterns/bookings?kind=email&key=reseller@example.org&from=${today}&to=${today}` });
    expect(drill.statusCode, drill.body).toBe(200);
    const items = drill.json().items;
    expect(items).toHaveLength(6);
    expect(items[0].addressFingerprint).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const chosen = items.slice(0, 4).map((item: { id: string }) => item.id);
    const cancelled = await manager.request({ method: 'POST', url: '/api/v1/appointments/cancellations', payload: { appointmentIds: chosen, reason: 'Resold bookings from one address' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().items.every((item: { state: string }) => item.state === 'cancelled')).toBe(true);
    const events = await t.db.selectFrom('audit_events').select(['reason']).where('action', '=', 'appointment.cancel').where('resource_id', 'in', chosen).execute();
    expect(events.map((event) => event.reason)).toEqual(Array(4).fill('Resold bookings from one address'));
    expect((await list('minBookings=50&minHolds=50&minCancellations=4')).json().items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'email', cancellations: 4 })]));
  });

  it('refuses a bad period with a field error', async () => {
    const response = await manager.request({ method: 'GET', url: `/api/v1/appointments/patterns?from=${today}&to=2000-01-01` });
    expect(response.statusCode).toBe(400);
  });
});
