import { z } from 'zod';
import { KioskTicket } from '../queue/queue.public.schemas.js';
import { PriorityReasonsInput, VisitView } from '../queue/queue.schemas.js';
import { CalendarDate, TimeOfDay } from '../network/network.schemas.js';

export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().trim().min(8).max(128).optional().describe('Repeating a request with the same key returns the first answer'),
});
export type IdempotencyHeaders = z.infer<typeof IdempotencyHeaders>;

export const IdParams = z.object({ id: z.uuid() });
export const CentreServiceParams = z.object({ centreId: z.uuid(), serviceId: z.uuid() });

const EndOfDay = z.union([TimeOfDay, z.literal('24:00')]);
const Language = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "pt" or "uk"');
const Reference = z.string().trim().min(8).max(12).describe('The booking reference, e.g. "K7MX4Q2P"');
const Secret = z.string().min(16).max(64).describe('The secret of the booking link');
const Instant = z.iso.datetime({ offset: true, error: 'expected a date and time in ISO 8601, e.g. 2030-03-04T09:30:00Z' });

// ── Settings: capacity schedules and booking policy ──────────────────────────────────────────────

export const ScheduleRule = z
  .object({
    weekdays: z.array(z.int().min(1).max(7)).min(1).max(7).refine((days) => new Set(days).size === days.length, 'lists a weekday twice'),
    starts: TimeOfDay,
    ends: EndOfDay,
    desks: z.int().min(1).max(200).describe('Desks serving the service in parallel: seats per slot'),
    validFrom: CalendarDate,
    validTo: CalendarDate.nullable().default(null),
  })
  .refine((rule) => rule.starts < rule.ends, { path: ['ends'], message: 'must be after the start' })
  .refine((rule) => rule.validTo === null || rule.validFrom <= rule.validTo, { path: ['validTo'], message: 'must not be before validFrom' });
export type ScheduleRule = z.infer<typeof ScheduleRule>;

export const BookingPolicy = z
  .object({
    slotMinutes: z.int().min(5).max(480).nullable().default(null).describe("Slot length; the service's typical duration when null"),
    publicSharePercent: z.int().min(0).max(100).describe('Share of each slot the public portal may book'),
    earliestDays: z.int().min(0).max(365).describe('First bookable day, counted from today (0 = today)'),
    latestDays: z.int().min(0).max(366),
    holdMinutes: z.int().min(1).max(60),
    maxActivePerContact: z.int().min(1).max(20),
    releaseWindowMinutes: z.int().min(0).max(1440).describe('A cancelled seat returns to the pool at a random moment within this window'),
    checkinOpensMinutesBefore: z.int().min(0).max(720).default(60).describe('Check-in opens this many minutes before the appointment'),
    lateGraceMinutes: z.int().min(0).max(240).default(15).describe('Check-in stays open this many minutes after the start; later, the appointment is missed'),
  })
  .refine((policy) => policy.earliestDays <= policy.latestDays, { path: ['latestDays'], message: 'must not be before earliestDays' });
export type BookingPolicy = z.infer<typeof BookingPolicy>;

export const BookingSettings = z.object({
  policy: BookingPolicy.nullable().describe('null: the service cannot be booked'),
  schedules: z.array(ScheduleRule).max(100),
});
export type BookingSettings = z.infer<typeof BookingSettings>;

export const BookingSettingsView = z.object({ serviceId: z.uuid(), policy: BookingPolicy.nullable(), schedules: z.array(ScheduleRule) });
export type BookingSettingsView = z.infer<typeof BookingSettingsView>;

// ── Availability (public, counts only) ───────────────────────────────────────────────────────────

export const AvailabilityQuery = z.object({ from: CalendarDate, to: CalendarDate }).refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;

export const AvailabilityView = z.object({
  centreId: z.uuid(),
  serviceId: z.uuid(),
  timeZone: z.string(),
  slotMinutes: z.int(),
  days: z.array(z.object({ date: z.string(), slots: z.array(z.object({ startsAt: z.string(), time: z.string(), free: z.int() })) })),
});
export type AvailabilityView = z.infer<typeof AvailabilityView>;

// ── Booking ──────────────────────────────────────────────────────────────────────────────────────

export const HoldInput = z.object({
  serviceId: z.uuid(),
  startsAt: Instant,
  altcha: z.string().max(8000).optional().describe('The solved proof-of-work challenge (base64, from GET /public/appointments/challenge), when required'),
});
export type HoldInput = z.infer<typeof HoldInput>;

export const HoldView = z.object({ holdId: z.uuid(), centreId: z.uuid(), serviceId: z.uuid(), startsAt: z.string(), endsAt: z.string(), expiresAt: z.string() });
export type HoldView = z.infer<typeof HoldView>;

