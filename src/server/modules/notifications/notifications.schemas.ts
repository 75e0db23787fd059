import { z } from 'zod';

export const NotificationStatus = z.enum(['queued', 'sent', 'held', 'failed', 'cancelled']);
export const NotificationChannel = z.enum(['email', 'sms']);

/** What staff narrow the outbox to; newest first, one page at a time. */
export const OutboxQuery = z.object({
  /** An e-mail address or phone number, matched whole, case-insensitive. */
  recipient: z.string().trim().min(3, 'expected an e-mail address or a phone number').max(320).optional(),
  centreId: z.uuid('expected the id of a centre').optional(),
  /** A template id or its start: "appointments." matches every appointment message. */
  template: z.string().trim().min(1).max(120).regex(/^[a-z0-9_.]+$/, 'expected a template such as appointments.confirmed').optional(),
  status: NotificationStatus.optional(),
  channel: NotificationChannel.optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.uuid('expected the nextCursor of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

export const NotificationIdParams = z.object({ id: z.uuid('expected the id of a message') });
export const AttachmentParams = NotificationIdParams.extend({ index: z.coerce.number().int().min(0).max(50) });

export const NotificationSummary = z.object({
  id: z.string(),
  channel: NotificationChannel,
  recipient: z.string(),
  locale: z.string(),
  template: z.string(),
  status: NotificationStatus,
  centre: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The record it tells about ('appointment', 'ticket', …), for staff to find it. */
  about: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  renderedSubject: z.string().nullable(),
  provider: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string().describe('ISO 8601, UTC'),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
export type NotificationSummary = z.infer<typeof NotificationSummary>;

export const NotificationDetail = NotificationSummary.extend({
  renderedBody: z.string().nullable(),
  /** The language the text was written in (the person's, or a fallback). */
  renderedLocale: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  attachments: z.array(z.object({ index: z.number(), filename: z.string(), contentType: z.string(), size: z.number() })),
});
export type NotificationDetail = z.infer<typeof NotificationDetail>;

export const OutboxPage = z.object({
  items: z.array(NotificationSummary),
  nextCursor: z.string().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

export const JobsOverview = z.object({
  counts: z.array(z.object({ kind: z.string(), status: z.string(), count: z.number() })),
  /** Pending jobs whose time has passed: a growing number means no runner is keeping up. */
  overdue: z.object({ count: z.number(), oldestRunAt: z.string().nullable() }),
  failed: z.array(z.object({ id: z.string(), kind: z.string(), attempts: z.number(), lastError: z.string().nullable(), finishedAt: z.string().nullable(), createdAt: z.string() })),
  recurring: z.array(
    z.object({
      task: z.string(),
      cron: z.string().nullable(),
      lastScheduledFor: z.string().nullable(),
      lastFinishedAt: z.string().nullable(),
      lastError: z.string().nullable(),
      lastOutcome: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export type JobsOverview = z.infer<typeof JobsOverview>;
