import { deliverNotification } from '../notifications/deliver.js';
import { appointmentReminderJob, seatReturnedJob } from '../modules/appointments/appointments.jobs.js';
import type { JobHandler, RecurringTask } from './jobs.types.js';
import { purgeFinishedJobs } from './purge.js';

/** Every module's job handlers, in one list: the job runner refuses a kind not listed here. */
export const JOB_HANDLERS: JobHandler<unknown>[] = [deliverNotification];
export const JOB_HANDLERS: JobHandler<never>[] = [appointmentReminderJob as JobHandler<never>, seatReturnedJob as JobHandler<never>];

/** Every module's recurring tasks, in one list. */
export const RECURRING_TASKS: RecurringTask[] = [purgeFinishedJobs];
