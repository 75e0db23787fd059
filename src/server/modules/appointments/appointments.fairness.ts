import { createHash, hkdfSync, randomInt } from 'node:crypto';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';
import { clientAddressHash } from './appointments.address.js';

/**
 * Fair public booking (docs/appointments.md, "Fairness"): a proof-of-work challenge that costs a
 * person's phone a second and a reseller's bot farm real money, per-address limits shared by every
 * instance through the database, and a keyed hash of the address kept on holds and bookings.
 */

const CHALLENGE_MINUTES = 10;
const ALGORITHM = 'SHA-256';

async function keyFor(config: Config, purpose: string): Promise<string> {
  const master = config.booking.altchaHmacKey ? Buffer.from(config.booking.altchaHmacKey) : await secretBoxKey(config.dataDir);
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `oneroof ${purpose}`, 32)).toString('hex');
}

/**
 * A signed challenge in deterministic mode: the server picks the number the browser must find, so
 * checking an answer is one HMAC instead of a search.
 */
export async function createBookingChallenge(config: Config): Promise<{ parameters: Record<string, unknown> & Challenge['parameters']; signature?: string }> {
  const challenge = await createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(config.booking.altchaMaxNumber),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
    hmacSignatureSecret: await keyFor(config, 'altcha signature'),
    hmacKeySignatureSecret: await keyFor(config, 'altcha key signature'),
  });
  return { parameters: { ...challenge.parameters }, signature: challenge.signature };
}

const AltchaPayload = z.object({
  challenge: z.object({ parameters: z.looseObject({ nonce: z.string(), expiresAt: z.number().optional() }), signature: z.string().min(16) }),
  solution: z.object({ counter: z.int().min(0), derivedKey: z.string().max(256), time: z.number().optional() }),
});

function refused(message: string): AppError {
  return AppError.invalid([{ path: 'altcha', message }], 'The check that you are a person did not pass; please try again');
}

/**
 * Checks the browser's solved challenge and spends it: one solved challenge opens one request, even
 * when several instances share the database (the spent list is a table, kept until expiry).
 */
export async function spendProofOfWork(db: Kysely<Database>, config: Config, encoded: string | undefined): Promise<void> {
  if (!config.booking.altchaRequired) return;
  if (!encoded) throw refused('is required');
  let payload: z.infer<typeof AltchaPayload>;
  try {
    payload = AltchaPayload.parse(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
  } catch {
    throw refused('is not a solved challenge');
  }
  const result = await verifySolution({
    challenge: payload.challenge as unknown as Challenge,
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: await keyFor(config, 'altcha signature'),
    hmacKeySignatureSecret: await keyFor(config, 'altcha key signature'),
  });
  if (result.expired) throw refused('has expired');
  if (!result.verified) throw refused('is not a valid solution');
  const expiresAt = new Date((payload.challenge.parameters.expiresAt ?? Date.now() / 1000 + CHALLENGE_MINUTES * 60) * 1000);
  await db.deleteFrom('altcha_spent_challenges').where('expires_at', '<', sql<Date>`now()`).execute();
  const spent = await db
    .insertInto('altcha_spent_challenges')
    .values({ challenge_hash: createHash('sha256').update(payload.challenge.signature).digest('hex'), expires_at: expiresAt })
    .onConflict((conflict) => conflict.column('challenge_hash').doNothing())
    .returning('challenge_hash')
    .executeTakeFirst();
  if (!spent) throw refused('was already used');
}

/**
 * The keyed hash stored on public holds, bookings and waiting-list entries: the same one the
 * suspicious-pattern view and "my procedures" use, so one address is one fingerprint everywhere.
 */
export async function publicClientAddressHash(config: Config, address: string | null | undefined): Promise<string | null> {
  if (!address) return null;
  return clientAddressHash(await secretBoxKey(config.dataDir), address);
}

export type PublicBookingAction = 'availability' | 'challenge' | 'hold' | 'confirm' | 'link' | 'waitlist';

/** Requests per address and 10 minutes, relative to the configured limit for writes. */
const LIMIT_FACTOR: Record<PublicBookingAction, number> = { availability: 8, challenge: 2, hold: 1, confirm: 1, link: 1, waitlist: 0.5 };
const WINDOW_SECONDS = 600;

/**
 * Counts one request of an address in the current fixed window (one upsert, shared by every
 * instance) and refuses with 429 and Retry-After once the window's limit is passed.
 */
export async function enforceRateLimit(db: Kysely<Database>, config: Config, action: PublicBookingAction, addressHash: string | null): Promise<void> {
  const limit = Math.max(1, Math.floor(config.booking.rateLimitPer10Minutes * LIMIT_FACTOR[action]));
  const now = Date.now();
  const windowStart = new Date(Math.floor(now / (WINDOW_SECONDS * 1000)) * WINDOW_SECONDS * 1000);
  const expiresAt = new Date(windowStart.getTime() + WINDOW_SECONDS * 1000);
  const row = await db
    .insertInto('rate_limit_windows')
    .values({ bucket: `booking:${action}:${addressHash ?? 'unknown'}`, window_start: windowStart, expires_at: expiresAt })
    .onConflict((conflict) => conflict.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limit_windows.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  // Now and then, the window that just ended is swept (cheap: an index on expires_at).
  if (row.hits === 1) await db.deleteFrom('rate_limit_windows').where('expires_at', '<', new Date(now - WINDOW_SECONDS * 1000)).execute();
  if (row.hits > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000));
    throw new AppError('rate_limited', 'Too many booking requests from this connection; please wait a few minutes and try again', { retryAfterSeconds });
  }
}
