import { api, queryString } from '../../app/api.js';

/** Shapes of the public booking API (docs/appointments.md, "API" and "Portal"). */

export interface PortalCentre {
  id: string;
  name: string;
  timeZone: string;
  address: { street: string; postalCode: string; city: string };
}

export interface PortalService {
  code: string;
  names: Record<string, string>;
  group: string;
  typicalMinutes: number;
  requiredDocuments: { names: Record<string, string> }[];
  offers: { centreId: string; serviceId: string }[];
}

export interface Catalogue {
  centres: PortalCentre[];
  services: PortalService[];
}

export interface FreeSlot {
  startsAt: string;
  time: string;
  free: number;
}

export interface Availability {
  timeZone: string;
  slotMinutes: number;
  days: { date: string; slots: FreeSlot[] }[];
}

export interface Hold {
  holdId: string;
  centreId: string;
  serviceId: string;
  startsAt: string;
  endsAt: string;
  expiresAt: string;
}

export interface Booking {
  reference: string;
  state: 'held' | 'booked' | 'checked_in' | 'cancelled' | 'no_show' | 'expired';
  centreId: string;
  serviceId: string;
  startsAt: string;
  endsAt: string;
  language: string | null;
}

export interface Contact {
  name: string;
  email?: string;
  phone?: string;
  language: string;
}

export const fetchCatalogue = () => api.get<Catalogue>('/api/v1/public/booking/catalogue');

export const fetchAvailability = (centreId: string, serviceId: string, from: string, to: string) =>
  api.get<Availability>(`/api/v1/public/centres/${centreId}/services/${serviceId}/availability${queryString({ from, to })}`);

export const holdTime = (serviceId: string, startsAt: string, altcha: string | undefined, idempotencyKey: string) =>
  api.post<Hold>('/api/v1/public/appointments/holds', { serviceId, startsAt, altcha }, { 'idempotency-key': idempotencyKey });

export const confirmHold = (holdId: string, contact: Contact, idempotencyKey: string) =>
  api.post<{ reference: string; secret: string; appointment: Booking }>(`/api/v1/public/appointments/holds/${holdId}/confirm`, { contact }, { 'idempotency-key': idempotencyKey });

export const viewBooking = (reference: string, secret: string) => api.post<Booking>('/api/v1/public/appointments/view', { reference, secret });
export const moveBooking = (reference: string, secret: string, startsAt: string) => api.post<Booking>('/api/v1/public/appointments/reschedule', { reference, secret, startsAt });
export const cancelBooking = (reference: string, secret: string) => api.post<Booking>('/api/v1/public/appointments/cancel', { reference, secret });

export const joinWaitlist = (input: { centreId: string; serviceId: string; contact: Contact; fromDate: string; toDate: string; altcha?: string }) =>
  api.post<{ id: string; secret: string; expiresAt: string }>('/api/v1/public/appointments/waitlist', input);
export const leaveWaitlist = (id: string, secret: string) => api.post<{ left: true }>('/api/v1/public/appointments/waitlist/leave', { id, secret });

export const nameIn = (names: Record<string, string>, language: string) => names[language] ?? names.pt ?? Object.values(names)[0] ?? '';

/** The person's link to their booking: the secret after '#', so it never reaches a server log. */
export const manageUrl = (reference: string, secret: string) => `${window.location.origin}/b/${reference}#${secret}`;

/** Today in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
