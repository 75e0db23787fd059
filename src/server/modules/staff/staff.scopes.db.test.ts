import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';

/**
 * Who may call each staff endpoint. The target is a reception mediator of the Lisbon centre, made
 * fresh for every call. 404 means "not visible to you", 403 "visible, but not yours to change".
 */
type Caller = 'anonymous' | 'networkAdmin' | 'lisbonManager' | 'portoManager' | 'auditor' | 'lisbonMediator';

interface Fixture {
  lisbonCentreId: string;
  lisbonUnitId: string;
  targetId: string;
  targetGrantId: string;
}

interface EndpointCase {
  name: string;
  request(f: Fixture): InjectOptions;
  expected: Record<Caller, number>;
}

const visibleAndManagedInLisbon = { anonymous: 401, networkAdmin: 200, lisbonManager: 200, portoManager: 404, auditor: 403, lisbonMediator: 404 };

const endpoints: EndpointCase[] = [
  { name: 'list staff', request: () => ({ method: 'GET', url: '/api/v1/staff' }), expected: { anonymous: 401, networkAdmin: 200, lisbonManager: 200, portoManager: 200, auditor: 200, lisbonMediator: 403 } },
  { name: 'grantable scopes', request: () => ({ method: 'GET', url: '/api/v1/staff/grantable-scopes' }), expected: { anonymous: 401, networkAdmin: 200, lisbonManager: 200, portoManager: 200, auditor: 403, lisbonMediator: 403 } },
  { name: 'read one', request: (f) => ({ method: 'GET', url: `/api/v1/staff/${f.targetId}` }), expected: { anonymous: 401, networkAdmin: 200, lisbonManager: 200, portoManager: 404, auditor: 200, lisbonMediator: 404 } },
  {
    name: 'create in Lisbon',
    request: (f) => ({ method: 'POST', url: '/api/v1/staff', payload: { username: `new.${uuidv7().slice(-12)}`, displayName: 'New', grants: [{ role: 'reception_mediator', scopeType: 'centre', scopeId: f.lisbonCentreId }] } }),
    expected: { anonymous: 401, networkAdmin: 201, lisbonManager: 201, portoManager: 403, auditor: 403, lisbonMediator: 403 },
  },
  { name: 'update', request: (f) => ({ method: 'PATCH', url: `/api/v1/staff/${f.targetId}`, payload: { displayName: 'Renamed' } }), expected: visibleAndManagedInLisbon },
  { name: 'disable', request: (f) => ({ method: 'POST', url: `/api/v1/staff/${f.targetId}/disable` }), expected: visibleAndManagedInLisbon },
  { name: 'enable', request: (f) => ({ method: 'POST', url: `/api/v1/staff/${f.targetId}/enable` }), expected: visibleAndManagedInLisbon },
  { name: 'reset password', request: (f) => ({ method: 'POST', url: `/api/v1/staff/${f.targetId}/password`, payload: { newPassword: 'another passphrase' } }), expected: visibleAndManagedInLisbon },
  {
    name: 'grant a role',
    request: (f) => ({ method: 'POST', url: `/api/v1/staff/${f.targetId}/roles`, payload: { role: 'phone_operator', scopeType: 'unit', scopeId: f.lisbonUnitId } }),
    expected: { ...visibleAndManagedInLisbon, networkAdmin: 201, lisbonManager: 201 },
  },
  { name: 'revoke a role', request: (f) => ({ method: 'DELETE', url: `/api/v1/staff/${f.targetId}/roles/${f.targetGrantId}` }), expected: { ...visibleAndManagedInLisbon, networkAdmin: 204, lisbonManager: 204 } },
  { name: 'end all sessions', request: (f) => ({ method: 'POST', url: `/api/v1/staff/${f.targetId}/sessions/end` }), expected: { ...visibleAndManagedInLisbon, lisbonManager: 403 } },
  { name: 'reset second factor', request: (f) => ({ method: 'POST', url: `/api/v1/staff/${f.targetId}/second-factor/reset` }), expected: { ...visibleAndManagedInLisbon, networkAdmin: 204, lisbonManager: 403 } },
];

describe('who may call each staff endpoint', () => {
  let t: TestApp;
  let lisbon: { centreId: string; unitId: string };
  const sessions = new Map<Caller, Session>();

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createNetworkFixture(t.db, 'L');
    const b = await createNetworkFixture(t.db, 'P');
    lisbon = a;
    const accounts: [Caller, Parameters<typeof createStaff>[2]][] = [
      ['networkAdmin', [{ role: 'network_admin', scopeType: 'network', scopeId: a.networkId }]],
      ['lisbonManager', [{ role: 'centre_manager', scopeType: 'centre', scopeId: a.centreId }]],
      ['portoManager', [{ role: 'centre_manager', scopeType: 'centre', scopeId: b.centreId }]],
      ['auditor', [{ role: 'auditor', scopeType: 'network', scopeId: a.networkId }]],
      ['lisbonMediator', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: a.centreId }]],
    ];
    for (const [caller, grants] of accounts) {
      await createStaff(t.db, caller.toLowerCase(), grants);
      sessions.set(caller, await signIn(t.app, caller.toLowerCase()));
    }
  });
  afterAll(() => t?.close());

  async function freshTarget(): Promise<Fixture> {
    const targetId = await createStaff(t.db, `target.${uuidv7().slice(-12)}`, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: lisbon.centreId }], { totpSecret: 'JBSWY3DPEHPK3PXP' });
    const grant = await t.db.selectFrom('staff_roles').select('id').where('staff_id', '=', targetId).executeTakeFirstOrThrow();
    // A second grant, so revoking one leaves the person in Lisbon.
    await t.db.insertInto('staff_roles').values({ id: uuidv7(), staff_id: targetId, role: 'support_mediator', scope_type: 'unit', scope_id: lisbon.unitId }).execute();
    return { lisbonCentreId: lisbon.centreId, lisbonUnitId: lisbon.unitId, targetId, targetGrantId: grant.id };
  }

  for (const endpoint of endpoints) {
    for (const [caller, status] of Object.entries(endpoint.expected) as [Caller, number][]) {
      it(`${endpoint.name}: ${caller} gets ${status}`, async () => {
        const request = endpoint.request(await freshTarget());
        const session = sessions.get(caller);
        const response = session ? await session.request(request) : await t.app.inject(request);
        expect(response.statusCode, response.body).toBe(status);
      });
    }
  }

  it('keeps everyone from changing their own roles, even a network administrator', async () => {
    const admin = sessions.get('networkAdmin')!;
    const me = (await admin.request({ method: 'GET', url: '/api/v1/auth/me' })).json();
    const grant = await t.db.selectFrom('staff_roles').select('id').where('staff_id', '=', me.id).executeTakeFirstOrThrow();
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/staff/${me.id}/roles/${grant.id}` })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: `/api/v1/staff/${me.id}/roles`, payload: { role: 'auditor', scopeType: 'centre', scopeId: lisbon.centreId } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: `/api/v1/staff/${me.id}/disable` })).statusCode).toBe(403);
  });
});
