import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { RECURRING_TASKS } from '../../jobs/catalogue.js';
import { enqueueJob } from '../../jobs/jobs.repo.js';
import { DELIVER_NOTIFICATION_JOB } from '../../notifications/notifications.request.js';
import { recordPersonalDataChange, recordPersonalDataRead } from '../audit/audit.service.js';
import { ensureCanRead, ensureCanReadJobs, ensureCanRetry, ensureHasOutbox } from './notifications.policy.js';
import {
  countJobsByKindAndStatus,
  findNotification,
  findNotificationsPage,
  lastRecurringRuns,
  overdueJobs,
  recentFailedJobs,
  requeueFailedNotification,
  type NotificationRow,
} from './notifications.repo.js';
import type { JobsOverview, NotificationDetail, NotificationSummary, OutboxPage, OutboxQuery } from './notifications.schemas.js';

/** A page of the outbox within the reader's reach; recipients are personal data, so the read is audited. */
export async function listOutbox(db: Kysely<Database>, context: StaffContext, query: OutboxQuery): Promise<OutboxPage> {
  const reach = ensureHasOutbox(context.actor);
  const rows = await findNotificationsPage(db, query, reach, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const { cursor, limit, ...filter } = query;
  await recordPersonalDataRead(db, context, {
    action: 'notification.list',
    resourceType: 'notification',
    centreId: query.centreId ?? null,
    details: { filter, cursor: cursor ?? null, limit, shown: page.length },
  });
  return { items: page.map(presentSummary), nextCursor: rows.length > query.limit ? page.at(-1)!.id : null };
}

/** One message with its text and the list of its files. */
export async function readNotification(db: Kysely<Database>, context: StaffContext, id: string): Promise<NotificationDetail> {
  const row = await visibleNotification(db, context, id);
  await recordPersonalDataRead(db, context, { action: 'notification.read', resourceType: 'notification', resourceId: id, centreId: row.centre_id });
  return presentDetail(row);
}

/** One attached file, as it was sent (a calendar file of an appointment). */
export async function readAttachment(db: Kysely<Database>, context: StaffContext, id: string, index: number): Promise<{ filename: string; contentType: string; content: string }> {
  const row = await visibleNotification(db, context, id);
  const file = row.attachments[index];
  if (!file) throw AppError.notFound('The file');
  await recordPersonalDataRead(db, context, {
    action: 'notification.attachment',
    resourceType: 'notification',
    resourceId: id,
    centreId: row.centre_id,
    details: { filename: file.filename },
  });
  return file;
}

/**
 * Sends a failed message again: back to the queue with a new delivery job, in one transaction with
 * its audit event. Only failed messages: a sent one is not sent twice by a click.
 */
export async function retryNotification(db: Kysely<Database>, context: StaffContext, id: string): Promise<NotificationDetail> {
  ensureHasOutbox(context.actor);
  const row = await findNotification(db, id);
  if (!row) throw AppError.notFound('The message');
  ensureCanRetry(context.actor, { centreId: row.centre_id });
  await db.transaction().execute(async (trx) => {
    if (!(await requeueFailedNotification(trx, id))) throw new AppError('conflict', 'Only a message that failed can be sent again');
    await enqueueJob(trx, { kind: DELIVER_NOTIFICATION_JOB, payload: { notificationId: id }, runAt: new Date() });
    await recordPersonalDataChange(trx, context, { action: 'notification.retry', resourceType: 'notification', resourceId: id, centreId: row.centre_id });
  });
  return presentDetail((await findNotification(db, id))!);
}

/** Counts of jobs by kind and status, failed jobs with their errors, and the last run of each recurring task. */
export async function jobsOverview(db: Kysely<Database>, context: StaffContext, now = new Date()): Promise<JobsOverview> {
  ensureCanReadJobs(context.actor);
  const [counts, overdue, failed, runs] = await Promise.all([countJobsByKindAndStatus(db), overdueJobs(db, now), recentFailedJobs(db, 50), lastRecurringRuns(db)]);
  const byTask = new Map(runs.map((run) => [run.task, run]));
  const names = [...new Set([...RECURRING_TASKS.map((task) => task.name), ...byTask.keys()])].sort();
  return {
    counts,
    overdue: { count: overdue.count, oldestRunAt: overdue.oldestRunAt?.toISOString() ?? null },
    failed: failed.map((job) => ({
      id: job.id,
      kind: job.kind,
      attempts: job.attempts,
      lastError: job.last_error,
      finishedAt: job.finished_at?.toISOString() ?? null,
      createdAt: job.created_at.toISOString(),
    })),
    recurring: names.map((name) => {
      const run = byTask.get(name);
      return {
        task: name,
        cron: RECURRING_TASKS.find((task) => task.name === name)?.cron ?? null,
        lastScheduledFor: run?.scheduled_for.toISOString() ?? null,
        lastFinishedAt: run?.finished_at?.toISOString() ?? null,
        lastError: run?.error ?? null,
        lastOutcome: (run?.outcome as Record<string, unknown> | null | undefined) ?? null,
      };
    }),
  };
}

async function visibleNotification(db: Kysely<Database>, context: StaffContext, id: string): Promise<NotificationRow> {
  ensureHasOutbox(context.actor);
  const row = await findNotification(db, id);
  if (!row) throw AppError.notFound('The message');
  ensureCanRead(context.actor, { centreId: row.centre_id });
  return row;
}

function presentSummary(row: NotificationRow): NotificationSummary {
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    locale: row.locale,
    template: row.template,
    status: row.status,
    centre: row.centre_id ? { id: row.centre_id, name: row.centre_name ?? '' } : null,
    about: row.subject_type ? { type: row.subject_type, id: row.subject_id } : null,
    renderedSubject: row.rendered_subject,
    provider: row.provider,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

function presentDetail(row: NotificationRow): NotificationDetail {
  return {
    ...presentSummary(row),
    renderedBody: row.rendered_body,
    renderedLocale: row.rendered_locale,
    providerMessageId: row.provider_message_id,
    params: row.params,
    attachments: row.attachments.map((file, index) => ({ index, filename: file.filename, contentType: file.contentType, size: Buffer.byteLength(file.content, 'utf8') })),
  };
}
