import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeArrival } from './appointments.checkin-window.js';

const START = new Date('2030-03-04T10:00:00Z');
const RULES = { opensMinutesBefore: 30, lateGraceMinutes: 10 };
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

describe('check-in window', () => {
  it('is open from the opening minute to the last minute of grace, both included', () => {
    expect(judgeArrival(START, RULES, at(-31))).toEqual({ kind: 'early', opensAt: at(-30) });
    expect(judgeArrival(START, RULES, at(-30))).toEqual({ kind: 'in_time', minutesLate: 0 });
    expect(judgeArrival(START, RULES, at(0))).toEqual({ kind: 'in_time', minutesLate: 0 });
    expect(judgeArrival(START, RULES, at(7.5))).toEqual({ kind: 'in_time', minutesLate: 7 });
    expect(judgeArrival(START, RULES, at(10))).toEqual({ kind: 'in_time', minutesLate: 10 });
    expect(judgeArrival(START, RULES, at(10.01))).toEqual({ kind: 'missed', closedAt: at(10) });
  });

  it('gives every moment exactly one answer, in the order early → in time → missed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 240 }), fc.integer({ min: -1000, max: 1000 }), (before, grace, offset) => {
        const kind = judgeArrival(START, { opensMinutesBefore: before, lateGraceMinutes: grace }, at(offset)).kind;
        expect(kind).toBe(offset < -before ? 'early' : offset > grace ? 'missed' : 'in_time');
      }),
    );
  });
});
