import { z } from 'zod';
import { PublicTicketView } from '../queue/queue.schemas.js';
import { CalendarDate } from '../network/network.schemas.js';
import { StaffAppointmentView } from './appointments.schemas.js';

/** Shapes of the phone line's API (docs/appointments.md, "Phone line"). */

const Localised = z.record(z.string(), z.string());

export const BookableService = z.object({
  serviceId: z.uuid(),
  centreId: z.uuid(),
  centreName: z.string(),
  unitId: z.uuid(),
  names: Localised,
  slotMinutes: z.int(),
  timeZone: z.string(),
});
export type BookableService = z.infer<typeof BookableService>;

export const ServiceParams = z.object({ serviceId: z.uuid() });
export const StaffAvailabilityQuery = z.object({ from: CalendarDate, to: CalendarDate }).refine((query) => query.from <= query.to, { path: ['to'], message: 'must not be before from' });
export type StaffAvailabilityQuery = z.infer<typeof StaffAvailabilityQuery>;

/** A booking shown on the phone line, with the names it needs to be read out. */
export const PersonBooking = StaffAppointmentView.extend({ serviceNames: Localised, centreName: z.string(), timeZone: z.string() });
export type PersonBooking = z.infer<typeof PersonBooking>;

export const TodaysTicket = PublicTicketView.extend({ publicCode: z.string().describe('Opens /t/:code'), centreId: z.uuid(), visitId: z.uuid() });
export type TodaysTicket = z.infer<typeof TodaysTicket>;

export const PersonAppointments = z.object({
  personId: z.uuid(),
  preferredLanguage: z.string().nullable(),
  bookings: z.array(PersonBooking).describe('Booked for this person, or with one of their contacts; newest appointment first'),
  tickets: z.array(TodaysTicket).describe("Today's tickets, with the place in line"),
});
export type PersonAppointments = z.infer<typeof PersonAppointments>;

export const CancellationInput = z.object({
  appointmentIds: z.array(z.uuid()).min(1).max(200).refine((ids) => new Set(ids).size === ids.length, 'lists a booking twice'),
  reason: z.string().trim().min(3, 'say why, in a few words').max(500),
});
export type CancellationInput = z.infer<typeof CancellationInput>;

export const CancellationResult = z.object({ items: z.array(StaffAppointmentView) });
export type CancellationResult = z.infer<typeof CancellationResult>;
