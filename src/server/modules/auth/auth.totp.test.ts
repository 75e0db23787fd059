import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret, SECRET_KEY_FILE, secretBoxKey } from './auth.secret-box.js';
import { describeEnrolment, matchTotpCode, newTotpSecret, openTotpSecret, sealTotpSecret, totpCodeAt } from './auth.totp.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const STEP_MS = 30_000;

describe('TOTP codes', () => {
  it('accepts the code of the current step and of one step either side, and returns its absolute step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }), fc.integer({ min: -1, max: 1 }), (now, drift) => {
        const code = totpCodeAt(SECRET, now + drift * STEP_MS);
        const step = matchTotpCode(SECRET, code, now);
        // A code can repeat across steps by chance; the step found is then one of those within the window.
        expect(step).toBeDefined();
        expect(Math.abs(step! - Math.floor(now / STEP_MS))).toBeLessThanOrEqual(1);
        if (step !== Math.floor(now / STEP_MS) + drift) expect(totpCodeAt(SECRET, step! * STEP_MS)).toBe(code);
      }),
    );
  });

  it('refuses a code two steps or more away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 }), fc.constantFrom(-3, -2, 2, 3), (now, drift) => {
        const code = totpCodeAt(SECRET, now + drift * STEP_MS);
        const windowCodes = [-1, 0, 1].map((d) => totpCodeAt(SECRET, now + d * STEP_MS));
        fc.pre(!windowCodes.includes(code));
        expect(matchTotpCode(SECRET, code, now)).toBeUndefined();
      }),
    );
  });

  it('accepts a code typed with a space and refuses anything that is not six digits', () => {
    const now = 1_700_000_000_000;
    const code = totpCodeAt(SECRET, now);
    expect(matchTotpCode(SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(Math.floor(now / STEP_MS));
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(matchTotpCode(SECRET, bad, now)).toBeUndefined();
  });

  it('describes an enrolment with an otpauth link and a QR code image', async () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const enrolment = await describeEnrolment(secret, 'ana');
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/OneRoof:ana\?/);
    expect(new URL(enrolment.uri).searchParams.get('secret')).toBe(secret);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  });
});

describe('the secret box', () => {
  it('creates its key file once, readable by the owner only', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oneroof-keys-'));
    const key = await secretBoxKey(dataDir);
    const file = path.join(dataDir, SECRET_KEY_FILE);
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64').equals(key)).toBe(true);
  });

  it('opens what it sealed, for the same row only, and never stores the plaintext', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oneroof-keys-'));
    const sealed = await sealTotpSecret(dataDir, 'staff-1', SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(await openTotpSecret(dataDir, 'staff-1', sealed)).toBe(SECRET);
    expect(await openTotpSecret(dataDir, 'staff-2', sealed)).toBeUndefined();
  });

  it('does not open with another key, nor after tampering', async () => {
    const keyA = await secretBoxKey(await mkdtemp(path.join(os.tmpdir(), 'oneroof-keys-')));
    const keyB = await secretBoxKey(await mkdtemp(path.join(os.tmpdir(), 'oneroof-keys-')));
    const sealed = sealSecret(keyA, 'purpose', 'row', 'a secret');
    expect(openSecret(keyB, 'purpose', 'row', sealed)).toBeUndefined();
    expect(openSecret(keyA, 'other purpose', 'row', sealed)).toBeUndefined();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('another').toString('base64url');
    expect(openSecret(keyA, 'purpose', 'row', parts.join('.'))).toBeUndefined();
    expect(openSecret(keyA, 'purpose', 'row', 'JBSWY3DPEHPK3PXP')).toBeUndefined();
  });
});
