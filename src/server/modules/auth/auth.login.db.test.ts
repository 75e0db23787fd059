import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, testConfig, type TestApp } from '../../../../test/app.js';

describe('signing in with a password', () => {
  let t: TestApp;
  let networkId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: testConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '10' }) });
    ({ networkId } = await createNetworkFixture(t.db));
    await createStaff(t.db, 'ana', [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }]);
    await createStaff(t.db, 'bruno', [{ role: 'auditor', scopeType: 'network', scopeId: networkId }]);
  });
  afterAll(() => t?.close());

  it('opens a session whose cookie is httpOnly and SameSite', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ana', password: 'correct horse battery staple' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'signed_in', me: { username: 'ana', grants: [{ role: 'network_admin' }] } });
    const cookie = response.cookies.find((c) => c.name === 'oneroof_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('refuses a wrong password with 401 and the common error shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ana', password: 'nope' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('answers 400 with field errors for a malformed body', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bruno', password: 'wrong' } });
    }
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bruno', password: 'correct horse battery staple' } });
    expect(response.statusCode).toBe(423);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(500);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const session = await signIn(t.app, 'ana');
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_failed');
    const withToken = await session.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(withToken.statusCode).toBe(204);
    const afterLogout = await session.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(afterLogout.statusCode).toBe(401);
  });

  it('serves the public API as the person even when a staff session cookie comes along (no CSRF token, no staff actor)', async () => {
    const session = await signIn(t.app, 'ana');
    // A staff member following a person's booking link in the same browser: the portal's call carries the cookie only.
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/public/my/by-reference', headers: { cookie: session.cookie }, payload: { reference: 'ZZZZ2222', secret: 'x'.repeat(32) }, remoteAddress: '10.9.9.9' });
    expect(response.statusCode, response.body).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select('actor_id').where('action', 'like', 'my_procedures%').execute();
    expect(audit.every((row) => row.actor_id === null)).toBe(true);
  });
});
