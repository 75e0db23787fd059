import { deliverNotification } from '../notifications/deliver.js';
import { appointmentReminderJob, seatReturnedJob } from '../modules/appointments/appointments.jobs.js';
import { noShowSweepTask, staleHoldsTask } from '../modules/appointments/appointments.tasks.js';
import { QUEUE_RECURRING_TASKS } from '../modules/queue/queue.jobs.js';
import type { JobHandler, RecurringTask } from './jobs.types.js';
import { purgeFinishedJobs } from './purge.js';
import { anonymisationTask } from '../modules/people/people.retention.service.js';

/** Every module's job handlers, in one list: the job runner refuses a kind not listed here. */
export const JOB_HANDLERS: JobHandler<unknown>[] = [
  deliverNotification,
  appointmentReminderJob as JobHandler<unknown>,
  seatReturnedJob as JobHandler<unknown>,
];

/** Every module's recurring tasks, in one list. */
export const RECURRING_TASKS: RecurringTask[] = [
  purgeFinishedJobs,
  noShowSweepTask,
  staleHoldsTask,
  ...QUEUE_RECURRING_TASKS,
  anonymisationTask,
];
