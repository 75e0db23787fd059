import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/access.js';
import { createTestApp, signIn, type TestApp } from '../../../test/app.js';
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

  it('does nothing the second time', async () => {
    const counts = async () => Promise.all((['centres', 'units', 'services', 'counters', 'staff'] as const).map(async (table) => (await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    const before = await counts();
    expect(await loadDemoNetworkIfEmpty(t.db, { password: undefined })).toEqual({ loaded: false, accounts: [], generatedPassword: undefined });
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
});
