import { z } from 'zod';
import { DOCUMENT_TYPE_HINT, DOCUMENT_TYPE_PATTERN } from '../../../shared/document-types.js';

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

/** Any document type of the registry or the case file: passport, contract, payslip, proof_of_address… */
const DocumentType = z.string().trim().regex(DOCUMENT_TYPE_PATTERN, DOCUMENT_TYPE_HINT);

export const RetentionRuleInput = z.object({
  unitId: z.uuid().nullable().default(null).describe('Null: every unit (the network default when documentType is null too)'),
  documentType: DocumentType.nullable().default(null).describe('Null: the person as a whole; else a document type of the registry or the case file'),
  retainYears: z.int().min(1).max(100),
  note: z.string().trim().max(500).default(''),
});
export type RetentionRuleInput = z.infer<typeof RetentionRuleInput>;

export const RetentionRuleView = z.object({
  id: z.uuid(),
  unit: Place.extend({ centre: Place }).nullable(),
  documentType: z.string().nullable(),
  retainYears: z.int(),
  note: z.string(),
  updatedAt: z.iso.datetime(),
});
export type RetentionRuleView = z.infer<typeof RetentionRuleView>;

export const KnownDocumentType = z.object({
  type: z.string(),
  identity: z.boolean().describe('One of the registry\'s identity-document types'),
  casefileDocuments: z.int().describe('Documents of this type stored in case files now'),
  rules: z.int().describe('Retention rules naming this type'),
});
export type KnownDocumentType = z.infer<typeof KnownDocumentType>;

const ReportPerson = z.object({
  personId: z.uuid(),
  homeCentre: Place,
  lastActivityAt: z.iso.datetime(),
  retainYears: z.int(),
  dueSince: z.iso.datetime(),
});

/** Ids and places only: whoever sets retention (network administrators) reads no person's data. */
export const RetentionReport = z.object({
  asOf: z.iso.datetime(),
  defaultYears: z.int(),
  people: z.array(ReportPerson).describe('People the task would anonymise now'),
  heldBack: z.array(ReportPerson).describe('People past retention kept because an appointment or ticket is still open'),
  blockedByOpenActivity: z.int().describe('How many people are held back (the length of heldBack)'),
  documents: z.array(z.object({
    documentId: z.uuid(),
    personId: z.uuid(),
    store: z.enum(['identity', 'casefile']).describe('An identity document of the registry, or a document of the case file'),
    type: z.string(),
    unit: Place.extend({ centre: Place }).nullable().describe('The unit holding a case-file document'),
    retainYears: z.int(),
    dueSince: z.iso.datetime(),
  })).describe('Documents the task would delete now, past their own type\'s rule, of people who are otherwise kept'),
});
export type RetentionReport = z.infer<typeof RetentionReport>;
