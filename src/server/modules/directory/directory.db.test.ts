import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';
import { partnerDataset } from './directory.test-fixtures.js';

let test: TestApp;
let editor: Session;

beforeAll(async () => {
  test = await createTestApp();
  const { networkId, centreId } = await createNetworkFixture(test.db, 'D');
  await test.db.updateTable('centres').set({ street: 'Rua Álvaro Coutinho, 14', postal_code: '1150-025', city: 'Lisboa', phone: '+351 218 106 100' }).where('id', '=', centreId).execute();
  await test.db.updateTable('services').set({ languages: ['pt', 'en', 'uk'], required_documents: JSON.stringify([{ pt: 'Passaporte', en: 'Passport' }]) }).execute();
  for (const weekday of [1, 2, 3, 4, 5]) await test.db.insertInto('centre_opening_hours').values({ id: crypto.randomUUID(), centre_id: centreId, weekday, opens: '08:30', closes: '18:30' }).execute();
  await createStaff(test.db, 'dir-editor', [{ role: 'content_editor', scopeType: 'network', scopeId: networkId }]);
  editor = await signIn(test.app, 'dir-editor');
});
afterAll(() => test.close());

const exportJson = async (app: TestApp) => (await app.app.inject({ method: 'GET', url: '/api/v1/public/directory/export' })).json();

describe('the units under the roof', () => {
  it('are generated from the network model, and syncing again changes nothing', async () => {
    const first = await editor.request({ method: 'POST', url: '/api/v1/directory/sync-network' });
    expect(first.statusCode).toBe(200);
    expect(first.json().changed).toBeGreaterThan(5);
    const services = await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/services' });
    expect(services.json()).toMatchObject({ total_items: 1, page_number: 1, first_page: true, last_page: true });
    const [service] = services.json().contents;
    expect(service).toMatchObject({
      name: 'Renovação',
      alternate_name: 'Renewal',
      origin: 'network',
      organization: { kind: 'under_roof', name: 'Immigration D' },
      languages: [{ code: 'pt' }, { code: 'en' }, { code: 'uk' }].map((language) => expect.objectContaining(language)),
      required_documents: [expect.objectContaining({ document: 'Passaporte' })],
    });
    expect(service.service_at_locations[0].location).toMatchObject({
      addresses: [expect.objectContaining({ address_1: 'Rua Álvaro Coutinho, 14', city: 'Lisboa', country: 'PT' })],
      schedules: [expect.objectContaining({ byday: 'MO,TU,WE,TH,FR', opens_at: '08:30:00', closes_at: '18:30:00' })],
      phones: [expect.objectContaining({ number: '+351 218 106 100' })],
    });
    const again = await editor.request({ method: 'POST', url: '/api/v1/directory/sync-network' });
    expect(again.json()).toEqual({ changed: 0, removed: 0 });
  });
});

describe('import', () => {
  it('names every bad row and writes nothing', async () => {
    const { dataset } = partnerDataset();
    const broken = {
      ...dataset,
      organization: [...dataset.organization, { id: 'not-a-uuid', name: '', last_modified: 'yesterday' }],
      service: [{ ...dataset.service[0]!, organization_id: crypto.randomUUID() }],
    };
    const response = await editor.request({ method: 'POST', url: '/api/v1/directory/import', payload: broken });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(expect.arrayContaining(['organization.1.id', 'organization.1.name', 'organization.1.last_modified']));
    const references = await editor.request({ method: 'POST', url: '/api/v1/directory/import', payload: { ...dataset, service: broken.service } });
    expect(references.json().error.fields).toEqual([{ path: 'service.0.organization_id', message: expect.stringContaining('no organization') }]);
    expect(await test.db.selectFrom('directory_organization').select('id').where('kind', '=', 'partner').execute()).toEqual([]);
  });

  it('rolls back every row when the database refuses one', async () => {
    const { dataset, ids } = partnerDataset();
    // Two links of the same service and location pass row checks but break a unique constraint.
    const twice = { ...dataset, service_at_location: [...dataset.service_at_location, { ...dataset.service_at_location[0]!, id: crypto.randomUUID() }] };
    const response = await editor.request({ method: 'POST', url: '/api/v1/directory/import', payload: twice });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('directory_service_at_location_service_id_location_id_key');
    expect(await test.db.selectFrom('directory_organization').select('id').where('id', '=', ids.organization).execute()).toEqual([]);
  });

  it('imports partners, pages the public API and lists only what changed after a date', async () => {
    const { dataset } = partnerDataset();
    const response = await editor.request({ method: 'POST', url: '/api/v1/directory/import', payload: dataset });
    expect(response.statusCode).toBe(200);
    expect(response.json().imported).toMatchObject({ organization: 1, service: 1, taxonomy_term: 2 });
    const page = await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/services?per_page=1&page=2' });
    expect(page.json()).toMatchObject({ total_items: 2, total_pages: 2, page_number: 2, size: 1, last_page: true });
    const recent = await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/services?modified_after=2026-06-01T00:00:00Z' });
    // The partner rows carry their own date (March 2026); the generated ones were written now.
    expect(recent.json().contents.map((service: { origin: string }) => service.origin)).toEqual(['network']);
    const otherCentre = await test.app.inject({ method: 'GET', url: `/api/v1/public/directory/services?centre_id=${crypto.randomUUID()}` });
    expect(otherCentre.json().contents.map((service: { origin: string }) => service.origin)).toEqual(['import']);
    const bad = await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/services?modified_after=soon&per_page=1000' });
    expect(bad.statusCode).toBe(400);
    const partner = (await test.app.inject({ method: 'GET', url: `/api/v1/public/directory/services/${dataset.service[0]!.id}` })).json();
    expect(partner.attributes[0].taxonomy_term).toMatchObject({ name: 'Apoio jurídico' });
  });
});

describe('export and import round trip', () => {
  it('brings an HSDS JSON export back unchanged into an empty directory', async () => {
    const before = await exportJson(test);
    expect(before.organization.length).toBeGreaterThanOrEqual(2);
    const empty = await createTestApp();
    try {
      const { networkId } = await createNetworkFixture(empty.db, 'E');
      await createStaff(empty.db, 'importer', [{ role: 'content_editor', scopeType: 'network', scopeId: networkId }]);
      const importer = await signIn(empty.app, 'importer');
      expect((await exportJson(empty)).organization).toEqual([]);
      const imported = await importer.request({ method: 'POST', url: '/api/v1/directory/import', payload: before });
      expect(imported.statusCode).toBe(200);
      expect(await exportJson(empty)).toEqual(before);
    } finally {
      await empty.close();
    }
  });

  it('does the same through the CSV data package', async () => {
    const before = await exportJson(test);
    const archive = await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/export?format=datapackage' });
    expect(archive.headers['content-type']).toBe('application/zip');
    const empty = await createTestApp();
    try {
      const { networkId } = await createNetworkFixture(empty.db, 'F');
      await createStaff(empty.db, 'packer', [{ role: 'content_editor', scopeType: 'network', scopeId: networkId }]);
      const importer = await signIn(empty.app, 'packer');
      const imported = await importer.request({ method: 'POST', url: '/api/v1/directory/import', payload: archive.rawPayload, headers: { 'content-type': 'application/zip' } });
      expect(imported.statusCode).toBe(200);
      expect(await exportJson(empty)).toEqual(before);
      const garbage = await importer.request({ method: 'POST', url: '/api/v1/directory/import', payload: Buffer.from('not a zip'), headers: { 'content-type': 'application/zip' } });
      expect(garbage.statusCode).toBe(400);
    } finally {
      await empty.close();
    }
  });
});
