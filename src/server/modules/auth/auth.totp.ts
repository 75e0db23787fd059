import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { openSecret, sealSecret, secretBoxKey } from './auth.secret-box.js';

/** RFC 6238 defaults, the ones every authenticator app understands. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** A phone clock a little ahead or behind still works: one step either side. */
const DRIFT_STEPS = 1;
export const TOTP_ISSUER = 'OneRoof';
/** Purpose name for the secret box: sealed TOTP seeds open only as TOTP seeds. */
export const TOTP_SECRET_PURPOSE = 'totp-secret';

function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** Seals a seed for one staff member's row, with the data folder's key. */
export async function sealTotpSecret(dataDir: string, staffId: string, secretBase32: string): Promise<string> {
  return sealSecret(await secretBoxKey(dataDir), TOTP_SECRET_PURPOSE, staffId, secretBase32);
}

/** The seed of a staff member's row, or undefined when it does not open with this data folder's key. */
export async function openTotpSecret(dataDir: string, staffId: string, sealed: string): Promise<string | undefined> {
  return openSecret(await secretBoxKey(dataDir), TOTP_SECRET_PURPOSE, staffId, sealed);
}

/** A new random seed (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The time step a code belongs to when it is right for now (± one step), or undefined. Callers store
 * the step and refuse codes of that step or older, so a code works only once.
 */
export function matchTotpCode(secretBase32: string, code: string, now = Date.now()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const totp = totpFor(secretBase32);
  const delta = totp.validate({ token, timestamp: now, window: DRIFT_STEPS });
  if (delta === null) return undefined;
  return totp.counter({ timestamp: now }) + delta;
}

/** The code an authenticator app shows at that moment (tests and the enrolment screen's checks). */
export function totpCodeAt(secretBase32: string, timestamp = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp });
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
  qrCodeDataUrl: string;
}

/** What the enrolment screen shows: the seed to type, the otpauth:// link and a QR code of it. */
export async function describeEnrolment(secretBase32: string, accountLabel: string): Promise<TotpEnrolment> {
  const uri = totpFor(secretBase32, accountLabel).toString();
  const qrCodeDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret: secretBase32, uri, qrCodeDataUrl };
}
