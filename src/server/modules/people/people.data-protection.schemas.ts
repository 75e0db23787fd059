import { z } from 'zod';
import { DOCUMENT_TYPES } from './people.schemas.js';

const Cursor = z.string().max(200).describe('The nextCursor of the previous page (opaque)');
const Place = z.object({ id: z.uuid(), name: z.string() });

export const TIMELINE_KINDS = [
  'visit.started',
  'ticket.issued',
  'ticket.called',
  'ticket.served',
  'ticket.transferred',
  'ticket.no_show',
  'ticket.cancelled',
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'appointment.checked_in',
  'appointment.no_show',
] as const;

export const TimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: Cursor.optional(),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineEntry = z.object({
  id: z.string().describe('Stable key of this moment'),
  at: z.iso.datetime(),
  kind: z.enum(TIMELINE_KINDS),
  centre: Place.extend({ timeZone: z.string() }),
  unit: Place.nullable(),
  service: z.object({ id: z.uuid(), names: z.record(z.string(), z.string()) }).nullable(),
  ticketNumber: z.string().nullable(),
  appointmentReference: z.string().nullable(),
  counter: z.string().nullable().describe('Counter label, for calls and services'),
  outcome: z.string().nullable().describe('The counter\'s outcome of a served ticket'),
  details: z.record(z.string(), z.unknown()).describe('origin/language of a visit; startsAt, from/to of an appointment'),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelinePage = z.object({ items: z.array(TimelineEntry), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

export const AccessReportQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AccessReportQuery = z.infer<typeof AccessReportQuery>;

export const AccessReportEntry = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  kind: z.enum(['read', 'change', 'other']),
  staff: z.object({ id: z.uuid().nullable(), name: z.string(), roles: z.array(z.string()) }),
  centre: Place.nullable(),
  unit: Place.nullable(),
  breakGlass: z.boolean(),
  reason: z.string().nullable(),
});
export type AccessReportEntry = z.infer<typeof AccessReportEntry>;

export const AccessReport = z.object({
  person: z.object({ id: z.uuid(), displayName: z.string(), homeCentre: Place }),
  generatedAt: z.iso.datetime(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(AccessReportEntry),
  truncated: z.boolean().describe('More events exist than the report holds; narrow the period'),
});
export type AccessReport = z.infer<typeof AccessReport>;

export const RetentionRuleInput = z.object({
  unitId: z.uuid().nullable().default(null).describe('Null: every unit (the network default when documentType is null too)'),
  documentType: z.enum(DOCUMENT_TYPES).nullable().default(null).describe('Null: the person as a whole'),
  retainYears: z.int().min(1).max(100),
  note: z.string().trim().max(500).default(''),
});
export type RetentionRuleInput = z.infer<typeof RetentionRuleInput>;

export const RetentionRuleView = z.object({
  id: z.uuid(),
  unit: Place.nullable(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  retainYears: z.int(),
  note: z.string(),
  updatedAt: z.iso.datetime(),
});
export type RetentionRuleView = z.infer<typeof RetentionRuleView>;

export const RetentionReport = z.object({
  asOf: z.iso.datetime(),
  defaultYears: z.int(),
  people: z.array(z.object({ personId: z.uuid(), homeCentreId: z.uuid(), lastActivityAt: z.iso.datetime(), retainYears: z.int(), dueSince: z.iso.datetime() })),
  blockedByOpenActivity: z.int().describe('People past retention kept because an appointment or ticket is still open'),
  documents: z.array(z.object({ documentId: z.uuid(), personId: z.uuid(), type: z.enum(DOCUMENT_TYPES), retainYears: z.int() })),
});
export type RetentionReport = z.infer<typeof RetentionReport>;
