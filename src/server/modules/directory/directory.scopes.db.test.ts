import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/access.js';
import { createNetworkFixture, createStaff, createTestApp, signIn, type TestApp } from '../../../../test/app.js';

/** Import and regeneration: content editors and network administrators at network scope, nobody else. */
let test: TestApp;
let place: { networkId: string; centreId: string; unitId: string };

let partnerId: string;
const partner = (name: string) => ({ name, partnerType: 'ngo', services: [{ name: 'Apoio social' }] });

beforeAll(async () => {
  test = await createTestApp();
  place = await createNetworkFixture(test.db, 'Q');
  await createStaff(test.db, 'partner-owner', [{ role: 'content_editor', scopeType: 'network', scopeId: place.networkId }]);
  partnerId = (await (await signIn(test.app, 'partner-owner')).request({ method: 'POST', url: '/api/v1/directory/partners', payload: partner('Associação Q') })).json().id;
});
afterAll(() => test.close());

describe('directory endpoints by role and scope', () => {
  it('allow imports and regeneration only to network-wide editors and administrators', async () => {
    let n = 0;
    for (const role of ROLES) {
      for (const scope of ['network', 'centre', 'unit'] as const) {
        const username = `d${++n}`;
        await createStaff(test.db, username, [{ role, scopeType: scope, scopeId: scope === 'network' ? place.networkId : scope === 'centre' ? place.centreId : place.unitId }]);
        const session = await signIn(test.app, username);
        const allowed = scope === 'network' && (role === 'content_editor' || role === 'network_admin');
        expect((await session.request({ method: 'POST', url: '/api/v1/directory/sync-network' })).statusCode, `${role}@${scope}`).toBe(allowed ? 200 : 403);
        expect((await session.request({ method: 'POST', url: '/api/v1/directory/import', payload: { organization: [] } })).statusCode, `${role}@${scope}`).toBe(allowed ? 200 : 403);
        // Partners by hand: the same permission as import.
        expect((await session.request({ method: 'GET', url: '/api/v1/directory/partners' })).statusCode, `${role}@${scope}`).toBe(allowed ? 200 : 403);
        const created = await session.request({ method: 'POST', url: '/api/v1/directory/partners', payload: partner(`${role}@${scope}`) });
        expect(created.statusCode, `${role}@${scope}`).toBe(allowed ? 201 : 403);
        if (!allowed) {
          expect((await session.request({ method: 'GET', url: `/api/v1/directory/partners/${partnerId}` })).statusCode, `${role}@${scope}`).toBe(403);
          expect((await session.request({ method: 'PUT', url: `/api/v1/directory/partners/${partnerId}`, payload: partner('changed') })).statusCode, `${role}@${scope}`).toBe(403);
        }
      }
    }
  });

  it('needs a session to write and none to read', async () => {
    expect((await test.app.inject({ method: 'POST', url: '/api/v1/directory/import', payload: {} })).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/directory/partners' })).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'POST', url: '/api/v1/directory/partners', payload: partner('Sem sessão') })).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/services' })).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/public/directory/export?format=datapackage' })).statusCode).toBe(200);
  });
});
