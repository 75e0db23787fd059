import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testConfig } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/database.js';
import type { AppDependencies } from '../app.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { RealtimeBus } from '../realtime/bus.js';
import { enqueueJob } from './jobs.repo.js';
import { defineJobHandler, PermanentJobError, type JobHandler, type RecurringTask } from './jobs.types.js';
import { JobRunner } from './runner.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function depsOf(database: DatabaseHandle): AppDependencies {
  return { config: testConfig(), database, db: database.db, bus: new RealtimeBus(database, quiet) };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('job runner', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let deps: AppDependencies;
  const runners: JobRunner[] = [];
  const extraHandles: DatabaseHandle[] = [];
  let now: Date;
  const clock = () => now;

  beforeEach(async () => {
    database = await createTestDatabase();
    deps = depsOf(database);
    now = new Date();
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await Promise.all(extraHandles.splice(0).map((handle) => handle.close()));
    await database.close();
  });

  function runner(handlers: JobHandler<unknown>[], options: { tasks?: RecurringTask[]; deps?: AppDependencies; pollMs?: number; lockMs?: number; concurrency?: number } = {}): JobRunner {
    const created = new JobRunner(options.deps ?? deps, { handlers, tasks: options.tasks ?? [], log: quiet, clock, pollMs: options.pollMs ?? 60_000, lockMs: options.lockMs, concurrency: options.concurrency });
    runners.push(created);
    return created;
  }

  const jobRow = (id: string) => deps.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a due job once with its payload and marks it done', async () => {
    const seen: unknown[] = [];
    const handler = defineJobHandler({ kind: 'test.echo', payload: z.object({ n: z.number() }), run: async (_deps, payload, job) => void seen.push({ ...payload, attempts: job.attempts }) });
    const id = await enqueueJob(deps.db, { kind: 'test.echo', payload: { n: 7 }, runAt: new Date(now.getTime() - 1000) });
    await enqueueJob(deps.db, { kind: 'test.echo', payload: { n: 8 }, runAt: new Date(now.getTime() + 60_000) });
    const jobs = runner([handler]);
    expect(await jobs.runDueJobs()).toBe(1);
    expect(await jobs.runDueJobs()).toBe(0);
    expect(seen).toEqual([{ n: 7, attempts: 1 }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, last_error: null, locked_until: null });
  });

  it('retries with back-off, keeps the last error, then fails after the last attempt', async () => {
    let calls = 0;
    const handler = defineJobHandler({
      kind: 'test.flaky',
      payload: z.object({}),
      retryDelayMs: (attempts) => attempts * 60_000,
      run: async () => {
        calls++;
        throw new Error(`gateway down (${calls})`);
      },
    });
    const id = await enqueueJob(deps.db, { kind: 'test.flaky', payload: {}, runAt: now, maxAttempts: 3 });
    const jobs = runner([handler]);
    expect(await jobs.runDueJobs()).toBe(1);
    const first = await jobRow(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'gateway down (1)' });
    expect(first.run_at.getTime()).toBe(now.getTime() + 60_000);
    // Not before its time.
    expect(await jobs.runDueJobs()).toBe(0);
    now = new Date(now.getTime() + 60_000);
    expect(await jobs.runDueJobs()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'pending', attempts: 2 });
    now = new Date(now.getTime() + 120_000);
    expect(await jobs.runDueJobs()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'gateway down (3)' });
    now = new Date(now.getTime() + 3600_000);
    expect(await jobs.runDueJobs()).toBe(0);
    expect(calls).toBe(3);
  });

  it('fails an unknown kind, a bad payload and a permanent error at once, with a clear error', async () => {
    const handler = defineJobHandler({
      kind: 'test.strict',
      payload: z.object({ personId: z.uuid() }),
      run: async () => {
        throw new PermanentJobError('The person was erased');
      },
    });
    const unknown = await enqueueJob(deps.db, { kind: 'test.nobody', payload: {}, runAt: now });
    const bad = await enqueueJob(deps.db, { kind: 'test.strict', payload: { personId: 42 }, runAt: now });
    const permanent = await enqueueJob(deps.db, { kind: 'test.strict', payload: { personId: '0190a0a0-0000-7000-8000-000000000000' }, runAt: now });
    expect(await runner([handler]).runDueJobs()).toBe(3);
    expect(await jobRow(unknown)).toMatchObject({ status: 'failed', last_error: 'No handler for job kind "test.nobody"' });
    expect((await jobRow(bad)).last_error).toMatch(/^Bad payload for "test.strict": personId: /);
    expect(await jobRow(permanent)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'PermanentJobError: The person was erased' });
  });

  it('takes again a job whose instance stopped while running it, once its lock passed', async () => {
    const ran: string[] = [];
    const handler = defineJobHandler({ kind: 'test.resume', payload: z.object({}), run: async () => void ran.push('ran') });
    const id = await enqueueJob(deps.db, { kind: 'test.resume', payload: {}, runAt: now });
    // An instance took it and died: running, locked for another minute.
    await deps.db.updateTable('jobs').set({ status: 'running', attempts: 1, locked_by: 'gone', locked_until: new Date(now.getTime() + 60_000) }).where('id', '=', id).execute();
    const jobs = runner([handler]);
    expect(await jobs.runDueJobs()).toBe(0);
    now = new Date(now.getTime() + 61_000);
    expect(await jobs.runDueJobs()).toBe(1);
    expect(ran).toEqual(['ran']);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2, locked_by: jobs.instanceId });
  });

  it('wakes on a job queued for now without waiting for the poll', async () => {
    now = new Date(Date.now() + 1000);
    const ran: number[] = [];
    const handler = defineJobHandler({ kind: 'test.wake', payload: z.object({ n: z.number() }), run: async (_deps, { n }) => void ran.push(n) });
    await runner([handler]).start();
    await deps.db.transaction().execute((trx) => enqueueJob(trx, { kind: 'test.wake', payload: { n: 1 }, runAt: new Date() }));
    await until(async () => ran.length === 1, 3000);
  });

  it('on shutdown takes no new job and waits for the one running', async () => {
    let release!: () => void;
    const started: string[] = [];
    const handler = defineJobHandler({
      kind: 'test.slow',
      payload: z.object({ n: z.number() }),
      run: async (_deps, { n }) => {
        started.push(String(n));
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = await enqueueJob(deps.db, { kind: 'test.slow', payload: { n: 1 }, runAt: now });
    const jobs = runner([handler], { pollMs: 20, concurrency: 1 });
    await jobs.start();
    await until(async () => started.length === 1);
    const second = await enqueueJob(deps.db, { kind: 'test.slow', payload: { n: 2 }, runAt: now });
    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(started).toEqual(['1']);
    expect((await jobRow(first)).status).toBe('done');
    expect((await jobRow(second)).status).toBe('pending');
  });

  it('runs each job exactly once with two runners working at the same time', async () => {
    const runs = new Map<number, number>();
    const handler = defineJobHandler({
      kind: 'test.count',
      payload: z.object({ n: z.number() }),
      run: async (_deps, { n }) => {
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    });
    now = new Date(Date.now() + 60_000);
    for (let n = 0; n < 40; n++) await enqueueJob(deps.db, { kind: 'test.count', payload: { n }, runAt: new Date() });
    // On PostgreSQL the second runner has a connection pool of its own, as a second instance would.
    let otherDeps = deps;
    if (database.url) {
      const other = await openDatabase({ kind: 'postgres', url: database.url });
      extraHandles.push(other);
      otherDeps = depsOf(other);
    }
    await Promise.all([runner([handler], { pollMs: 10, concurrency: 4 }).start(), runner([handler], { deps: otherDeps, pollMs: 10, concurrency: 4 }).start()]);
    await until(async () => (await deps.db.selectFrom('jobs').select('id').where('status', '=', 'done').execute()).length === 40);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    const holders = await deps.db.selectFrom('jobs').select('locked_by').distinct().execute();
    expect(holders.length).toBeGreaterThanOrEqual(1);
  });

  it('runs a recurring moment once across two runners and records its outcome', async () => {
    now = new Date('2026-03-02T09:59:30Z');
    const moments: string[] = [];
    const task: RecurringTask = { name: 'test.closing', cron: '0 10 * * *', run: async (_deps, at) => ((moments.push(at.toISOString()), { closed: 3 })) };
    const failing: RecurringTask = { name: 'test.broken', cron: '0 10 * * *', run: async () => { throw new Error('no data'); } };
    let otherDeps = deps;
    if (database.url) {
      const other = await openDatabase({ kind: 'postgres', url: database.url });
      extraHandles.push(other);
      otherDeps = depsOf(other);
    }
    const a = runner([], { tasks: [task, failing] });
    const b = runner([], { tasks: [task, failing], deps: otherDeps });
    await Promise.all([a.runDueRecurring(), b.runDueRecurring()]);
    expect(moments).toEqual([]);
    now = new Date('2026-03-02T10:00:01Z');
    await Promise.all([a.runDueRecurring(), b.runDueRecurring()]);
    await Promise.all([a.runDueRecurring(), b.runDueRecurring()]);
    expect(moments).toEqual(['2026-03-02T10:00:00.000Z']);
    const rows = await deps.db.selectFrom('recurring_task_runs').selectAll().orderBy('task').execute();
    expect(rows.map((row) => [row.task, row.scheduled_for.toISOString(), row.outcome, row.error])).toEqual([
      ['test.broken', '2026-03-02T10:00:00.000Z', null, 'no data'],
      ['test.closing', '2026-03-02T10:00:00.000Z', { closed: 3 }, null],
    ]);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });
});
