import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { centreBody, fieldPaths, networkIdOf, serviceBody, sessionWith, type Session } from './network.test-fixtures.js';

describe('units, services and counters API', () => {
  let t: TestApp;
  let admin: Session;
  let lisbonId: string;
  let portoId: string;
  let immigrationId: string;
  let legalId: string;
  let portoUnitId: string;
  let renewalId: string;
  let portoServiceId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const networkId = await networkIdOf(t.db);
    admin = await sessionWith(t, [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }], 'admin');
    const post = async (url: string, payload: object) => (await admin.request({ method: 'POST', url, payload })).json().id as string;
    lisbonId = await post('/api/v1/centres', centreBody('LIS'));
    portoId = await post('/api/v1/centres', centreBody('OPO'));
    immigrationId = await post(`/api/v1/centres/${lisbonId}/units`, { code: 'IMM', name: 'Immigration and borders', kind: 'agency_branch', organisation: 'Immigration agency' });
    legalId = await post(`/api/v1/centres/${lisbonId}/units`, { code: 'LEGAL', name: 'Legal support office', kind: 'support_office' });
    portoUnitId = await post(`/api/v1/centres/${portoId}/units`, { code: 'IMM', name: 'Immigration and borders', kind: 'agency_branch' });
    renewalId = await post(`/api/v1/units/${immigrationId}/services`, serviceBody('RENEW', 'A'));
    portoServiceId = await post(`/api/v1/units/${portoUnitId}/services`, serviceBody('RENEW', 'A'));
  });
  afterAll(() => t?.close());

  describe('units', () => {
    it('creates units with the same code in different centres but not twice in one', async () => {
      const duplicate = await admin.request({ method: 'POST', url: `/api/v1/centres/${lisbonId}/units`, payload: { code: 'IMM', name: 'Again', kind: 'agency_branch' } });
      expect(duplicate.statusCode).toBe(409);
      expect(fieldPaths(duplicate)).toEqual(['body.code']);
      const units = await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbonId}/units` });
      expect(units.json().map((unit: { code: string }) => unit.code)).toEqual(['IMM', 'LEGAL']);
    });

    it('answers 400 for a bad kind or an empty name', async () => {
      const response = await admin.request({ method: 'POST', url: `/api/v1/centres/${lisbonId}/units`, payload: { code: 'X1', name: ' ', kind: 'shop' } });
      expect(response.statusCode).toBe(400);
      expect(fieldPaths(response).sort()).toEqual(['body.kind', 'body.name']);
    });

    it('lets a centre manager manage units of their centre only; a unit manager manages none', async () => {
      const manager = await sessionWith(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: lisbonId }]);
      const created = await manager.request({ method: 'POST', url: `/api/v1/centres/${lisbonId}/units`, payload: { code: 'HOUSING', name: 'Housing', kind: 'support_office' } });
      expect(created.statusCode).toBe(201);
      expect((await manager.request({ method: 'POST', url: `/api/v1/centres/${portoId}/units`, payload: { code: 'HOUSING', name: 'Housing', kind: 'support_office' } })).statusCode).toBe(404);
      const unitManager = await sessionWith(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: legalId }]);
      expect((await unitManager.request({ method: 'PATCH', url: `/api/v1/units/${legalId}`, payload: { name: 'Mine' } })).statusCode).toBe(403);
    });

    it('archives a unit out of the list and refuses new services in it', async () => {
      const unit = (await admin.request({ method: 'POST', url: `/api/v1/centres/${lisbonId}/units`, payload: { code: 'OLD', name: 'Old office', kind: 'complementary_service' } })).json();
      expect((await admin.request({ method: 'POST', url: `/api/v1/units/${unit.id}/archive` })).json().archivedAt).not.toBeNull();
      const codes = async (query: string) => (await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbonId}/units${query}` })).json().map((u: { code: string }) => u.code);
      expect(await codes('')).not.toContain('OLD');
      expect(await codes('?includeArchived=true')).toContain('OLD');
      expect((await admin.request({ method: 'POST', url: `/api/v1/units/${unit.id}/services`, payload: serviceBody('XX', 'X') })).statusCode).toBe(409);
    });
  });

  describe('services', () => {
    it('stores names per language, documents and languages', async () => {
      const service = (await admin.request({ method: 'GET', url: `/api/v1/services/${renewalId}` })).json();
      expect(service).toMatchObject({
        unitId: immigrationId,
        centreId: lisbonId,
        names: { pt: 'Serviço RENEW', en: 'Service RENEW' },
        ticketPrefix: 'A',
        typicalMinutes: 15,
        requiredDocuments: [{ names: { pt: 'Passaporte', en: 'Passport' } }],
        languages: ['pt', 'en'],
      });
    });

    it('requires the host language in names and document names', async () => {
      const response = await admin.request({
        method: 'POST',
        url: `/api/v1/units/${legalId}/services`,
        payload: serviceBody('ADVICE', 'J', { names: { en: 'Legal advice' }, requiredDocuments: [{ names: { pt: 'Passaporte' } }, { names: { en: 'Contract' } }] }),
      });
      expect(response.statusCode).toBe(400);
      expect(fieldPaths(response)).toEqual(['body.names.pt', 'body.requiredDocuments.1.names.pt']);
    });

    it('checks prefixes, durations and language codes', async () => {
      const response = await admin.request({
        method: 'POST',
        url: `/api/v1/units/${legalId}/services`,
        payload: serviceBody('ADVICE', 'abcd', { typicalMinutes: 0, languages: ['Portuguese'] }),
      });
      expect(response.statusCode).toBe(400);
      expect(fieldPaths(response).sort()).toEqual(['body.languages.0', 'body.ticketPrefix', 'body.typicalMinutes']);
    });

    it('keeps ticket prefixes unique among the services of a centre, across units', async () => {
      const clash = await admin.request({ method: 'POST', url: `/api/v1/units/${legalId}/services`, payload: serviceBody('ADVICE', 'A') });
      expect(clash.statusCode).toBe(409);
      expect(fieldPaths(clash)).toEqual(['body.ticketPrefix']);
      const advice = await admin.request({ method: 'POST', url: `/api/v1/units/${legalId}/services`, payload: serviceBody('ADVICE', 'J') });
      expect(advice.statusCode).toBe(201);
      const renamed = await admin.request({ method: 'PATCH', url: `/api/v1/services/${advice.json().id}`, payload: { ticketPrefix: 'A' } });
      expect(renamed.statusCode).toBe(409);
      const codeClash = await admin.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/services`, payload: serviceBody('RENEW', 'R') });
      expect(fieldPaths(codeClash)).toEqual(['body.code']);
    });

    it('gives a free prefix to exactly one of several simultaneous creations', async () => {
      const responses = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) =>
          admin.request({ method: 'POST', url: `/api/v1/units/${i % 2 ? legalId : immigrationId}/services`, payload: serviceBody(`RACE${i}`, 'RC') }),
        ),
      );
      expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });

    it('frees an archived service prefix and refuses to restore it once taken', async () => {
      const old = (await admin.request({ method: 'POST', url: `/api/v1/units/${legalId}/services`, payload: serviceBody('OLD', 'Q') })).json();
      await admin.request({ method: 'POST', url: `/api/v1/services/${old.id}/archive` });
      const prefixes = async (query: string) => (await admin.request({ method: 'GET', url: `/api/v1/units/${legalId}/services${query}` })).json().map((s: { code: string }) => s.code);
      expect(await prefixes('')).not.toContain('OLD');
      expect(await prefixes('?includeArchived=true')).toContain('OLD');
      expect((await admin.request({ method: 'POST', url: `/api/v1/units/${legalId}/services`, payload: serviceBody('NEW', 'Q') })).statusCode).toBe(201);
      const restore = await admin.request({ method: 'POST', url: `/api/v1/services/${old.id}/restore` });
      expect(restore.statusCode).toBe(409);
      expect(fieldPaths(restore)).toEqual(['body.ticketPrefix']);
    });

    it('lists every service of a centre for the counters and reception', async () => {
      const response = await admin.request({ method: 'GET', url: `/api/v1/centres/${lisbonId}/services` });
      expect(response.json().every((service: { centreId: string }) => service.centreId === lisbonId)).toBe(true);
      expect(response.json().map((service: { id: string }) => service.id)).toContain(renewalId);
    });

    it('lets a unit manager change the services of their unit, read their siblings, and not change them', async () => {
      const unitManager = await sessionWith(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: immigrationId }]);
      expect((await unitManager.request({ method: 'PATCH', url: `/api/v1/services/${renewalId}`, payload: { typicalMinutes: 20 } })).json().typicalMinutes).toBe(20);
      expect((await unitManager.request({ method: 'GET', url: `/api/v1/units/${legalId}/services` })).statusCode).toBe(200);
      expect((await unitManager.request({ method: 'POST', url: `/api/v1/units/${legalId}/services`, payload: serviceBody('MINE', 'M') })).statusCode).toBe(403);
      expect((await unitManager.request({ method: 'GET', url: `/api/v1/services/${portoServiceId}` })).statusCode).toBe(404);
    });
  });

  describe('counters', () => {
    it('creates a counter serving services of its centre and refuses those of another centre', async () => {
      const created = await admin.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/counters`, payload: { label: '1', location: 'Piso 0', serviceIds: [renewalId] } });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ label: '1', location: 'Piso 0', serviceIds: [renewalId], centreId: lisbonId });
      const foreign = await admin.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/counters`, payload: { label: '2', serviceIds: [renewalId, portoServiceId] } });
      expect(foreign.statusCode).toBe(400);
      expect(fieldPaths(foreign)).toEqual(['body.serviceIds.1']);
      const duplicate = await admin.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/counters`, payload: { label: '1' } });
      expect(duplicate.statusCode).toBe(409);
      expect(fieldPaths(duplicate)).toEqual(['body.label']);
    });

    it('replaces the services of a counter and archives it out of the list', async () => {
      const counter = (await admin.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/counters`, payload: { label: '7' } })).json();
      const updated = await admin.request({ method: 'PATCH', url: `/api/v1/counters/${counter.id}`, payload: { serviceIds: [renewalId] } });
      expect(updated.json().serviceIds).toEqual([renewalId]);
      await admin.request({ method: 'POST', url: `/api/v1/counters/${counter.id}/archive` });
      const labels = async (query: string) => (await admin.request({ method: 'GET', url: `/api/v1/units/${immigrationId}/counters${query}` })).json().map((c: { label: string }) => c.label);
      expect(await labels('')).not.toContain('7');
      expect(await labels('?includeArchived=true')).toContain('7');
      const events = await t.db.selectFrom('audit_events').select('action').where('resource_id', '=', counter.id).orderBy('at').orderBy('id').execute();
      expect(events.map((event) => event.action)).toEqual(['counter.create', 'counter.update', 'counter.archive']);
    });

    it("keeps a counter's planned breaks, checks them, and leaves them alone when a change does not name them", async () => {
      const created = await admin.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/counters`, payload: { label: '8', breaks: [{ starts: '13:00', ends: '14:00' }, { starts: '10:30', ends: '10:45' }] } });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      // In time order, as HH:MM.
      expect(created.json().breaks).toEqual([{ starts: '10:30', ends: '10:45' }, { starts: '13:00', ends: '14:00' }]);
      const renamed = await admin.request({ method: 'PATCH', url: `/api/v1/counters/${id}`, payload: { label: '8A' } });
      expect(renamed.json().breaks).toHaveLength(2);
      const reversed = await admin.request({ method: 'PATCH', url: `/api/v1/counters/${id}`, payload: { breaks: [{ starts: '12:00', ends: '11:00' }] } });
      expect(reversed.statusCode).toBe(400);
      expect(fieldPaths(reversed)).toEqual(['body.breaks.0.ends']);
      const overlapping = await admin.request({ method: 'PATCH', url: `/api/v1/counters/${id}`, payload: { breaks: [{ starts: '12:00', ends: '13:00' }, { starts: '12:30', ends: '13:30' }] } });
      expect(overlapping.statusCode).toBe(400);
      expect(fieldPaths(overlapping)).toEqual(['body.breaks.1']);
      const badTime = await admin.request({ method: 'PATCH', url: `/api/v1/counters/${id}`, payload: { breaks: [{ starts: '12h', ends: '13:00' }] } });
      expect(fieldPaths(badTime)).toEqual(['body.breaks.0.starts']);
      const cleared = await admin.request({ method: 'PATCH', url: `/api/v1/counters/${id}`, payload: { breaks: [] } });
      expect(cleared.json().breaks).toEqual([]);
      const listed = (await admin.request({ method: 'GET', url: `/api/v1/units/${immigrationId}/counters` })).json().find((c: { id: string }) => c.id === id);
      expect(listed.breaks).toEqual([]);
    });

    it('lets a unit manager manage the counters of their unit only', async () => {
      const unitManager = await sessionWith(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: legalId }]);
      expect((await unitManager.request({ method: 'POST', url: `/api/v1/units/${legalId}/counters`, payload: { label: 'L1' } })).statusCode).toBe(201);
      expect((await unitManager.request({ method: 'POST', url: `/api/v1/units/${immigrationId}/counters`, payload: { label: 'L2' } })).statusCode).toBe(403);
      expect((await unitManager.request({ method: 'GET', url: `/api/v1/units/${portoUnitId}/counters` })).statusCode).toBe(404);
    });
  });
});
