import { api, ApiError } from '../../app/api.js';
import type { KioskTicket } from './kiosk-api.js';

/**
 * Kiosk check-in (docs/appointments.md, "Check-in"): the booking reference typed on the kiosk's
 * keypad, typed by a hardware QR scanner into the focused field, or read by the camera.
 */

/** The keys of the keypad: the reference alphabet (no 0/O, no 1/I), letters then digits. */
export const REFERENCE_KEYS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.split('');
export const REFERENCE_LENGTH = 8;
const REFERENCE = /^[2-9A-HJ-NP-Z]{8}$/;

/**
 * The reference in what a scanner or a person typed: the reference itself (any case, spaces or
 * dashes), or the booking's whole manage link (`…/b/K7MX4Q2P#secret`) — the secret is dropped, it
 * never leaves the kiosk. Null when nothing looks like a reference.
 */
export function referenceFrom(scanned: string): string | null {
  const text = scanned.trim();
  const fromLink = /\/b\/([A-Za-z0-9-]{8,12})(?:[#?/]|$)/.exec(text);
  const candidate = (fromLink ? fromLink[1]! : text).toUpperCase().replace(/[\s-]/g, '');
  return REFERENCE.test(candidate) ? candidate : null;
}

/** Only the characters a reference can have, at most eight: what the field keeps as people type. */
export function keepReferenceCharacters(typed: string): string {
  return typed
    .toUpperCase()
    .split('')
    .filter((char) => REFERENCE_KEYS.includes(char))
    .join('')
    .slice(0, REFERENCE_LENGTH);
}

export interface KioskCheckIn extends KioskTicket {
  reference: string;
  startsAt: string;
  minutesLate: number;
  alreadyCheckedIn: boolean;
}

export const checkInAtKiosk = (centreId: string, token: string, reference: string) =>
  api.post<KioskCheckIn>(`/api/v1/public/kiosk/${centreId}/check-in`, { reference }, { 'x-device-token': token });

/** Why a check-in was refused, in the kiosk's plain words (the keys of locales/<lang>/kiosk.json). */
export type CheckInRefusal =
  | { kind: 'unknown' }
  | { kind: 'tooEarly'; time: string }
  | { kind: 'notToday'; date: string; time: string }
  | { kind: 'missed' }
  | { kind: 'cancelled' }
  | { kind: 'otherCentre'; centreName: string }
  | { kind: 'otherUnit' }
  | { kind: 'tooMany' }
  | { kind: 'failed' };

/**
 * Reads the API's refusal (docs/appointments.md, the check-in table): the field message says which
 * rule refused it; the centre's name and the opening time come from the answer.
 */
export function refusalOf(error: unknown): CheckInRefusal {
  if (!(error instanceof ApiError)) return { kind: 'failed' };
  if (error.status === 404 || error.status === 400) return { kind: 'unknown' };
  if (error.status === 429) return { kind: 'tooMany' };
  if (error.status !== 409) return { kind: 'failed' };
  const field = error.fields[0]?.message ?? '';
  const opens = /^check-in opens at (?:(\d{4}-\d{2}-\d{2}) )?(\d{1,2}:\d{2})$/.exec(field);
  if (opens) return opens[1] ? { kind: 'notToday', date: opens[1], time: opens[2]! } : { kind: 'tooEarly', time: opens[2]! };
  if (field === 'was missed') return { kind: 'missed' };
  if (field === 'was cancelled') return { kind: 'cancelled' };
  if (field === 'is booked at another centre') return { kind: 'otherCentre', centreName: /another centre: (.+)$/.exec(error.message)?.[1] ?? '' };
  if (field === 'is not served at this kiosk') return { kind: 'otherUnit' };
  return { kind: 'failed' };
}
