import { createHash, createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';

/** Booking references: no 0/O and no 1/I, so they survive being read out on the phone. */
export const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const REFERENCE_LENGTH = 8;
export const REFERENCE_PATTERN = /^[2-9A-HJ-NP-Z]{8}$/;

export function newReference(): string {
  let reference = '';
  for (let i = 0; i < REFERENCE_LENGTH; i++) reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return reference;
}

/** A reference as people type it: any case, with spaces or dashes. */
export function normaliseReference(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * The secret of a booking's link, derived from the server's key and the appointment id. Deriving it
 * (rather than storing it) lets a retried confirm answer with the same link while the database keeps
 * only its hash.
 */
export function bookingSecret(masterKey: Buffer, appointmentId: string): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'oneroof booking link', 32));
  return createHmac('sha256', key).update(appointmentId).digest('base64url').slice(0, 32);
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// Compared against when a reference does not exist, so both failures take the same work.
const UNKNOWN_HASH = secretHash('no booking has this secret');

/** Constant-time: a stored hash (or none, for an unknown reference) against the secret sent. */
export function secretMatches(storedHash: string | null | undefined, secret: string): boolean {
  const expected = Buffer.from(storedHash ?? UNKNOWN_HASH, 'hex');
  const actual = Buffer.from(secretHash(secret), 'hex');
  return timingSafeEqual(expected, actual) && storedHash != null;
}

/**
 * Email in lower case without a "+tag" (ana+1@… and ana+2@… reach one mailbox); phone as its digits
 * (a leading + kept, 00 read as +): what the per-contact limit compares.
 */
export function emailKey(email: string | null | undefined): string | null {
  if (!email) return null;
  const [local = '', domain = ''] = email.trim().toLowerCase().split(/@(?=[^@]*$)/);
  return domain ? `${local.replace(/\+.*$/, '')}@${domain}` : local;
}

export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '').replace(/^00/, '+');
  return digits.length >= 6 ? digits : null;
}
