import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, testConfig, TEST_PASSWORD, type TestApp } from '../../../../test/app.js';
import { newTotpSecret, totpCodeAt } from './auth.totp.js';

// Codes are made for "now" and "one step ahead": both are inside the ±1 step window whenever the server
// checks them a few seconds later, and each account uses a step at most once, oldest first.
const codeNow = (secret: string) => totpCodeAt(secret, Date.now());
const codeAhead = (secret: string) => totpCodeAt(secret, Date.now() + 30_000);

describe('2-step verification with an authenticator app', () => {
  let t: TestApp;
  let networkId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: testConfig({ LOGIN_MAX_FAILURES: '4' }) });
    ({ networkId } = await createNetworkFixture(t.db));
  });
  afterAll(() => t?.close());

  const grants = () => [{ role: 'auditor' as const, scopeType: 'network' as const, scopeId: networkId }];

  async function passwordStep(username: string) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(response.json()).toMatchObject({ status: 'second_factor_required', me: null });
    const cookie = `oneroof_session=${response.cookies.find((c) => c.name === 'oneroof_session')!.value}`;
    const csrf = response.json().csrfToken as string;
    return {
      cookie,
      code: (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor', headers: { cookie, 'x-csrf-token': csrf }, payload: { code } }),
    };
  }

  it('enrols: a secret, a link and a QR code first; on only after a right code', async () => {
    await createStaff(t.db, 'enrols', grants());
    const session = await signIn(t.app, 'enrols');
    const started = await session.request({ method: 'POST', url: '/api/v1/auth/second-factor/totp/enrolment' });
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, uri, qrCodeDataUrl } = started.json();
    expect(uri).toContain(`secret=${secret}`);
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const stored = await t.db.selectFrom('staff').select(['totp_secret', 'totp_enabled']).where('username', '=', 'enrols').executeTakeFirstOrThrow();
    expect(stored.totp_enabled).toBe(false);
    expect(stored.totp_secret).not.toContain(secret);

    const wrong = await session.request({ method: 'POST', url: '/api/v1/auth/second-factor/totp/confirm', payload: { code: '000000' === codeNow(secret) ? '111111' : '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ path: 'body.code' })]);
    const confirmed = await session.request({ method: 'POST', url: '/api/v1/auth/second-factor/totp/confirm', payload: { code: codeNow(secret) } });
    expect(confirmed.json()).toEqual({ enabled: true });
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/second-factor/totp' })).json()).toEqual({ enabled: true });

    // From now on the password alone is not enough, and the code must be newer than the confirming one.
    const pending = await passwordStep('enrols');
    const done = await pending.code(codeAhead(secret));
    expect(done.json()).toMatchObject({ status: 'signed_in', me: { username: 'enrols' } });
  });

  it('keeps a password-only session out until the code is right, then swaps its token', async () => {
    const secret = newTotpSecret();
    await createStaff(t.db, 'swaps', grants(), { totpSecret: secret });
    const pending = await passwordStep('swaps');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pending.cookie } })).statusCode).toBe(401);

    const done = await pending.code(codeNow(secret));
    expect(done.statusCode).toBe(200);
    const newCookie = `oneroof_session=${done.cookies.find((c) => c.name === 'oneroof_session')!.value}`;
    expect(newCookie).not.toBe(pending.cookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: newCookie } })).json()).toMatchObject({ username: 'swaps' });
    // The token seen before the second factor is worth nothing now.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: pending.cookie } })).statusCode).toBe(401);
  });

  it('refuses a code used once already, within its window', async () => {
    const secret = newTotpSecret();
    await createStaff(t.db, 'replays', grants(), { totpSecret: secret });
    const code = codeNow(secret);
    expect((await (await passwordStep('replays')).code(code)).statusCode).toBe(200);
    const again = await (await passwordStep('replays')).code(code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid_credentials');
  });

  it('ends the pending sign-in after three wrong codes; then even the right code is refused', async () => {
    const secret = newTotpSecret();
    await createStaff(t.db, 'guesses', grants(), { totpSecret: secret });
    const pending = await passwordStep('guesses');
    const wrongCodes = ['000000', '111111', '222222', '333333'].filter((c) => c !== codeNow(secret) && c !== codeAhead(secret));
    expect((await pending.code(wrongCodes[0]!)).json().error.code).toBe('invalid_credentials');
    expect((await pending.code(wrongCodes[1]!)).json().error.code).toBe('invalid_credentials');
    const third = await pending.code(wrongCodes[2]!);
    expect(third.statusCode).toBe(401);
    expect(third.json().error.code).toBe('unauthenticated');
    expect((await pending.code(codeNow(secret))).json().error.code).toBe('unauthenticated');
    const audit = await t.db.selectFrom('audit_events').select('action').where('action', '=', 'auth.second_factor_failed').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('locks the account when wrong codes add up across sign-ins, like wrong passwords', async () => {
    const secret = newTotpSecret();
    await createStaff(t.db, 'persists', grants(), { totpSecret: secret });
    const wrong = ['000000', '111111', '222222', '333333', '444444'].filter((c) => c !== codeNow(secret) && c !== codeAhead(secret));
    const first = await passwordStep('persists');
    for (const code of wrong.slice(0, 3)) await first.code(code);
    // A new password step does not wipe the count: the fourth wrong code locks the account.
    const second = await passwordStep('persists');
    const locked = await second.code(wrong[3]!);
    expect(locked.statusCode).toBe(423);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'persists', password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(423);
  });

  it('turns off only with a current code, and then the password is enough again', async () => {
    const secret = newTotpSecret();
    await createStaff(t.db, 'disables', grants(), { totpSecret: secret });
    const pending = await passwordStep('disables');
    const done = await pending.code(codeNow(secret));
    const cookie = `oneroof_session=${done.cookies.find((c) => c.name === 'oneroof_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': done.json().csrfToken as string };
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/totp/disable', headers, payload: { code: codeAhead(secret) === '123456' ? '654321' : '123456' } });
    expect(wrong.statusCode).toBe(400);
    const off = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/totp/disable', headers, payload: { code: codeAhead(secret) } });
    expect(off.json()).toEqual({ enabled: false });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'disables', password: TEST_PASSWORD } });
    expect(login.json().status).toBe('signed_in');
    const row = await t.db.selectFrom('staff').select(['totp_secret', 'totp_enabled']).where('username', '=', 'disables').executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled: false });
  });

  it('refuses to start a new enrolment while one is on', async () => {
    const secret = newTotpSecret();
    await createStaff(t.db, 'twice', grants(), { totpSecret: secret });
    const done = await (await passwordStep('twice')).code(codeNow(secret));
    const cookie = `oneroof_session=${done.cookies.find((c) => c.name === 'oneroof_session')!.value}`;
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/second-factor/totp/enrolment', headers: { cookie, 'x-csrf-token': done.json().csrfToken } });
    expect(again.statusCode).toBe(409);
  });

  it('lets a network administrator reset the second factor of someone who lost their phone', async () => {
    const secret = newTotpSecret();
    const lostId = await createStaff(t.db, 'lostphone', grants(), { totpSecret: secret });
    await createStaff(t.db, 'netadmin', [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }]);
    const admin = await signIn(t.app, 'netadmin');
    const reset = await admin.request({ method: 'POST', url: `/api/v1/staff/${lostId}/second-factor/reset` });
    expect(reset.statusCode).toBe(204);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lostphone', password: TEST_PASSWORD } });
    expect(login.json().status).toBe('signed_in');
    expect((await admin.request({ method: 'POST', url: `/api/v1/staff/${lostId}/second-factor/reset` })).statusCode).toBe(409);
  });
});
