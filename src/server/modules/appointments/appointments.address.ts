import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Client addresses are personal data: only a keyed hash is stored (so the hashes of the whole
 * address space cannot be precomputed without the server's key), and staff see a short fingerprint
 * of it. The public portal stores `client_address_hash` on holds and bookings with this function.
 */
export function clientAddressHash(masterKey: Buffer, address: string | null): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'oneroof client address', 32));
  return createHmac('sha256', key).update(address ?? 'unknown').digest('hex');
}

/** What staff see of an address hash: enough to tell two apart, nothing to get the address back. */
export function addressFingerprint(hash: string): string {
  return `${hash.slice(0, 4)}-${hash.slice(4, 8)}`.toUpperCase();
}

/** A keyed hash of a normalised contact, for counting requests without storing who made them. */
export function contactHash(masterKey: Buffer, contactKey: string): string {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'oneroof access contact', 32));
  return createHmac('sha256', key).update(contactKey).digest('hex');
}