export const Contact = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: z.email().max(254).nullish(),
    phone: z.string().trim().regex(/^\+?[\d\s().-]{6,30}$/, 'expected a phone number').nullish(),
    language: Language,
  })
  .refine((contact) => Boolean(contact.email || contact.phone), { path: ['email'], message: 'give an email address or a phone number' });
export type Contact = z.infer<typeof Contact>;

export const ConfirmInput = z.object({ contact: Contact });
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const AppointmentState = z.enum(['held', 'booked', 'checked_in', 'cancelled', 'no_show', 'expired']);

/** What the person sees through their link: no one else's data, and not even their own contact. */
export const PublicAppointmentView = z.object({
  reference: z.string(),
  state: AppointmentState,
  centreId: z.uuid(),
  serviceId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  language: z.string().nullable(),
});
export type PublicAppointmentView = z.infer<typeof PublicAppointmentView>;

export const BookingConfirmation = z.object({
  reference: z.string(),
  secret: z.string().describe('Goes into the link the person keeps; shown once, stored only as a hash'),
  appointment: PublicAppointmentView,
});
export type BookingConfirmation = z.infer<typeof BookingConfirmation>;

export const SecretInput = z.object({ reference: Reference, secret: Secret });
export type SecretInput = z.infer<typeof SecretInput>;

export const RescheduleInput = SecretInput.extend({ startsAt: Instant });
export type RescheduleInput = z.infer<typeof RescheduleInput>;

// ── Staff ────────────────────────────────────────────────────────────────────────────────────────

export const StaffBookingInput = z.object({
  serviceId: z.uuid(),
  startsAt: Instant,
  channel: z.enum(['phone', 'staff']),
  contact: Contact,
  personId: z.uuid().nullish().describe('The person of the registry the booking is for (people.read on their home centre)'),
});
export type StaffBookingInput = z.infer<typeof StaffBookingInput>;

export const StaffAppointmentView = z.object({
  id: z.uuid(),
  reference: z.string(),
  state: AppointmentState,
  channel: z.enum(['public', 'phone', 'staff']),
  centreId: z.uuid(),
  serviceId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), language: z.string().nullable() }),
  bookedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  ticketId: z.uuid().nullable().describe('The queue ticket the appointment became at check-in'),
  personId: z.uuid().nullable().describe('The person of the registry it was booked for, when known'),
  cancelReason: z.string().nullable().describe('Why staff cancelled it'),
});
export type StaffAppointmentView = z.infer<typeof StaffAppointmentView>;

export const StaffBookingResult = z.object({ appointment: StaffAppointmentView, secret: z.string().describe('For the confirmation sent to the person') });
export type StaffBookingResult = z.infer<typeof StaffBookingResult>;

export const DayQuery = z.object({ day: CalendarDate });
export const ReferenceParams = z.object({ reference: Reference });
export const MoveInput = z.object({ startsAt: Instant });

// ── Check-in into the queue ──────────────────────────────────────────────────────────────────────

export const CheckInInput = z
  .object({
    centreId: z.uuid().describe('The centre where the person is now'),
    reference: Reference.optional(),
    appointmentId: z.uuid().optional().describe('Instead of the reference, when staff picked the booking from the day list'),
    priorityReasons: PriorityReasonsInput.describe('What reception saw at arrival (pregnancy, disability…): the ticket goes before others as for a walk-in with those reasons'),
    interpreterNeeded: z.boolean().default(false).describe('The counter is told the person needs an interpreter'),
  })
  .refine((input) => Boolean(input.reference) !== Boolean(input.appointmentId), { path: ['reference'], message: 'give either the reference or the appointment id' });
export type CheckInInput = z.infer<typeof CheckInInput>;

export const CheckInResult = z.object({
  appointment: StaffAppointmentView,
  visit: VisitView.describe("The queue visit; its first ticket carries the appointment's due time"),
  minutesLate: z.int().describe('0 when the person came in time'),
  alreadyCheckedIn: z.boolean().describe('true when this repeats an earlier check-in: the same ticket is returned'),
});
export type CheckInResult = z.infer<typeof CheckInResult>;

export const KioskCheckInInput = z.object({ reference: Reference });
export type KioskCheckInInput = z.infer<typeof KioskCheckInInput>;

/** What the kiosk prints after a check-in: the kiosk's ticket, and the booking it came from. */
export const KioskCheckIn = KioskTicket.extend({
  reference: z.string(),
  startsAt: z.string().describe('The appointment time'),
  minutesLate: z.int(),
  alreadyCheckedIn: z.boolean().describe('true when this repeats an earlier check-in: the same ticket again'),
});
export type KioskCheckIn = z.infer<typeof KioskCheckIn>;
