import type { JobHandler, RecurringTask } from './jobs.types.js';
import { anonymisationTask } from '../modules/people/people.retention.service.js';

/** Every module's job handlers, in one list: the job runner refuses a kind not listed here. */
export const JOB_HANDLERS: JobHandler<never>[] = [];

/** Every module's recurring tasks, in one list. */
export const RECURRING_TASKS: RecurringTask[] = [anonymisationTask];
