import { z } from 'zod';
import { CalendarDate } from '../network/network.schemas.js';
import { StaffAppointmentView } from './appointments.schemas.js';

/** Shapes of the suspicious-patterns view (docs/appointments.md, "Suspicious patterns"). */

export const PatternKind = z.enum(['email', 'phone', 'address']);
export type PatternKind = z.infer<typeof PatternKind>;

const Threshold = (fallback: number) => z.coerce.number().int().min(1).max(10_000).default(fallback);

export const PatternQuery = z
  .object({
    centreId: z.uuid().optional().describe('One centre; all the centres one may read otherwise'),
    from: CalendarDate.describe('First day (UTC) the bookings or holds were made'),
    to: CalendarDate,
    minBookings: Threshold(5).describe('Show a contact or address with at least this many bookings…'),
    minHolds: Threshold(10).describe('…or this many holds never confirmed…'),
    minCancellations: Threshold(3).describe('…or this many cancellations'),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });
export type PatternQuery = z.infer<typeof PatternQuery>;

export const PatternRow = z.object({
  kind: PatternKind,
  key: z.string().describe('Opens the drill-down; for an address, the keyed hash (never the address)'),
  label: z.string().describe('The e-mail or phone as last written; for an address, a short fingerprint of its hash'),
  bookings: z.int(),
  holds: z.int().describe('Holds never confirmed'),
  cancellations: z.int(),
  noShows: z.int(),
  centres: z.int(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type PatternRow = z.infer<typeof PatternRow>;

export const PatternList = z.object({ items: z.array(PatternRow) });
export type PatternList = z.infer<typeof PatternList>;

export const PatternBookingsQuery = z
  .object({ kind: PatternKind, key: z.string().trim().min(3).max(320), centreId: z.uuid().optional(), from: CalendarDate, to: CalendarDate })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });
export type PatternBookingsQuery = z.infer<typeof PatternBookingsQuery>;

export const PatternBooking = StaffAppointmentView.extend({ serviceNames: z.record(z.string(), z.string()), centreName: z.string(), timeZone: z.string(), createdAt: z.string(), addressFingerprint: z.string().nullable() });
export const PatternBookings = z.object({ items: z.array(PatternBooking) });
export type PatternBookings = z.infer<typeof PatternBookings>;
