import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.js';

/** Shapes and queries of the phone line (docs/appointments.md, "Phone line"). */

export type Localised = Record<string, string>;
export type AppointmentState = 'held' | 'booked' | 'checked_in' | 'cancelled' | 'no_show' | 'expired';

export interface StaffAppointment {
  id: string;
  reference: string;
  state: AppointmentState;
  channel: 'public' | 'phone' | 'staff';
  centreId: string;
  serviceId: string;
  startsAt: string;
  endsAt: string;
  contact: { name: string | null; email: string | null; phone: string | null; language: string | null };
  personId: string | null;
  cancelReason: string | null;
}

export interface PersonBooking extends StaffAppointment {
  serviceNames: Localised;
  centreName: string;
  timeZone: string;
}

export interface TodaysTicket {
  number: string;
  serviceNames: Localised;
  centreName: string;
  state: string;
  ahead: number | null;
  estimatedMinutes: number | null;
  counterLabel: string | null;
  publicCode: string;
  visitId: string;
}

export interface PersonAppointments {
  personId: string;
  preferredLanguage: string | null;
  bookings: PersonBooking[];
  tickets: TodaysTicket[];
}

export interface BookableService {
  serviceId: string;
  centreId: string;
  centreName: string;
  unitId: string;
  names: Localised;
  slotMinutes: number;
  timeZone: string;
}

export interface Availability {
  timeZone: string;
  days: { date: string; slots: { startsAt: string; time: string; free: number }[] }[];
}

export const nameIn = (names: Localised, language: string) => names[language] ?? names.pt ?? Object.values(names)[0] ?? '';

export const phoneKeys = {
  person: (personId: string) => ['phone', 'person', personId] as const,
  services: ['phone', 'bookable-services'] as const,
};

export const usePersonAppointments = (personId: string | undefined) =>
  useQuery({ queryKey: phoneKeys.person(personId ?? ''), queryFn: () => api.get<PersonAppointments>(`/api/v1/people/${personId}/appointments`), enabled: Boolean(personId) });

export const useBookableServices = () => useQuery({ queryKey: phoneKeys.services, queryFn: () => api.get<BookableService[]>('/api/v1/phone/bookable-services'), staleTime: 60_000 });

export const useStaffAvailability = (serviceId: string | null, from: string, to: string) =>
  useQuery({
    queryKey: ['phone', 'availability', serviceId, from, to],
    queryFn: () => api.get<Availability>(`/api/v1/phone/services/${serviceId}/availability${queryString({ from, to })}`),
    enabled: Boolean(serviceId),
  });

/** Today and a day n days later, as calendar dates (the server cuts the range to the bookable window). */
export function dayRange(days: number, now = new Date()): { from: string; to: string } {
  const from = now.toISOString().slice(0, 10);
  const to = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** The link that opens "my procedures" on the person's phone with this booking's reference and secret. */
export function myProceduresLink(reference: string, secret: string): string {
  return `${window.location.origin}/my#ref=${encodeURIComponent(reference)}&secret=${encodeURIComponent(secret)}`;
}

export const REFERENCE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;
export const normaliseReference = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');
