import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, TEST_PASSWORD, type Session, type TestApp } from '../../../../test/app.js';

describe('my sessions and my password', () => {
  let t: TestApp;
  let networkId: string;
  let centreId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ networkId, centreId } = await createNetworkFixture(t.db));
    await createStaff(t.db, 'admin', [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }]);
    await createStaff(t.db, 'manager', [{ role: 'centre_manager', scopeType: 'centre', scopeId: centreId }]);
  });
  afterAll(() => t?.close());

  const works = async (session: Session) => (await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode === 200;

  async function signInAs(username: string, userAgent: string, password = TEST_PASSWORD): Promise<Session> {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'user-agent': userAgent }, payload: { username, password } });
    expect(response.statusCode).toBe(200);
    const cookie = `oneroof_session=${response.cookies.find((c) => c.name === 'oneroof_session')!.value}`;
    const csrfToken = response.json().csrfToken as string;
    return {
      cookie,
      csrfToken,
      request: (options) => t.app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers as Record<string, string> | undefined) } }),
    };
  }

  it('lists my live sessions with device, address, times and which one is this one', async () => {
    await createStaff(t.db, 'lists', []);
    const laptop = await signInAs('lists', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    await signInAs('lists', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile Safari');
    const other = await signIn(t.app, 'admin');
    const response = await laptop.request({ method: 'GET', url: '/api/v1/auth/sessions' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { userAgent: string; current: boolean; ip: string; createdAt: string; lastSeenAt: string; method: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toEqual([expect.objectContaining({ userAgent: expect.stringContaining('Firefox'), method: 'password', ip: '127.0.0.1' })]);
    expect(items.map((s) => s.userAgent)).toEqual(expect.arrayContaining([expect.stringContaining('iPhone')]));
    expect(await works(other)).toBe(true);
  });

  it('ends one of my sessions at once, but not a session of someone else', async () => {
    await createStaff(t.db, 'ends', []);
    const here = await signInAs('ends', 'here');
    const there = await signInAs('ends', 'there');
    const admin = await signIn(t.app, 'admin');
    const ids = (await here.request({ method: 'GET', url: '/api/v1/auth/sessions' })).json().items as { id: string; current: boolean }[];
    const thereId = ids.find((s) => !s.current)!.id;
    const adminSessionId = (await admin.request({ method: 'GET', url: '/api/v1/auth/sessions' })).json().items[0].id as string;

    expect((await here.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${adminSessionId}` })).statusCode).toBe(404);
    expect(await works(admin)).toBe(true);
    expect((await here.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${thereId}` })).statusCode).toBe(204);
    expect(await works(there)).toBe(false);
    expect(await works(here)).toBe(true);
    expect((await here.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${thereId}` })).statusCode).toBe(404);
  });

  it('ends all my other sessions and keeps this one', async () => {
    await createStaff(t.db, 'others', []);
    const keep = await signInAs('others', 'keep');
    const gone = [await signInAs('others', 'a'), await signInAs('others', 'b')];
    const response = await keep.request({ method: 'POST', url: '/api/v1/auth/sessions/end-others' });
    expect(response.json()).toEqual({ ended: 2 });
    for (const session of gone) expect(await works(session)).toBe(false);
    expect(await works(keep)).toBe(true);
  });

  it('stops an expired session at once', async () => {
    const staffId = await createStaff(t.db, 'expires', []);
    const session = await signInAs('expires', 'x');
    expect(await works(session)).toBe(true);
    await t.db.updateTable('staff_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('staff_id', '=', staffId).execute();
    expect(await works(session)).toBe(false);
  });

  it('changes my password with the current one, and signs me out everywhere else', async () => {
    await createStaff(t.db, 'changes', []);
    const here = await signInAs('changes', 'here');
    const elsewhere = await signInAs('changes', 'elsewhere');
    const newPassword = 'a brand new passphrase';

    const wrong = await here.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'not it', newPassword } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([expect.objectContaining({ path: 'body.currentPassword' })]);
    const short = await here.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(short.json().error.fields).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
    const same = await here.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Changes   ' } });
    expect(same.statusCode).toBe(400);

    const changed = await here.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword } });
    expect(changed.json()).toEqual({ endedSessions: 1 });
    expect(await works(elsewhere)).toBe(false);
    expect(await works(here)).toBe(true);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'changes', password: TEST_PASSWORD } });
    expect(old.statusCode).toBe(401);
    await signInAs('changes', 'again', newPassword);
  });

  it('lets a network administrator end every session of someone, and nobody below', async () => {
    const staffId = await createStaff(t.db, 'lostlaptop', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }]);
    const sessions = [await signInAs('lostlaptop', 'one'), await signInAs('lostlaptop', 'two')];
    const manager = await signIn(t.app, 'manager');
    expect((await manager.request({ method: 'POST', url: `/api/v1/staff/${staffId}/sessions/end` })).statusCode).toBe(403);
    for (const session of sessions) expect(await works(session)).toBe(true);

    const admin = await signIn(t.app, 'admin');
    const ended = await admin.request({ method: 'POST', url: `/api/v1/staff/${staffId}/sessions/end` });
    expect(ended.json()).toEqual({ ended: 2 });
    for (const session of sessions) expect(await works(session)).toBe(false);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_name']).where('resource_id', '=', staffId).where('action', '=', 'auth.all_sessions_ended').execute();
    expect(audit).toEqual([{ action: 'auth.all_sessions_ended', actor_name: 'admin' }]);
  });

  it('needs a signed-in staff member for all of this', async () => {
    for (const [method, url] of [['GET', '/api/v1/auth/sessions'], ['POST', '/api/v1/auth/sessions/end-others'], ['POST', '/api/v1/auth/password']] as const) {
      const response = await t.app.inject({ method, url, payload: method === 'POST' ? { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' } : undefined });
      expect(response.statusCode).toBe(401);
    }
  });
});
