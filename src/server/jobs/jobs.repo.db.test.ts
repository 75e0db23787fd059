import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { createTestDatabase } from '../../../test/database.js';
import type { DatabaseHandle } from '../db/client.js';
import type { Database } from '../db/types.js';
import { cancelPendingJob, enqueueJob } from './jobs.repo.js';

describe('durable jobs: enqueueing', () => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterEach(async () => {
    await database.close();
  });

  it('moves the pending job of a kind and key instead of adding a second one', async () => {
    const first = await enqueueJob(db, { kind: 'test.reminder', payload: { n: 1 }, runAt: new Date('2026-01-01T10:00:00Z'), dedupeKey: 'a' });
    const second = await enqueueJob(db, { kind: 'test.reminder', payload: { n: 2 }, runAt: new Date('2026-01-02T10:00:00Z'), dedupeKey: 'a' });
    expect(second).toBe(first);
    const rows = await db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toEqual({ n: 2 });
    expect(rows[0]!.run_at.toISOString()).toBe('2026-01-02T10:00:00.000Z');
  });

  it('adds a new job once the earlier one with the same key is cancelled', async () => {
    await enqueueJob(db, { kind: 'test.reminder', payload: {}, runAt: new Date(), dedupeKey: 'b' });
    expect(await cancelPendingJob(db, 'test.reminder', 'b')).toBe(true);
    expect(await cancelPendingJob(db, 'test.reminder', 'b')).toBe(false);
    await enqueueJob(db, { kind: 'test.reminder', payload: {}, runAt: new Date(), dedupeKey: 'b' });
    const statuses = (await db.selectFrom('jobs').select('status').orderBy('created_at').execute()).map((row) => row.status);
    expect(statuses.sort()).toEqual(['cancelled', 'pending']);
  });

  it('keeps jobs without a key apart', async () => {
    await enqueueJob(db, { kind: 'test.delivery', payload: {}, runAt: new Date() });
    await enqueueJob(db, { kind: 'test.delivery', payload: {}, runAt: new Date() });
    expect(await db.selectFrom('jobs').select('id').execute()).toHaveLength(2);
  });
});
