import { z } from 'zod';
import { AlertContactInput } from './queue.alerts.schemas.js';

export const PRIORITY_REASONS = ['disability', 'pregnancy', 'elderly', 'small_children', 'emergency'] as const;

/** Why a person goes before others (docs/queue.md, "Ordering"): each reason once. */
export const PriorityReasonsInput = z
  .array(z.enum(PRIORITY_REASONS))
  .max(5)
  .default([])
  .refine((reasons) => new Set(reasons).size === reasons.length, 'lists a reason twice');
export const TICKET_STATES = ['pending', 'waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred', 'cancelled'] as const;
export const OUTCOMES = ['resolved', 'referred', 'missing_documents', 'not_resolved'] as const;

export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

// Loose: the other headers (cookie, CSRF token) must stay on the request for the hooks that read them.
export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().trim().min(8).max(128).optional().describe('Repeating a request with the same key returns the first answer'),
});
export type IdempotencyHeaders = z.infer<typeof IdempotencyHeaders>;

const LocalisedText = z.record(z.string(), z.string());
const Language = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "pt" or "uk"');

export const VisitInput = z.object({
  centreId: z.uuid(),
  personId: z.uuid().nullable().optional().describe('The person, when registered; omit to serve anonymously'),
  language: Language,
  purpose: z.string().trim().max(2000).default('').describe('What the person needs, in the host language'),
  interpreterNeeded: z.boolean().default(false),
  priorityReasons: PriorityReasonsInput,
  serviceIds: z.array(z.uuid()).min(1).max(5).refine((ids) => new Set(ids).size === ids.length, 'lists a service twice').describe('Services in the order the person goes to them'),
  appointmentDueAt: z.iso.datetime({ offset: true }).nullable().optional().describe('Due time of a checked-in appointment for the first service'),
  alert: AlertContactInput.optional().describe('"You are next" by SMS or e-mail, with the person\'s consent (docs/queue.md)'),
});
export type VisitInput = z.infer<typeof VisitInput>;

export const CounterRef = z.object({ id: z.uuid(), label: z.string() });

export const TicketView = z.object({
  id: z.uuid(),
  visitId: z.uuid(),
  centreId: z.uuid(),
  unitId: z.uuid(),
  serviceId: z.uuid(),
  serviceNames: LocalisedText,
  number: z.string(),
  visitOrder: z.number().int(),
  state: z.enum(TICKET_STATES),
  priorityClass: z.enum(['normal', 'priority', 'emergency']),
  appointmentDueAt: z.string().nullable(),
  issuedAt: z.string(),
  queuedAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  callCount: z.number().int(),
  counter: CounterRef.nullable(),
  outcome: z.string().nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

export const VisitView = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  publicCode: z.string().describe('Opens the virtual queue at /t/:code; printed as a QR code'),
  personId: z.uuid().nullable(),
  language: z.string(),
  purpose: z.string(),
  interpreterNeeded: z.boolean(),
  priorityReasons: z.array(z.enum(PRIORITY_REASONS)),
  origin: z.enum(['reception', 'kiosk', 'appointment']),
  createdAt: z.string(),
  tickets: z.array(TicketView),
});
export type VisitView = z.infer<typeof VisitView>;

