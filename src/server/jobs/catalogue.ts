import { QUEUE_RECURRING_TASKS } from '../modules/queue/queue.jobs.js';
import type { JobHandler, RecurringTask } from './jobs.types.js';

/** Every module's job handlers, in one list: the job runner refuses a kind not listed here. */
export const JOB_HANDLERS: JobHandler<never>[] = [];

/** Every module's recurring tasks, in one list. */
export const RECURRING_TASKS: RecurringTask[] = [...QUEUE_RECURRING_TASKS];
