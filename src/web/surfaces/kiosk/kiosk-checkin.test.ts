import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.js';
import { keepReferenceCharacters, referenceFrom, refusalOf } from './kiosk-checkin.js';

describe('the reference a scanner or a person typed', () => {
  it('takes the reference alone, in any case, with spaces or dashes', () => {
    expect(referenceFrom('K7MX4Q2P')).toBe('K7MX4Q2P');
    expect(referenceFrom(' k7mx-4q2p\n')).toBe('K7MX4Q2P');
  });

  it('takes the reference out of the whole manage link and drops the secret', () => {
    expect(referenceFrom('https://oneroof.example.pt/b/K7MX4Q2P#s3cr3t-secret-value-0123456789')).toBe('K7MX4Q2P');
    expect(referenceFrom('http://127.0.0.1:3380/b/k7mx4q2p')).toBe('K7MX4Q2P');
  });

  it('refuses what cannot be a reference (ambiguous letters, wrong length, other links)', () => {
    expect(referenceFrom('K7MX4Q2O')).toBeNull();
    expect(referenceFrom('K7MX4Q2')).toBeNull();
    expect(referenceFrom('https://example.org/t/ABCDEFGHJK')).toBeNull();
    expect(referenceFrom('')).toBeNull();
  });

  it('keeps only reference characters while typing, at most eight', () => {
    expect(keepReferenceCharacters('k7 mx-4q2p9999')).toBe('K7MX4Q2P');
    expect(keepReferenceCharacters('O0I1')).toBe('');
  });
});

describe('why the kiosk refused a check-in', () => {
  const conflict = (message: string, field: string) => new ApiError(409, 'conflict', message, [{ path: 'body.reference', message: field }]);

  it('tells too early today from another day', () => {
    expect(refusalOf(conflict('Too early: check-in for this appointment opens at 09:10', 'check-in opens at 09:10'))).toEqual({ kind: 'tooEarly', time: '09:10' });
    expect(refusalOf(conflict('Too early: …', 'check-in opens at 2026-12-01 09:10'))).toEqual({ kind: 'notToday', date: '2026-12-01', time: '09:10' });
  });

  it('tells missed, cancelled, another centre (with its name) and another unit', () => {
    expect(refusalOf(conflict('The appointment was missed: …', 'was missed'))).toEqual({ kind: 'missed' });
    expect(refusalOf(conflict('This booking was cancelled', 'was cancelled'))).toEqual({ kind: 'cancelled' });
    expect(refusalOf(conflict('This booking is for another centre: Loja Porto', 'is booked at another centre'))).toEqual({ kind: 'otherCentre', centreName: 'Loja Porto' });
    expect(refusalOf(conflict('…', 'is not served at this kiosk'))).toEqual({ kind: 'otherUnit' });
  });

  it('answers an unknown or malformed reference alike, and anything else as a plain failure', () => {
    expect(refusalOf(new ApiError(404, 'not_found', 'The booking was not found'))).toEqual({ kind: 'unknown' });
    expect(refusalOf(new ApiError(400, 'validation_failed', 'bad'))).toEqual({ kind: 'unknown' });
    expect(refusalOf(new ApiError(0, 'network', 'network'))).toEqual({ kind: 'failed' });
    expect(refusalOf(new Error('x'))).toEqual({ kind: 'failed' });
  });
});
