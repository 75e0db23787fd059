import { sql } from 'kysely';
import type { RecurringTask } from './jobs.types.js';

const DAY_MS = 86_400_000;
/** Finished jobs are kept two weeks for the operations view; failed ones a month, to be looked into. */
export const KEEP_DONE_DAYS = 14;
export const KEEP_FAILED_DAYS = 30;
/** The record of each recurring moment is kept a month. */
export const KEEP_RUNS_DAYS = 30;

/**
 * Every night: deletes done and cancelled jobs after two weeks, failed jobs after a month, and the
 * records of recurring moments after a month, so the tables the runner scans stay small.
 */
export const purgeFinishedJobs: RecurringTask = {
  name: 'jobs.purge_finished',
  cron: '17 3 * * *',
  async run({ db }, now) {
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const done = await db
      .deleteFrom('jobs')
      .where('status', 'in', ['done', 'cancelled'])
      .where(sql<Date>`coalesce(finished_at, created_at)`, '<', before(KEEP_DONE_DAYS))
      .executeTakeFirst();
    const failed = await db
      .deleteFrom('jobs')
      .where('status', '=', 'failed')
      .where(sql<Date>`coalesce(finished_at, created_at)`, '<', before(KEEP_FAILED_DAYS))
      .executeTakeFirst();
    const runs = await db.deleteFrom('recurring_task_runs').where('scheduled_for', '<', before(KEEP_RUNS_DAYS)).executeTakeFirst();
    return { doneJobs: Number(done.numDeletedRows), failedJobs: Number(failed.numDeletedRows), taskRuns: Number(runs.numDeletedRows) };
  },
};
