import type { RecurringTask } from '../../jobs/jobs.types.js';
import { closeFinishedDays } from './queue.day-end.js';
import { purgeQueueLeftovers } from './queue.purge.js';

/**
 * Every quarter of an hour, the days that are over in each centre's own time zone are closed
 * (docs/queue.md, "End of day"): a centre closing at 18:30 is closed by 18:45 its time, and days
 * missed while no instance ran are closed at the next run.
 */
export const queueDayEndTask: RecurringTask = {
  name: 'queue.day-end',
  cron: '*/15 * * * *',
  run: async (deps, now) => ({ ...(await closeFinishedDays(deps.db, now)) }),
};

/** Once an hour, what the queue keeps only for a while is forgotten. */
export const queuePurgeTask: RecurringTask = {
  name: 'queue.purge',
  cron: '7 * * * *',
  run: async (deps, now) => ({ ...(await purgeQueueLeftovers(deps.db, now)) }),
};

export const QUEUE_RECURRING_TASKS: RecurringTask[] = [queueDayEndTask, queuePurgeTask];
