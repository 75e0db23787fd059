import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/access.js';
import { createTestApp, signIn, type TestApp } from '../../../test/app.js';
import { addDays, localDateTime } from '../modules/network/network.opening.js';
import { DEMO_STAFF } from './demo-staff.js';
import { loadDemoNetworkIfEmpty, type DemoLoadResult } from './load-demo.js';

describe('demo network', () => {
  let t: TestApp;
  let first: DemoLoadResult;

  beforeAll(async () => {
    t = await createTestApp();
    first = await loadDemoNetworkIfEmpty(t.db, { password: 'demo password 123' });
  });
  afterAll(() => t?.close());

  it('loads once and lists an account for every role', () => {
    expect(first.loaded).toBe(true);
    expect(first.generatedPassword).toBeUndefined();
    expect(first.accounts.map((account) => account.username)).toContain('admin');
    expect(new Set(DEMO_STAFF.map((person) => person.role))).toEqual(new Set(ROLES));
  });

  it('gives Lisbon a screen and a kiosk whose printed links open the public pages', async () => {
    expect(first.devices.map((device) => device.path.split('/')[1])).toEqual(['display', 'kiosk']);
    const [screen, kiosk] = first.devices.map((device) => new URL(device.path, 'http://localhost'));
    const centreId = screen!.pathname.split('/')[2];
    const display = await t.app.inject({ method: 'GET', url: `/api/v1/public/display/${centreId}?token=${encodeURIComponent(screen!.searchParams.get('token')!)}` });
    expect(display.statusCode).toBe(200);
    expect(display.json().centre.name).toMatch(/Lisboa/);
    const services = await t.app.inject({ method: 'GET', url: `/api/v1/public/kiosk/${centreId}`, headers: { 'x-device-token': kiosk!.searchParams.get('token')! } });
    expect(services.statusCode).toBe(200);
    const wrongKind = await t.app.inject({ method: 'GET', url: `/api/v1/public/kiosk/${centreId}`, headers: { 'x-device-token': screen!.searchParams.get('token')! } });
    expect(wrongKind.statusCode).toBe(403);
  });

  it('does nothing the second time', async () => {
    const counts = async () => Promise.all((['centres', 'units', 'services', 'counters', 'staff'] as const).map(async (table) => (await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    const before = await counts();
    expect(await loadDemoNetworkIfEmpty(t.db, { password: undefined })).toEqual({ loaded: false, accounts: [], devices: [], generatedPassword: undefined });
    expect(await counts()).toEqual(before);
  });

  it('gives Lisbon every agency branch and support office, open 08:30–18:30 on weekdays', async () => {
    const admin = await signIn(t.app, 'admin', 'demo password 123');
    const centres = (await admin.request({ method: 'GET', url: '/api/v1/centres' })).json();
    expect(centres.map((centre: { code: string }) => centre.code).sort()).toEqual(['AMD', 'FAO', 'LIS', 'ODM', 'OPO', 'PDL']);
    const lisbon = centres.find((centre: { code: string }) => centre.code === 'LIS');
    const units = (await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbon.id}/units` })).json();
    expect(units.filter((unit: { kind: string }) => unit.kind === 'agency_branch')).toHaveLength(7);
    expect(units.filter((unit: { kind: string }) => unit.kind === 'support_office')).toHaveLength(10);
    const detail = (await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbon.id}` })).json();
    expect(detail.openingHours).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '18:30' })));
    const year = new Date().getUTCFullYear() + 1;
    const christmas = (await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbon.id}/opening?from=${year}-12-25&to=${year}-12-25` })).json();
    expect(christmas.days[0]).toMatchObject({ open: false, source: 'holiday', label: 'Natal' });
  });

  it('lets a unit-scoped mediator sign in and read their centre', async () => {
    const mediator = await signIn(t.app, 'mediator.legal', 'demo password 123');
    const centres = (await mediator.request({ method: 'GET', url: '/api/v1/centres' })).json();
    expect(centres.map((centre: { code: string }) => centre.code)).toEqual(['LIS']);
    const staff = await t.db.selectFrom('staff').select('languages').where('username', '=', 'mediator.legal').executeTakeFirstOrThrow();
    expect(staff.languages).toEqual(['pt', 'en', 'fr', 'es']);
  });

  it('makes services of Lisbon and Porto bookable, with a week of Lisbon appointments that fit their seats', async () => {
    const policies = await t.db
      .selectFrom('booking_policies')
      .innerJoin('services', 'services.id', 'booking_policies.service_id')
      .innerJoin('units', 'units.id', 'services.unit_id')
      .innerJoin('centres', 'centres.id', 'units.centre_id')
      .select(['centres.code', 'services.code as service', 'booking_policies.late_grace_minutes'])
      .execute();
    expect(new Set(policies.map((row) => row.code))).toEqual(new Set(['LIS', 'OPO']));
    expect(policies.filter((row) => row.code === 'LIS').length).toBeGreaterThanOrEqual(8);
    const schedules = await t.db.selectFrom('appointment_schedules').select('service_id').execute();
    expect(new Set(schedules.map((row) => row.service_id))).toEqual(new Set((await t.db.selectFrom('booking_policies').select('service_id').execute()).map((row) => row.service_id)));

    const lisbon = await t.db.selectFrom('centres').select(['id', 'time_zone']).where('code', '=', 'LIS').executeTakeFirstOrThrow();
    const appointments = await t.db.selectFrom('appointments').selectAll().execute();
    expect(appointments.length).toBeGreaterThan(50);
    expect(new Set(appointments.map((row) => row.centre_id))).toEqual(new Set([lisbon.id]));
    const today = localDateTime(lisbon.time_zone).date;
    for (const row of appointments) {
      expect(row.state).toBe('booked');
      expect(localDateTime(lisbon.time_zone, row.starts_at).date >= today && localDateTime(lisbon.time_zone, row.starts_at).date <= addDays(today, 6)).toBe(true);
      expect(row.contact_name).toBeTruthy();
      expect(row.email_key ?? row.phone_key).toBeTruthy();
    }
    // No slot holds more appointments than its desks, and every appointment owns its seat.
    const overfull = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM appointment_seats s JOIN appointments a ON a.id = s.appointment_id
      WHERE s.seat_no > (SELECT max(desks) FROM appointment_schedules r WHERE r.service_id = s.service_id) OR a.seat_no <> s.seat_no OR a.starts_at <> s.starts_at`.execute(t.db);
    expect(overfull.rows[0]!.n).toBe(0);
    expect((await t.db.selectFrom('appointment_seats').select('appointment_id').execute()).length).toBe(appointments.length);

    // Reception sees a day's bookings; the public portal still finds free times.
    const reception = await signIn(t.app, 'reception.lisboa', 'demo password 123');
    const day = localDateTime(lisbon.time_zone, appointments[0]!.starts_at).date;
    const listed = await reception.request({ method: 'GET', url: `/api/v1/centres/${lisbon.id}/appointments?day=${day}` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().length).toBe(appointments.filter((row) => localDateTime(lisbon.time_zone, row.starts_at).date === day).length);
    const renewal = await t.db.selectFrom('services').innerJoin('units', 'units.id', 'services.unit_id').select('services.id').where('units.centre_id', '=', lisbon.id).where('services.code', '=', 'PERMIT-RENEW').executeTakeFirstOrThrow();
    const free = await t.app.inject({ method: 'GET', url: `/api/v1/public/centres/${lisbon.id}/services/${renewal.id}/availability?from=${addDays(today, 1)}&to=${addDays(today, 14)}` });
    expect(free.json().days.length).toBeGreaterThan(0);
  });

  it('keeps ticket prefixes unique within each centre', async () => {
    const duplicates = await t.db
      .selectFrom('services')
      .innerJoin('units', 'units.id', 'services.unit_id')
      .select(['units.centre_id', 'services.ticket_prefix'])
      .groupBy(['units.centre_id', 'services.ticket_prefix'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(duplicates).toEqual([]);
  });

  it('publishes articles with translations, one of them outdated, and a directory with partners', async () => {
    const arabic = await t.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/articles/renovar-autorizacao-de-residencia?lang=ar' });
    expect(arabic.json()).toMatchObject({ language: 'pt', note: 'outdated', services: [expect.objectContaining({ name: 'Renovação de autorização de residência' })] });
    const english = await t.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/articles/renovar-autorizacao-de-residencia?lang=en' });
    expect(english.json()).toMatchObject({ language: 'en', note: null });
    const topics = await t.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/topics' });
    expect(topics.json().length).toBeGreaterThanOrEqual(6);
    const directory = await t.app.inject({ method: 'GET', url: '/api/v1/public/directory/export' });
    const kinds = directory.json().organization.map((organization: { kind: string }) => organization.kind);
    expect(kinds.filter((kind: string) => kind === 'partner').length).toBeGreaterThanOrEqual(5);
    expect(kinds).toContain('under_roof');
  });
});
