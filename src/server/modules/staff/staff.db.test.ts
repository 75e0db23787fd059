import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, TEST_PASSWORD, type Session, type TestApp } from '../../../../test/app.js';

describe('staff administration', () => {
  let t: TestApp;
  let networkId: string;
  let lisbon: { centreId: string; unitId: string };
  let porto: { centreId: string; unitId: string };
  let admin: Session;
  let lisbonManager: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createNetworkFixture(t.db, 'L');
    const b = await createNetworkFixture(t.db, 'P');
    networkId = a.networkId;
    lisbon = a;
    porto = b;
    await createStaff(t.db, 'admin', [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }]);
    await createStaff(t.db, 'lisbonmgr', [{ role: 'centre_manager', scopeType: 'centre', scopeId: lisbon.centreId }]);
    await createStaff(t.db, 'lisbonmed', [{ role: 'reception_mediator', scopeType: 'unit', scopeId: lisbon.unitId }]);
    await createStaff(t.db, 'portomed', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: porto.centreId }]);
    await createStaff(t.db, 'nowhere', []);
    admin = await signIn(t.app, 'admin');
    lisbonManager = await signIn(t.app, 'lisbonmgr');
  });
  afterAll(() => t?.close());

  const usernames = (response: { json(): { items: { username: string }[] } }) => response.json().items.map((s) => s.username).sort();

  it('lists everyone for a network administrator and only the centre for its manager', async () => {
    expect(usernames(await admin.request({ method: 'GET', url: '/api/v1/staff?limit=200' }))).toEqual(['admin', 'lisbonmed', 'lisbonmgr', 'nowhere', 'portomed']);
    expect(usernames(await lisbonManager.request({ method: 'GET', url: '/api/v1/staff' }))).toEqual(['lisbonmed', 'lisbonmgr']);
    const found = await admin.request({ method: 'GET', url: '/api/v1/staff?q=porto' });
    expect(found.json()).toMatchObject({ total: 1, items: [{ username: 'portomed', grants: [{ role: 'reception_mediator', scopeType: 'centre', scopeName: 'Centre P' }] }] });
    const unitGrant = (await admin.request({ method: 'GET', url: '/api/v1/staff?q=lisbonmed' })).json().items[0].grants[0];
    expect(unitGrant).toMatchObject({ scopeType: 'unit', centreId: lisbon.centreId, scopeName: 'Centre L · Immigration L' });
  });

  it('hides an account outside the reader’s centres as if it did not exist', async () => {
    const portoId = (await admin.request({ method: 'GET', url: '/api/v1/staff?q=portomed' })).json().items[0].id;
    expect((await lisbonManager.request({ method: 'GET', url: `/api/v1/staff/${portoId}` })).statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: `/api/v1/staff/${portoId}` })).statusCode).toBe(200);
  });

  it('creates an account that can sign in, and one for single sign-on only', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      payload: { username: 'nadia', displayName: 'Nadia Haddad', email: 'nadia@example.org', languages: ['ar', 'fr', 'pt'], password: 'a first passphrase', grants: [{ role: 'support_mediator', scopeType: 'unit', scopeId: lisbon.unitId }] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'nadia', languages: ['ar', 'fr', 'pt'], hasPassword: true, totpEnabled: false, grants: [{ role: 'support_mediator' }] });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nadia', password: 'a first passphrase' } })).statusCode).toBe(200);

    const ssoOnly = await admin.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'sso.only', displayName: 'SSO Only', email: 'sso@example.org' } });
    expect(ssoOnly.json()).toMatchObject({ hasPassword: false, grants: [] });

    const taken = await admin.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'NADIA', displayName: 'Other' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual([expect.objectContaining({ path: 'body.username' })]);
    const badScope = await admin.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'x.y', displayName: 'X', grants: [{ role: 'auditor', scopeType: 'centre', scopeId: lisbon.unitId }] } });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json().error.fields).toEqual([expect.objectContaining({ path: 'body.grants.0.scopeId' })]);
  });

  it('lets a centre manager create staff for the centre only, with a role', async () => {
    const inLisbon = await lisbonManager.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'newmed', displayName: 'New', grants: [{ role: 'reception_mediator', scopeType: 'centre', scopeId: lisbon.centreId }] } });
    expect(inLisbon.statusCode).toBe(201);
    const noRole = await lisbonManager.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'norole', displayName: 'No role' } });
    expect(noRole.statusCode).toBe(403);
    const inPorto = await lisbonManager.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'inporto', displayName: 'P', grants: [{ role: 'reception_mediator', scopeType: 'centre', scopeId: porto.centreId }] } });
    expect(inPorto.statusCode).toBe(403);
    const tooStrong = await lisbonManager.request({ method: 'POST', url: '/api/v1/staff', payload: { username: 'strong', displayName: 'S', grants: [{ role: 'auditor', scopeType: 'centre', scopeId: lisbon.centreId }] } });
    expect(tooStrong.statusCode).toBe(403);
  });

  it('updates the profile and records what changed', async () => {
    const id = (await admin.request({ method: 'GET', url: '/api/v1/staff?q=lisbonmed' })).json().items[0].id;
    const updated = await lisbonManager.request({ method: 'PATCH', url: `/api/v1/staff/${id}`, payload: { displayName: 'Lisbon Mediator', languages: ['pt', 'uk'] } });
    expect(updated.json()).toMatchObject({ displayName: 'Lisbon Mediator', languages: ['pt', 'uk'] });
    const event = await t.db.selectFrom('audit_events').select(['details', 'actor_name']).where('action', '=', 'staff.update').where('resource_id', '=', id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_name: 'lisbonmgr', details: { changes: { displayName: { from: 'lisbonmed', to: 'Lisbon Mediator' }, languages: { from: [], to: ['pt', 'uk'] } } } });
  });

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const id = await createStaff(t.db, 'leaving', [{ role: 'phone_operator', scopeType: 'centre', scopeId: lisbon.centreId }]);
    const theirs = await signIn(t.app, 'leaving');
    const disabled = await lisbonManager.request({ method: 'POST', url: `/api/v1/staff/${id}/disable` });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await theirs.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leaving', password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect(usernames(await lisbonManager.request({ method: 'GET', url: '/api/v1/staff?status=disabled' }))).toEqual(['leaving']);
    await lisbonManager.request({ method: 'POST', url: `/api/v1/staff/${id}/enable` });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leaving', password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('grants and revokes roles within reach, never one’s own', async () => {
    const id = await createStaff(t.db, 'grows', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: lisbon.centreId }]);
    const granted = await lisbonManager.request({ method: 'POST', url: `/api/v1/staff/${id}/roles`, payload: { role: 'unit_manager', scopeType: 'unit', scopeId: lisbon.unitId } });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ role: 'unit_manager', scopeType: 'unit', centreId: lisbon.centreId });
    const theirs = await signIn(t.app, 'grows');
    expect((await theirs.request({ method: 'GET', url: '/api/v1/auth/me' })).json().grants).toHaveLength(2);

    const elsewhere = await lisbonManager.request({ method: 'POST', url: `/api/v1/staff/${id}/roles`, payload: { role: 'reception_mediator', scopeType: 'unit', scopeId: porto.unitId } });
    expect(elsewhere.statusCode).toBe(403);
    const ownId = (await lisbonManager.request({ method: 'GET', url: '/api/v1/auth/me' })).json().id;
    const own = await lisbonManager.request({ method: 'POST', url: `/api/v1/staff/${ownId}/roles`, payload: { role: 'phone_operator', scopeType: 'centre', scopeId: lisbon.centreId } });
    expect(own.statusCode).toBe(403);

    expect((await lisbonManager.request({ method: 'DELETE', url: `/api/v1/staff/${id}/roles/${granted.json().id}` })).statusCode).toBe(204);
    // Revoked roles stop counting at the next request of the person.
    expect((await theirs.request({ method: 'GET', url: '/api/v1/auth/me' })).json().grants).toHaveLength(1);
    const actions = await t.db.selectFrom('audit_events').select('action').where('resource_id', '=', id).where('action', 'like', 'staff.%').orderBy('at').execute();
    expect(actions.map((a) => a.action)).toEqual(['staff.role_grant', 'staff.role_revoke']);
  });

  it('resets a password: the old one stops, sessions end, a lockout lifts', async () => {
    const id = await createStaff(t.db, 'forgot', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: lisbon.centreId }]);
    const theirs = await signIn(t.app, 'forgot');
    await t.db.updateTable('staff').set({ locked_until: new Date(Date.now() + 600_000) }).where('id', '=', id).execute();
    const reset = await lisbonManager.request({ method: 'POST', url: `/api/v1/staff/${id}/password`, payload: { newPassword: 'a temporary passphrase' } });
    expect(reset.json()).toEqual({ endedSessions: 1 });
    expect((await theirs.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'forgot', password: 'a temporary passphrase' } })).statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'auth.password_reset').where('resource_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain('temporary');
  });

  it('offers the role pickers only the places and roles within reach', async () => {
    const forAdmin = (await admin.request({ method: 'GET', url: '/api/v1/staff/grantable-scopes' })).json();
    expect(forAdmin.network).toMatchObject({ id: networkId });
    expect(forAdmin.centres.map((c: { id: string }) => c.id).sort()).toEqual([lisbon.centreId, porto.centreId].sort());
    const forManager = (await lisbonManager.request({ method: 'GET', url: '/api/v1/staff/grantable-scopes' })).json();
    expect(forManager.network).toBeNull();
    expect(forManager.centres).toEqual([{ id: lisbon.centreId, name: 'Centre L', units: [{ id: lisbon.unitId, name: 'Immigration L' }] }]);
    expect(forManager.roles).toContain('reception_mediator');
    expect(forManager.roles).not.toContain('auditor');
    expect(forManager.roles).not.toContain('network_admin');
  });
});
