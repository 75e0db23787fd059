import type { Localised, TodaysTicket } from '../phoneline/phone-api.js';

/** "My procedures" (docs/appointments.md): what the person sees of their own bookings and tickets. */

export interface MyBooking {
  reference: string;
  secret: string | null;
  state: 'held' | 'booked' | 'checked_in' | 'cancelled' | 'no_show' | 'expired';
  serviceNames: Localised;
  centreName: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
}

export interface MyProcedures {
  bookings: MyBooking[];
  tickets: TodaysTicket[];
  /** The case file's procedures with their person-visible status, in the asked language. */
  procedures: { id: string; serviceName: string; status: { key: string; label: string; final: boolean }; openedAt: string; updatedAt: string; steps: { label: string; at: string }[] }[];
  access: 'reference' | 'contact';
  expiresAt: string | null;
}

export type Access = { kind: 'reference'; reference: string; secret: string } | { kind: 'session'; session: string };

const SESSION_KEY = 'oneroof.my.session';

/** The session from a one-time link lives in this tab only, and only until it expires. */
export function storedSession(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

export function storeSession(session: string | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, session);
  else sessionStorage.removeItem(SESSION_KEY);
}

/** What the link in the hash carries: a booking's reference and secret, or a one-time token. Read once, then wiped from the address bar. */
export function takeHash(): { reference?: string; secret?: string; token?: string } {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const found = { reference: params.get('ref') ?? undefined, secret: params.get('secret') ?? undefined, token: params.get('token') ?? undefined };
  if (window.location.hash) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return found;
}
