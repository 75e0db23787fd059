import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { ROLES, type Role } from '../../../shared/access.js';
import { createQueueWorld, session, type QueueWorld } from '../queue/queue.test-fixtures.js';
import { registerPerson } from './people.data-protection.test-fixtures.js';

/** Who may call each data-protection endpoint, role by role, at the person's centre and at another. */

let t: TestApp;
let w: QueueWorld;
let other: QueueWorld;
let networkId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  other = await createQueueWorld(t, 1);
  networkId = (await t.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
  personId = await registerPerson(w.reception, w.centreId);
});
afterAll(() => t?.close());

const ENDPOINTS = {
  timeline: (id: string) => ({ method: 'GET' as const, url: `/api/v1/people/${id}/timeline` }),
  accessReport: (id: string) => ({ method: 'GET' as const, url: `/api/v1/people/${id}/access-report` }),
  export: (id: string) => ({ method: 'GET' as const, url: `/api/v1/people/${id}/export.zip` }),
  retentionRules: () => ({ method: 'GET' as const, url: '/api/v1/people/retention/rules' }),
  retentionReport: () => ({ method: 'GET' as const, url: '/api/v1/people/retention/report' }),
  retentionDocumentTypes: () => ({ method: 'GET' as const, url: '/api/v1/people/retention/document-types' }),
};
type Endpoint = keyof typeof ENDPOINTS;

const READERS: Role[] = ['centre_manager', 'unit_manager', 'reception_mediator', 'support_mediator', 'agency_officer', 'phone_operator'];

/** Expected status for a centre-scoped grant at the person's home centre. */
function expectedAtHome(role: Role, endpoint: Endpoint): number {
  const readsPeople = READERS.includes(role);
  switch (endpoint) {
    case 'timeline':
      return readsPeople ? 200 : 404;
    case 'accessReport':
      return role === 'centre_manager' || role === 'auditor' ? 200 : readsPeople ? 403 : 404;
    case 'export':
      return role === 'centre_manager' ? 200 : readsPeople ? 403 : 404;
    default:
      return 403;
  }
}

async function sessionFor(role: Role, centreId: string): Promise<Session> {
  return session(t, [{ role, scopeType: 'centre', scopeId: centreId }], role);
}

describe('data-protection endpoints by role', () => {
  it.each(ROLES.map((role) => [role]))('%s at the home centre and at another centre', async (role) => {
    const home = await sessionFor(role, w.centreId);
    const away = await sessionFor(role, other.centreId);
    for (const endpoint of Object.keys(ENDPOINTS) as Endpoint[]) {
      const response = await home.request(ENDPOINTS[endpoint](personId));
      expect(response.statusCode, `${role} ${endpoint}: ${response.body.slice(0, 200)}`).toBe(expectedAtHome(role, endpoint));
      const elsewhere = await away.request(ENDPOINTS[endpoint](personId));
      const expectedAway = endpoint.startsWith('retention') ? 403 : 404;
      expect(elsewhere.statusCode, `${role} elsewhere ${endpoint}`).toBe(expectedAway);
    }
  });

  it('network administrators manage retention but read no person', async () => {
    const admin = await session(t, [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }], 'admin');
    expect((await admin.request(ENDPOINTS.retentionRules())).statusCode).toBe(200);
    expect((await admin.request(ENDPOINTS.retentionReport())).statusCode).toBe(200);
    expect((await admin.request(ENDPOINTS.retentionDocumentTypes())).statusCode).toBe(200);
    for (const endpoint of ['timeline', 'accessReport', 'export'] as const) expect((await admin.request(ENDPOINTS[endpoint](personId))).statusCode).toBe(404);
  });

  it('answers 401 without a session', async () => {
    for (const endpoint of Object.values(ENDPOINTS)) expect((await t.app.inject(endpoint(personId))).statusCode).toBe(401);
  });
});
