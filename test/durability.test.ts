import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/client.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { openSse } from './sse.js';

const DEMO_PASSWORD = 'demo-password-for-durability';

/** The embedded database (PGlite) in a real server process, stopped the hard way and the polite way. */
describe('the embedded database survives the process', () => {
  let dataDir: string;
  const running: ServerProcess[] = [];
  const acknowledged = { logins: [] as string[], logouts: [] as string[], failedUsernames: [] as string[] };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'oneroof-durability-'));
  });
  afterAll(async () => {
    for (const server of running) server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<ServerProcess> {
    const server = await startServerProcess({ DATA_DIR: dataDir, DEMO_PASSWORD });
    running.push(server);
    return server;
  }

  async function login(url: string, requestId: string, username = 'admin', password = DEMO_PASSWORD): Promise<Response> {
    return fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ username, password }),
    });
  }

  function sessionOf(response: Response): { cookie: string; csrfToken: Promise<string> } {
    return {
      cookie: response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; '),
      csrfToken: response.json().then((body) => (body as { csrfToken: string }).csrfToken),
    };
  }

  it('keeps every write acknowledged before SIGKILL', { timeout: 120_000 }, async () => {
    const server = await start();
    const run = randomBytes(4).toString('hex');
    for (let i = 0; i < 8; i++) {
      const loginId = `durable-login-${run}-${i}`;
      const response = await login(server.url, loginId);
      expect(response.status).toBe(200);
      acknowledged.logins.push(loginId);
      const session = sessionOf(response);
      const logoutId = `durable-logout-${run}-${i}`;
      const logout = await fetch(`${server.url}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': await session.csrfToken, 'x-request-id': logoutId },
      });
      expect(logout.status).toBe(204);
      acknowledged.logouts.push(logoutId);
      const failed = await login(server.url, `durable-failed-${run}-${i}`, `nobody-${run}-${i}`, 'wrong password');
      expect(failed.status).toBe(401);
      acknowledged.failedUsernames.push(`nobody-${run}-${i}`);
    }
    // No pause, no shutdown hook: the process dies right after the last answer.
    server.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const restarted = await start();
    expect(restarted.output()).not.toContain('Demo network loaded');
    expect((await fetch(`${restarted.url}/api/health`)).status).toBe(200);
    restarted.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);

    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const audit = await database.db.selectFrom('audit_events').select(['request_id', 'action']).where('request_id', 'like', `durable-%-${run}-%`).execute();
      const byRequest = new Map(audit.map((row) => [row.request_id, row.action]));
      for (const id of acknowledged.logins) expect(byRequest.get(id), id).toBe('auth.login');
      for (const id of acknowledged.logouts) expect(byRequest.get(id), id).toBe('auth.logout');
      const attempts = await database.db.selectFrom('login_attempts').select('username').where('succeeded', '=', false).execute();
      expect(attempts.map((row) => row.username)).toEqual(expect.arrayContaining(acknowledged.failedUsernames));
      const openSessions = await database.db.selectFrom('staff_sessions').select('id').where('revoked_at', 'is', null).execute();
      expect(openSessions).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('shuts down on SIGTERM with exit code 0, ending open event streams, and leaves a database that opens cleanly', { timeout: 120_000 }, async () => {
    const server = await start();
    const response = await login(server.url, `graceful-login-${randomBytes(4).toString('hex')}`);
    expect(response.status).toBe(200);
    const { cookie } = sessionOf(response);
    const stream = await openSse(`${server.url}/api/v1/events/stream`, { cookie });
    expect(stream.status).toBe(200);
    await stream.next();

    server.kill('SIGTERM');
    // main.ts forces exit code 1 after 10 s, so 0 means the shutdown finished on its own.
    expect(await server.exited).toEqual({ code: 0, signal: null });
    await stream.ended();

    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'db') });
    try {
      const logins = await database.db.selectFrom('audit_events').select('id').where('request_id', 'like', 'graceful-login-%').execute();
      expect(logins).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
