import { sql } from 'kysely';
import { z } from 'zod';
import { defineJobHandler, PermanentJobError } from '../jobs/jobs.types.js';
import { describeError } from '../jobs/recurring.js';
import { DELIVER_NOTIFICATION_JOB } from './notifications.request.js';
import { providerFor } from './providers.js';
import { renderTemplate, TemplateError } from './templates.js';

/**
 * Delivers one notification: writes it in the person's language (falling back to the host language,
 * then English), stores the text, and hands it to the channel's provider — or keeps it `held` in the
 * outbox when none is configured. No transaction is open while a provider is called.
 */
export const deliverNotification = defineJobHandler({
  kind: DELIVER_NOTIFICATION_JOB,
  payload: z.object({ notificationId: z.uuid() }),
  // Mail servers and gateways recover in minutes: 1, 2, 4, 8 minutes.
  retryDelayMs: (attempts) => Math.min(60_000 * 2 ** (attempts - 1), 3600_000),
  async run(deps, { notificationId }, job) {
    const { db, config } = deps;
    const notification = await db.selectFrom('notifications').selectAll().where('id', '=', notificationId).executeTakeFirst();
    if (!notification) throw new PermanentJobError(`Notification ${notificationId} does not exist`);
    // Already delivered, held or cancelled: a repeated job does nothing.
    if (notification.status !== 'queued') return;

    let rendered;
    try {
      rendered = renderTemplate(notification, config.hostLanguage);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      await db
        .updateTable('notifications')
        .set({ status: 'failed', last_error: error.message, attempts: sql`attempts + 1`, updated_at: sql`now()` })
        .where('id', '=', notificationId)
        .execute();
      throw new PermanentJobError(error.message);
    }
    await db
      .updateTable('notifications')
      .set({ rendered_subject: rendered.subject, rendered_body: rendered.body, rendered_locale: rendered.locale, attempts: sql`attempts + 1`, updated_at: sql`now()` })
      .where('id', '=', notificationId)
      .execute();

    const provider = providerFor(notification.channel, config);
    try {
      const result = await provider.send({
        id: notification.id,
        channel: notification.channel,
        recipient: notification.recipient,
        subject: rendered.subject,
        body: rendered.body,
        attachments: notification.attachments,
      });
      await db
        .updateTable('notifications')
        .set({
          status: result.status,
          provider: result.provider,
          provider_message_id: result.providerMessageId,
          last_error: null,
          sent_at: result.status === 'sent' ? sql<Date>`now()` : null,
          updated_at: sql`now()`,
        })
        .where('id', '=', notificationId)
        .where('status', '=', 'queued')
        .execute();
    } catch (error) {
      // The last attempt marks the message failed for staff; before that it stays queued for a retry.
      const last = job.attempts >= job.maxAttempts;
      await db
        .updateTable('notifications')
        .set({ status: last ? 'failed' : 'queued', provider: provider.name, last_error: describeError(error), updated_at: sql`now()` })
        .where('id', '=', notificationId)
        .where('status', '=', 'queued')
        .execute();
      throw error;
    }
  },
});
