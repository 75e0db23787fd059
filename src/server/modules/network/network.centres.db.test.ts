import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { centreBody, fieldPaths, networkIdOf, sessionWith, type Session } from './network.test-fixtures.js';

describe('centres API', () => {
  let t: TestApp;
  let admin: Session;
  let lisbonId: string;
  let portoId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const networkId = await networkIdOf(t.db);
    admin = await sessionWith(t, [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }], 'admin');
    lisbonId = (await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('LIS', { kind: 'national' }) })).json().id;
    portoId = (await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('OPO') })).json().id;
  });
  afterAll(() => t?.close());

  it('creates a centre and writes an audit event and a realtime event with it', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('FAR', { kind: 'branch', timeZone: 'Atlantic/Azores' }) });
    expect(response.statusCode).toBe(201);
    const centre = response.json();
    expect(centre).toMatchObject({ code: 'FAR', kind: 'branch', timeZone: 'Atlantic/Azores', address: { city: 'Lisboa', country: 'PT' }, announcementLanguages: ['pt', 'en'], archivedAt: null });
    const audit = await t.db.selectFrom('audit_events').selectAll().where('resource_id', '=', centre.id).execute();
    expect(audit.map((event) => event.action)).toEqual(['centre.create']);
    const events = await t.db.selectFrom('realtime_events').selectAll().where('centre_id', '=', centre.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'network.changed', payload: { centreId: centre.id } });
  });

  it('answers 400 naming every bad field', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/centres',
      payload: centreBody('lower case', { kind: 'mall', timeZone: 'Mars/Olympus', address: { country: 'XX' }, email: 'nope', announcementLanguages: ['pt', 'pt'] }),
    });
    expect(response.statusCode).toBe(400);
    expect(fieldPaths(response)).toEqual(
      expect.arrayContaining(['body.code', 'body.kind', 'body.timeZone', 'body.address.country', 'body.email', 'body.announcementLanguages']),
    );
  });

  it('answers 409 on the code field when the code is taken', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('LIS') });
    expect(response.statusCode).toBe(409);
    expect(fieldPaths(response)).toEqual(['body.code']);
    const renamed = await admin.request({ method: 'PATCH', url: `/api/v1/centres/${portoId}`, payload: { code: 'LIS' } });
    expect(renamed.statusCode).toBe(409);
    expect(fieldPaths(renamed)).toEqual(['body.code']);
  });

  it('gives one centre with its weekly hours and coming exceptions', async () => {
    await admin.request({ method: 'PUT', url: `/api/v1/centres/${lisbonId}/opening-hours`, payload: { hours: [{ weekday: 1, opens: '08:30', closes: '18:30' }] } });
    const response = await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbonId}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code: 'LIS', openingHours: [{ weekday: 1, opens: '08:30', closes: '18:30' }], calendarExceptions: [] });
  });

  it('updates only the fields sent, and clears phone and e-mail with null', async () => {
    const response = await admin.request({ method: 'PATCH', url: `/api/v1/centres/${portoId}`, payload: { name: 'Porto', phone: null, email: null } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ name: 'Porto', code: 'OPO', phone: null, email: null, timeZone: 'Europe/Lisbon', announcementLanguages: ['pt', 'en'] });
  });

  it('shows a centre manager only their centre, and 404 for the others', async () => {
    const manager = await sessionWith(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: lisbonId }]);
    const list = await manager.request({ method: 'GET', url: '/api/v1/centres' });
    expect(list.json().map((centre: { id: string }) => centre.id)).toEqual([lisbonId]);
    expect((await manager.request({ method: 'GET', url: `/api/v1/centres/${lisbonId}` })).statusCode).toBe(200);
    expect((await manager.request({ method: 'GET', url: `/api/v1/centres/${portoId}` })).statusCode).toBe(404);
  });

  it('lets nobody but network-scope managers create or change centres', async () => {
    const manager = await sessionWith(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: lisbonId }]);
    expect((await manager.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('NEW') })).statusCode).toBe(403);
    expect((await manager.request({ method: 'PATCH', url: `/api/v1/centres/${lisbonId}`, payload: { name: 'Mine' } })).statusCode).toBe(403);
    // A centre they cannot see looks like one that does not exist.
    expect((await manager.request({ method: 'PATCH', url: `/api/v1/centres/${portoId}`, payload: { name: 'Theirs' } })).statusCode).toBe(404);
    expect((await manager.request({ method: 'POST', url: `/api/v1/centres/${portoId}/archive` })).statusCode).toBe(404);
  });

  it('archives a centre out of lists, shows it with includeArchived, and restores it', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/v1/centres', payload: centreBody('OLD') })).json();
    const archived = await admin.request({ method: 'POST', url: `/api/v1/centres/${created.id}/archive` });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const codes = async (url: string) => (await admin.request({ method: 'GET', url })).json().map((centre: { code: string }) => centre.code);
    expect(await codes('/api/v1/centres')).not.toContain('OLD');
    expect(await codes('/api/v1/centres?includeArchived=true')).toContain('OLD');
    expect((await admin.request({ method: 'POST', url: `/api/v1/centres/${created.id}/restore` })).json().archivedAt).toBeNull();
    expect(await codes('/api/v1/centres')).toContain('OLD');
  });

  it('answers 404 for an unknown centre and 401 without a session', async () => {
    expect((await admin.request({ method: 'GET', url: '/api/v1/centres/0190a8c4-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/centres' })).statusCode).toBe(401);
  });

  it('tells the network name and host language', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/network' });
    expect(response.json()).toMatchObject({ name: 'Test network', hostLanguage: 'pt' });
  });
});
