import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.js';
import { createTestDatabase, testDatabaseKind } from '../../../test/database.js';
import { requestNotification } from '../notifications/notifications.request.js';
import { startServer, type RunningServer } from '../server.js';

describe('the server runs background jobs', () => {
  let server: RunningServer | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await server?.close();
    await cleanup?.();
  });

  it('delivers a message requested while it runs, and stops cleanly', async () => {
    let env: Record<string, string>;
    if (testDatabaseKind() === 'postgres') {
      const database = await createTestDatabase('postgres');
      await database.db.destroy();
      env = { DATABASE_URL: database.url! };
      cleanup = () => database.close();
    } else {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oneroof-jobs-'));
      env = { DATA_DIR: dataDir };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    // A long poll: the message must go out because enqueueing wakes the runner.
    server = await startServer(testConfig({ ...env, PORT: '0', DEMO: 'false', JOBS_POLL_SECONDS: '60' }), { logger: false, webRoot: '/nonexistent' });
    expect(server.jobs).toBeDefined();
    const id = await server.database.db.transaction().execute((trx) =>
      requestNotification(trx, { channel: 'sms', recipient: '+351912345678', locale: 'en', template: 'portal.access_link', params: { link: 'https://x.example/p/1', minutes: 15 } }),
    );
    const deadline = Date.now() + 10_000;
    let status = 'queued';
    while (status === 'queued' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await server.database.db.selectFrom('notifications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    }
    expect(status).toBe('held');
    await server.close();
    server = undefined;
  });

});