export const TicketDetail = z.object({
  ticket: TicketView,
  visit: VisitView.omit({ tickets: true }),
  notes: z.array(z.object({ kind: z.string(), at: z.string(), note: z.string() })).describe('Notes left by earlier counters (transfers, parking)'),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const CounterStateView = z.object({
  counterId: z.uuid(),
  label: z.string(),
  unitId: z.uuid(),
  centreId: z.uuid(),
  state: z.enum(['open', 'paused', 'closed']),
  staffId: z.uuid().nullable(),
  since: z.string().nullable(),
  activeTicket: TicketView.nullable(),
});
export type CounterStateView = z.infer<typeof CounterStateView>;

export const CallNextResult = z.object({ ticket: TicketView.nullable().describe('null when nobody is waiting: not an error') });
export type CallNextResult = z.infer<typeof CallNextResult>;

export const EndInput = z.object({ outcome: z.enum(OUTCOMES), note: z.string().trim().max(1000).optional() });
export type EndInput = z.infer<typeof EndInput>;

export const TransferInput = z.object({
  serviceId: z.uuid().describe('A live service of the same centre, of this or another unit'),
  note: z.string().trim().min(1).max(1000).describe('What the next counter needs to know'),
});
export type TransferInput = z.infer<typeof TransferInput>;

export const NoteInput = z.object({ note: z.string().trim().max(1000).optional() });
export type NoteInput = z.infer<typeof NoteInput>;

export const ResumeInput = z.object({ counterId: z.uuid().describe('The counter that calls the parked ticket back') });
export type ResumeInput = z.infer<typeof ResumeInput>;

export const WaitingTicket = TicketView.extend({
  waitedMinutes: z.number().int(),
  ahead: z.number().int(),
  estimatedMinutes: z.number().int().nullable().describe('null when no open counter serves the service'),
});
export type WaitingTicket = z.infer<typeof WaitingTicket>;

export const CounterQueueView = z.object({
  counter: CounterStateView,
  waiting: z.array(WaitingTicket),
  parked: z.array(TicketView).describe("Today's parked tickets of the counter's services: resume calls one back"),
});
export type CounterQueueView = z.infer<typeof CounterQueueView>;

export const PublicTicketParams = z.object({ code: z.string().regex(/^[A-HJ-NP-Z2-9]{10}$/, 'is not a ticket code') });
export type PublicTicketParams = z.infer<typeof PublicTicketParams>;

export const PublicTicketView = z.object({
  number: z.string(),
  serviceNames: LocalisedText,
  centreName: z.string(),
  language: z.string(),
  state: z.enum(TICKET_STATES),
  ahead: z.number().int().nullable(),
  estimatedMinutes: z.number().int().nullable(),
  counterLabel: z.string().nullable().describe('Where to go, once called'),
  calledAt: z.string().nullable(),
  nextServices: z.array(LocalisedText).describe('Services of the same visit still to come'),
});
export type PublicTicketView = z.infer<typeof PublicTicketView>;

export const QueuePolicyView = z.object({
  unitId: z.uuid(),
  priorityHeadStartMinutes: z.number().int().min(0).max(480),
  emergencyHeadStartMinutes: z.number().int().min(0).max(480),
  appointmentHeadStartMinutes: z.number().int().min(0).max(480),
  appointmentEarlyMinutes: z.number().int().min(0).max(120),
  appointmentLateGraceMinutes: z.number().int().min(0).max(120).describe('Checked in more than this many minutes after the appointment: queued as a walk-in'),
  noShowAfterCalls: z.number().int().min(1).max(10),
  notifyWhenAhead: z.number().int().min(0).max(20).describe('"You are next" goes out when at most this many tickets are ahead'),
});
export type QueuePolicyView = z.infer<typeof QueuePolicyView>;
export const QueuePolicyInput = QueuePolicyView.omit({ unitId: true }).extend({
  notifyWhenAhead: QueuePolicyView.shape.notifyWhenAhead.optional(),
  appointmentLateGraceMinutes: QueuePolicyView.shape.appointmentLateGraceMinutes.optional(),
});
export type QueuePolicyInput = z.infer<typeof QueuePolicyInput>;

export const ReportQuery = z.object({ day: z.iso.date().describe("The centre's local day, YYYY-MM-DD") });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ReportRow = z.object({
  level: z.enum(['centre', 'unit', 'service']),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  serviceId: z.uuid().nullable(),
  serviceNames: LocalisedText.nullable(),
  visits: z.number().int(),
  tickets: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int(),
  transferredOut: z.number().int(),
  waitP50Minutes: z.number().nullable(),
  waitP90Minutes: z.number().nullable(),
  serviceMeanMinutes: z.number().nullable(),
  serviceP50Minutes: z.number().nullable(),
  serviceP90Minutes: z.number().nullable(),
  appointments: z.number().int().describe('Appointments due that day that were booked (checked in, not come or still booked)'),
  appointmentsCheckedIn: z.number().int(),
  appointmentNoShows: z.number().int().describe('Appointments the person did not come to (late past the window, or swept after the day)'),
  appointmentsCancelled: z.number().int(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const DailyReport = z.object({ centreId: z.uuid(), day: z.string(), timeZone: z.string(), rows: z.array(ReportRow) });
export type DailyReport = z.infer<typeof DailyReport>;
