import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { writeRealtimeEvent } from './events.js';
import { purgeRealtimeEvents, scheduleRealtimeRetention } from './retention.js';

const LONG_AGO = new Date('2000-01-01T00:00:00Z');
const context = { actor: null, ip: null, requestId: null };

describe('realtime retention', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  async function publish(type: string, old: boolean): Promise<void> {
    const id = await t.db.transaction().execute(async (trx) => {
      await recordAudit(trx, context, { action: `test.${type}`, resourceType: 'thing' });
      return writeRealtimeEvent(trx, { type });
    });
    if (old) await t.db.updateTable('realtime_events').set({ at: LONG_AGO }).where('id', '=', id).execute();
  }

  const remaining = async () => (await t.db.selectFrom('realtime_events').select('type').orderBy('position').execute()).map((row) => row.type);

  it('deletes only realtime events older than the cutoff, remembers how far, and never touches the audit journal', async () => {
    await publish('old_1', true);
    await publish('old_2', true);
    await publish('recent', false);
    const oldPositions = await t.db.selectFrom('realtime_events').select('position').where('at', '=', LONG_AGO).execute();
    const auditBefore = await t.db.selectFrom('audit_events').select('id').execute();

    expect(await purgeRealtimeEvents(t.db, new Date(Date.now() - 24 * 3600_000))).toBe(2);
    expect(await remaining()).toEqual(['recent']);
    const { purged_through } = await t.db.selectFrom('realtime_retention').select('purged_through').executeTakeFirstOrThrow();
    expect(Number(purged_through)).toBe(Math.max(...oldPositions.map((row) => Number(row.position))));
    expect(await t.db.selectFrom('audit_events').select('id').execute()).toEqual(auditBefore);
  });

  it('never moves the purge mark backwards', async () => {
    const before = await t.db.selectFrom('realtime_retention').select('purged_through').executeTakeFirstOrThrow();
    expect(await purgeRealtimeEvents(t.db, LONG_AGO)).toBe(0);
    expect(await t.db.selectFrom('realtime_retention').select('purged_through').executeTakeFirstOrThrow()).toEqual(before);
  });

  it('runs on a schedule that starts at once and stops cleanly', async () => {
    await publish('old_3', true);
    const stop = scheduleRealtimeRetention(t.db, { days: 3, everyMs: 3600_000, log: { warn: () => undefined } });
    await vi.waitFor(async () => expect(await remaining()).toEqual(['recent']), { timeout: 20_000, interval: 20 });
    await stop();
  });
});
