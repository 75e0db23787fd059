import { z } from 'zod';

const flag = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((value) => value === 'true');

/** What an auditor narrows the journal to; the same filter drives the list and the CSV export. */
export const AuditEventFilter = z.object({
  /** Inclusive lower bound on the time of the event. */
  from: z.iso.datetime({ offset: true, error: 'expected a date and time such as 2025-05-01T00:00:00Z' }).optional(),
  /** Exclusive upper bound. */
  to: z.iso.datetime({ offset: true, error: 'expected a date and time such as 2025-05-02T00:00:00Z' }).optional(),
  /** A staff member's id or username (the name as it was when the event was written). */
  actor: z.string().trim().min(1).max(120).optional(),
  /** Start of the action: "auth." or "auth.login". */
  action: z.string().trim().toLowerCase().min(1).max(120).regex(/^[a-z0-9_.]+$/, 'expected an action such as auth.login or a start such as auth.').optional(),
  resourceType: z.string().trim().min(1).max(60).optional(),
  resourceId: z.string().trim().min(1).max(200).optional(),
  centreId: z.uuid('expected the id of a centre').optional(),
  personalDataOnly: flag.optional(),
  breakGlassOnly: flag.optional(),
});
export type AuditEventFilter = z.infer<typeof AuditEventFilter>;

export const AuditEventListQuery = AuditEventFilter.extend({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventListQuery = z.infer<typeof AuditEventListQuery>;

export const AuditEventView = z.object({
  id: z.string(),
  at: z.string().describe('ISO 8601, UTC'),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  centre: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  personalData: z.boolean(),
  breakGlass: z.boolean(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventPage = z.object({
  items: z.array(AuditEventView),
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditEventPage = z.infer<typeof AuditEventPage>;
