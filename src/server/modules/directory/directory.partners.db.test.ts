import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';

/** Partners kept by hand: the editor's document in, HSDS rows out, readable by the public API. */
let test: TestApp;
let editor: Session;
let centreId: string;

beforeAll(async () => {
  test = await createTestApp();
  const place = await createNetworkFixture(test.db, 'P');
  centreId = place.centreId;
  await createStaff(test.db, 'partner-editor', [{ role: 'content_editor', scopeType: 'network', scopeId: place.networkId }]);
  editor = await signIn(test.app, 'partner-editor');
  expect((await editor.request({ method: 'POST', url: '/api/v1/directory/sync-network' })).statusCode).toBe(200);
});
afterAll(() => test.close());

const casaDoBrasil = () => ({
  name: 'Casa do Brasil de Lisboa',
  alternateName: null,
  description: 'Associação de imigrantes brasileiros.',
  partnerType: 'association',
  email: 'geral@casadobrasil.example.pt',
  website: 'https://casadobrasil.example.pt',
  locations: [
    { name: 'Sede', address1: 'Rua São Pedro de Alcântara, 63', address2: null, postalCode: '1250-238', city: 'Lisboa', country: 'PT', phones: [{ number: '+351 213 400 000', type: 'voice' }], schedules: [] },
    { name: 'Polo da Amadora', address1: 'Rua Elias Garcia, 10', address2: null, postalCode: '2700-327', city: 'Amadora', country: 'PT', phones: [], schedules: [{ days: ['SA'], opensAt: '10:00', closesAt: '13:00' }] },
  ],
  services: [
    {
      name: 'Atendimento jurídico a imigrantes',
      description: 'Consultas gratuitas sobre autorizações de residência.',
      url: null,
      email: null,
      status: 'active',
      applicationProcess: 'Marcação por telefone.',
      feesDescription: 'Gratuito',
      languages: ['pt', 'es'],
      phones: [{ number: '+351 213 400 001', type: 'voice' }],
      schedules: [{ days: ['TU', 'TH'], opensAt: '14:00', closesAt: '18:30' }],
      requiredDocuments: ['Passaporte', 'Comprovativo de morada'],
      locations: [0, 1],
    },
  ],
});

async function publicService(name: string) {
  const page = await test.app.inject({ method: 'GET', url: `/api/v1/public/directory/services?per_page=100&centre_id=${centreId}` });
  return page.json().contents.find((service: { name: string }) => service.name === name);
}

