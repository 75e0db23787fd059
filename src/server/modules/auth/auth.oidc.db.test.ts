import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, testConfig, type TestApp } from '../../../../test/app.js';
import { startTestIssuer, type TestIssuer } from '../../../../test/oidc-issuer.js';
import { totpCodeAt } from './auth.totp.js';

const PUBLIC_URL = 'http://oneroof.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('single sign-on through an OpenID Connect provider', () => {
  let issuer: TestIssuer;
  let t: TestApp;
  let mariaId: string;

  beforeAll(async () => {
    issuer = await startTestIssuer({
      redirectUri: CALLBACK,
      accounts: [
        { subject: 'maria-at-idp', email: 'Maria.Silva@example.org', emailVerified: true, name: 'Maria Silva' },
        { subject: 'stranger-at-idp', email: 'stranger@example.org', emailVerified: true },
        { subject: 'unverified-at-idp', email: 'joao@example.org', emailVerified: false },
        { subject: 'tomas-at-idp', email: 'tomas@example.org', emailVerified: true },
        { subject: 'rita-at-idp', email: 'rita@example.org', emailVerified: true },
      ],
    });
    t = await createTestApp({
      config: testConfig({
        PUBLIC_URL,
        OIDC_ISSUER_URL: issuer.url,
        OIDC_CLIENT_ID: issuer.clientId,
        OIDC_CLIENT_SECRET: issuer.clientSecret,
        OIDC_BUTTON_LABEL: 'Sign in with the Agency account',
      }),
    });
    const { networkId } = await createNetworkFixture(t.db);
    const grants = [{ role: 'auditor' as const, scopeType: 'network' as const, scopeId: networkId }];
    mariaId = await createStaff(t.db, 'maria', grants);
    await createStaff(t.db, 'joao', grants);
    const tomasId = await createStaff(t.db, 'tomas', grants);
    const ritaId = await createStaff(t.db, 'rita', grants, { totpSecret: TOTP_SECRET });
    await t.db.updateTable('staff').set({ email: 'maria.silva@example.org' }).where('id', '=', mariaId).execute();
    await t.db.updateTable('staff').set({ email: 'joao@example.org' }).where('username', '=', 'joao').execute();
    await t.db.updateTable('staff').set({ email: 'tomas@example.org', disabled_at: new Date() }).where('id', '=', tomasId).execute();
    await t.db.updateTable('staff').set({ email: 'rita@example.org' }).where('id', '=', ritaId).execute();
  });
  afterAll(async () => {
    await t?.close();
    await issuer?.close();
  });

  /** The whole browser round trip: start, the provider's log-in, the callback. */
  async function signOn(subject: string) {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(303);
    const loginCookie = start.cookies.find((c) => c.name === 'oneroof_oidc');
    expect(loginCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const authorizationUrl = new URL(start.headers.location as string);
    expect(authorizationUrl.origin).toBe(issuer.url);
    const back = await issuer.signIn(authorizationUrl.href, subject);
    expect(back.href.startsWith(CALLBACK)).toBe(true);
    const callback = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: `oneroof_oidc=${loginCookie!.value}` } });
    const session = callback.cookies.find((c) => c.name === 'oneroof_session');
    return { authorizationUrl, back, callback, session, loginCookie: loginCookie!.value };
  }

  it('tells the login page that single sign-on is there, and under which label', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    expect(response.json()).toEqual({ password: true, sso: { label: 'Sign in with the Agency account', startUrl: '/api/v1/auth/oidc/start' } });
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const params = new URL(start.headers.location as string).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    expect(params.get('redirect_uri')).toBe(CALLBACK);
    expect(params.get('scope')).toBe('openid email profile');
  });

  it('links an account by its verified e-mail on the first sign-on, then by issuer and subject', async () => {
    const first = await signOn('maria-at-idp');
    expect(first.callback.statusCode).toBe(303);
    expect(first.callback.headers.location).toBe('/office');
    expect(first.session).toMatchObject({ httpOnly: true });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `oneroof_session=${first.session!.value}` } });
    expect(me.json()).toMatchObject({ username: 'maria' });
    const links = await t.db.selectFrom('staff_identities').selectAll().where('staff_id', '=', mariaId).execute();
    expect(links).toEqual([expect.objectContaining({ issuer: issuer.url, subject: 'maria-at-idp' })]);

    // A changed e-mail no longer matters: the stored (issuer, subject) pair finds the account.
    await t.db.updateTable('staff').set({ email: 'maria@elsewhere.example' }).where('id', '=', mariaId).execute();
    const second = await signOn('maria-at-idp');
    expect(second.callback.headers.location).toBe('/office');
    const sessions = await t.db.selectFrom('staff_sessions').select(['method']).where('staff_id', '=', mariaId).execute();
    expect(sessions.map((s) => s.method)).toEqual(['oidc', 'oidc']);
  });

  it('refuses an identity that matches no account, without creating one', async () => {
    const before = await t.db.selectFrom('staff').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { callback, session } = await signOn('stranger-at-idp');
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/login?sso_error=not_linked');
    expect(session).toBeUndefined();
    const after = await t.db.selectFrom('staff').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('does not link by an e-mail the provider has not verified', async () => {
    const { callback } = await signOn('unverified-at-idp');
    expect(callback.headers.location).toBe('/login?sso_error=not_linked');
  });

  it('refuses a disabled account', async () => {
    const { callback, session } = await signOn('tomas-at-idp');
    expect(callback.headers.location).toBe('/login?sso_error=account_disabled');
    expect(session).toBeUndefined();
  });

  it('still asks for the second factor when the account has one', async () => {
    const { callback, session } = await signOn('rita-at-idp');
    expect(callback.headers.location).toBe('/login?step=second-factor');
    const cookie = `oneroof_session=${session!.value}`;
    const state = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } });
    expect(state.json()).toMatchObject({ status: 'second_factor_required', me: null });
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/second-factor',
      headers: { cookie, 'x-csrf-token': state.json().csrfToken },
      payload: { code: totpCodeAt(TOTP_SECRET) },
    });
    expect(done.json()).toMatchObject({ status: 'signed_in', me: { username: 'rita' } });
  });

  it('refuses a callback whose state does not match, and a login cookie used twice', async () => {
    const { back, loginCookie } = await signOn('maria-at-idp');
    const replay = await t.app.inject({ method: 'GET', url: back.pathname + back.search, headers: { cookie: `oneroof_oidc=${loginCookie}` } });
    expect(replay.headers.location).toBe('/login?sso_error=expired');

    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const cookie = start.cookies.find((c) => c.name === 'oneroof_oidc')!.value;
    const forged = new URL(await issuer.signIn(start.headers.location as string, 'maria-at-idp'));
    forged.searchParams.set('state', 'an-attacker-state');
    const refused = await t.app.inject({ method: 'GET', url: forged.pathname + forged.search, headers: { cookie: `oneroof_oidc=${cookie}` } });
    expect(refused.headers.location).toBe('/login?sso_error=failed');
    expect(refused.cookies.find((c) => c.name === 'oneroof_session')).toBeUndefined();
  });

  it('refuses a callback from a browser that did not start the sign-on', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const back = await issuer.signIn(start.headers.location as string, 'maria-at-idp');
    const response = await t.app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(response.headers.location).toBe('/login?sso_error=expired');
  });

  it('records sign-ons and refusals in the audit journal', async () => {
    const actions = await t.db.selectFrom('audit_events').select('action').where('action', 'like', 'auth.sso%').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.sso_identity_linked', 'auth.sso_refused', 'auth.sso_accepted']));
  });
});

describe('without single sign-on configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('offers the password only, and the start address says so', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json()).toEqual({ password: true, sso: null });
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/login?sso_error=not_configured');
  });
});
