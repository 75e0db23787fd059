import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database, NotificationAttachment, NotificationChannel } from '../db/types.js';
import { enqueueJob, type NewJob } from '../jobs/jobs.repo.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The job kind that delivers one notification; its handler lives with the providers. */
export const DELIVER_NOTIFICATION_JOB = 'notifications.deliver';

export interface NotificationRequest {
  channel: NotificationChannel;
  /** An e-mail address or a phone number in international form (+351…). */
  recipient: string;
  /** The person's language; the template falls back to the host language when it has no text in it. */
  locale: string;
  /** Template id, e.g. 'queue.you_are_next' (texts in locales/<lang>/notify-*.json). */
  template: string;
  params: Record<string, string | number>;
  attachments?: NotificationAttachment[];
  subject?: { type: string; id: string };
  centreId?: string | null;
  /** When to deliver; now by default (reminders are jobs of their own that request at their time). */
  deliverAt?: Date;
}

/**
 * Records a message to a person and schedules its delivery, in the caller's transaction: the
 * message exists exactly when the change it tells about commits.
 */
export async function requestNotification(db: Db, request: NotificationRequest): Promise<string> {
  const { notification, job } = notificationWrites(request);
  await db
    .insertInto('notifications')
    .values({ ...notification, params: JSON.stringify(notification.params), attachments: JSON.stringify(notification.attachments) })
    .execute();
  await enqueueJob(db, job);
  return notification.id;
}

/** The message's row (JSON columns as values) and its delivery job, for a caller that writes them in a statement of its own. */
export function notificationWrites(request: NotificationRequest) {
  const id = uuidv7();
  return {
    notification: {
      id,
      channel: request.channel,
      recipient: request.recipient,
      locale: request.locale,
      template: request.template,
      params: request.params,
      attachments: request.attachments ?? [],
      subject_type: request.subject?.type ?? null,
      subject_id: request.subject?.id ?? null,
      centre_id: request.centreId ?? null,
    },
    job: { kind: DELIVER_NOTIFICATION_JOB, payload: { notificationId: id }, runAt: request.deliverAt ?? new Date() } satisfies NewJob,
  };
}
