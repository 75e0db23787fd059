import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/database.js';
import type { DatabaseHandle } from '../db/client.js';
import { RealtimeBus } from '../realtime/bus.js';
import { enqueueJob } from './jobs.repo.js';
import { purgeFinishedJobs } from './purge.js';

describe('purging finished jobs', () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('deletes old done, cancelled and failed jobs and old moments, and keeps the rest', async () => {
    const { db } = database;
    const now = new Date('2026-04-01T03:17:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const job = async (status: 'done' | 'cancelled' | 'failed' | 'pending', finishedDaysAgo: number) => {
      const id = await enqueueJob(db, { kind: 'test.any', payload: {}, runAt: daysAgo(finishedDaysAgo + 1) });
      await db.updateTable('jobs').set({ status, finished_at: status === 'pending' ? null : daysAgo(finishedDaysAgo) }).where('id', '=', id).execute();
      return id;
    };
    await job('done', 15);
    await job('cancelled', 20);
    const recentDone = await job('done', 13);
    const recentFailed = await job('failed', 20);
    await job('failed', 31);
    const pending = await job('pending', 60);
    await db.insertInto('recurring_task_runs').values([{ task: 't', scheduled_for: daysAgo(31) }, { task: 't', scheduled_for: daysAgo(29) }]).execute();

    const outcome = await purgeFinishedJobs.run({ config: testConfig(), database, db, bus: new RealtimeBus(database, { warn: () => undefined, error: () => undefined }) }, now);
    expect(outcome).toEqual({ doneJobs: 2, failedJobs: 1, taskRuns: 1 });
    expect((await db.selectFrom('jobs').select('id').execute()).map((row) => row.id).sort()).toEqual([recentDone, recentFailed, pending].sort());
    expect(await db.selectFrom('recurring_task_runs').select('scheduled_for').execute()).toEqual([{ scheduled_for: daysAgo(29) }]);
  });
});