describe('a partner kept by hand', () => {
  let id: string;
  let view: { services: { id: string }[]; locations: { id: string }[] };

  it('is created with its locations and services and read back as it was written', async () => {
    const response = await editor.request({ method: 'POST', url: '/api/v1/directory/partners', payload: casaDoBrasil() });
    expect(response.statusCode).toBe(201);
    view = response.json();
    id = response.json().id;
    const { services, locations, ...organization } = casaDoBrasil();
    expect(response.json()).toMatchObject({ ...organization, origin: 'manual' });
    expect(response.json().locations).toEqual(locations.map((location) => ({ ...location, id: expect.any(String) })));
    expect(response.json().services).toEqual(services.map((service) => ({ ...service, id: expect.any(String) })));
    const list = await editor.request({ method: 'GET', url: '/api/v1/directory/partners' });
    expect(list.json()).toEqual([expect.objectContaining({ id, name: 'Casa do Brasil de Lisboa', partnerType: 'association', services: 1 })]);
  });

  it('is in the public directory, with a kiosk’s centre too, as HSDS nests it', async () => {
    const service = await publicService('Atendimento jurídico a imigrantes');
    expect(service).toMatchObject({
      origin: 'manual',
      organization: { name: 'Casa do Brasil de Lisboa', kind: 'partner', attributes: [expect.objectContaining({ taxonomy_term: expect.objectContaining({ code: 'association', taxonomy: 'oneroof-partner-kind' }) })] },
      phones: [expect.objectContaining({ number: '+351 213 400 001' })],
      schedules: [expect.objectContaining({ freq: 'WEEKLY', byday: 'TU,TH', opens_at: '14:00:00', closes_at: '18:30:00' })],
      languages: [expect.objectContaining({ code: 'pt' }), expect.objectContaining({ code: 'es' })],
      required_documents: [expect.objectContaining({ document: 'Passaporte' }), expect.objectContaining({ document: 'Comprovativo de morada' })],
    });
    expect(service.service_at_locations.map((link: { location: { addresses: { city: string }[] } }) => link.location.addresses[0]!.city).sort()).toEqual(['Amadora', 'Lisboa']);
  });

  it('is saved as a whole: ids kept, what was left out removed, and every change audited', async () => {
    const next = casaDoBrasil();
    const changed = {
      ...next,
      partnerType: 'ngo',
      // The Amadora office closes; the legal service gets a new name, and a second service opens.
      locations: [{ ...next.locations[0]!, id: view.locations[0]!.id }],
      services: [
        { ...next.services[0]!, id: view.services[0]!.id, name: 'Apoio jurídico', languages: ['pt'], locations: [0] },
        { ...next.services[0]!, name: 'Cursos de português', languages: ['pt', 'en'], requiredDocuments: [], schedules: [], phones: [], locations: [0] },
      ],
    };
    const response = await editor.request({ method: 'PUT', url: `/api/v1/directory/partners/${id}`, payload: changed });
    expect(response.statusCode).toBe(200);
    expect(response.json().partnerType).toBe('ngo');
    expect(response.json().locations.map((location: { id: string }) => location.id)).toEqual([view.locations[0]!.id]);
    expect(response.json().services.map((service: { name: string }) => service.name)).toEqual(['Apoio jurídico', 'Cursos de português']);
    expect(response.json().services[0].id).toBe(view.services[0]!.id);
    expect(await test.db.selectFrom('directory_location').select('id').where('id', '=', view.locations[1]!.id).execute()).toEqual([]);
    expect((await publicService('Apoio jurídico')).service_at_locations).toHaveLength(1);
    expect(await publicService('Atendimento jurídico a imigrantes')).toBeUndefined();
    const kindAttributes = await test.db.selectFrom('directory_attribute').select('id').where('link_id', '=', id).execute();
    expect(kindAttributes).toHaveLength(1);
    const audit = await test.db.selectFrom('audit_events').select(['action', 'resource_id']).where('action', 'like', 'directory.partner.%').where('resource_id', '=', id).orderBy('at').orderBy('id').execute();
    expect(audit).toEqual([{ action: 'directory.partner.create', resource_id: id }, { action: 'directory.partner.update', resource_id: id }]);
  });

  it('still exports as valid HSDS: the export imports back', async () => {
    const exported = (await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/export' })).json();
    const again = await editor.request({ method: 'POST', url: '/api/v1/directory/import', payload: exported });
    expect(again.statusCode).toBe(200);
  });

  it('names every bad field and writes nothing', async () => {
    const bad = casaDoBrasil();
    const payload = {
      ...bad,
      name: ' ',
      email: 'not an address',
      locations: [{ ...bad.locations[0]!, phones: [{ number: 'call us', type: 'voice' }] }],
      services: [{ ...bad.services[0]!, schedules: [{ days: ['TU', 'TU'], opensAt: '18:00', closesAt: '09:00' }], locations: [0, 3], languages: ['Portuguese'] }],
    };
    const before = await test.db.selectFrom('directory_organization').select('id').execute();
    const response = await editor.request({ method: 'POST', url: '/api/v1/directory/partners', payload });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((field: { path: string }) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.email',
        'body.locations.0.phones.0.number',
        'body.services.0.schedules.0.days',
        'body.services.0.schedules.0.closesAt',
        'body.services.0.languages.0',
      ]),
    );
    const noServices = await editor.request({ method: 'POST', url: '/api/v1/directory/partners', payload: { ...bad, services: [] } });
    expect(noServices.json().error.fields.map((field: { path: string }) => field.path)).toEqual(['body.services']);
    const badLocation = await editor.request({ method: 'POST', url: '/api/v1/directory/partners', payload: { ...bad, services: [{ ...bad.services[0]!, locations: [0, 3] }] } });
    expect(badLocation.json().error.fields.map((field: { path: string }) => field.path)).toEqual(['body.services.0.locations.1']);
    expect(await test.db.selectFrom('directory_organization').select('id').execute()).toHaveLength(before.length);
  });

  it('cannot take rows of another organisation, nor edit a unit under the roof', async () => {
    const other = (await editor.request({ method: 'POST', url: '/api/v1/directory/partners', payload: { ...casaDoBrasil(), name: 'Outra associação' } })).json();
    const stolen = { ...casaDoBrasil(), services: [{ ...casaDoBrasil().services[0]!, id: other.services[0].id }] };
    const response = await editor.request({ method: 'PUT', url: `/api/v1/directory/partners/${id}`, payload: stolen });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ path: 'body.services.0.id', message: 'not a service of this partner' }]);
    const underRoof = await test.db.selectFrom('directory_organization').select('id').where('kind', '=', 'under_roof').executeTakeFirstOrThrow();
    expect((await editor.request({ method: 'PUT', url: `/api/v1/directory/partners/${underRoof.id}`, payload: casaDoBrasil() })).statusCode).toBe(409);
    expect((await editor.request({ method: 'GET', url: `/api/v1/directory/partners/${underRoof.id}` })).statusCode).toBe(404);
    expect((await editor.request({ method: 'PUT', url: `/api/v1/directory/partners/${crypto.randomUUID()}`, payload: casaDoBrasil() })).statusCode).toBe(404);
  });
});
