/**
 * When an appointment may be checked in (docs/appointments.md, "Check-in"): from
 * `opensMinutesBefore` before its start until `lateGraceMinutes` after it, both ends included.
 * Earlier is too early (come back later); later is missed (the appointment becomes a no-show).
 * Pure code, shared by check-in and the no-show sweep.
 */
export interface CheckInRules {
  opensMinutesBefore: number;
  lateGraceMinutes: number;
}

/** For a service whose policy row was removed after booking: the same defaults as migration 0009. */
export const DEFAULT_CHECKIN_RULES: CheckInRules = { opensMinutesBefore: 60, lateGraceMinutes: 15 };

const MINUTE_MS = 60_000;

export type Arrival =
  | { kind: 'early'; opensAt: Date }
  | { kind: 'in_time'; minutesLate: number }
  | { kind: 'missed'; closedAt: Date };

export function checkInOpensAt(startsAt: Date, rules: CheckInRules): Date {
  return new Date(startsAt.getTime() - rules.opensMinutesBefore * MINUTE_MS);
}

export function checkInClosesAt(startsAt: Date, rules: CheckInRules): Date {
  return new Date(startsAt.getTime() + rules.lateGraceMinutes * MINUTE_MS);
}

export function judgeArrival(startsAt: Date, rules: CheckInRules, now: Date): Arrival {
  const opensAt = checkInOpensAt(startsAt, rules);
  if (now < opensAt) return { kind: 'early', opensAt };
  const closedAt = checkInClosesAt(startsAt, rules);
  if (now > closedAt) return { kind: 'missed', closedAt };
  return { kind: 'in_time', minutesLate: Math.max(0, Math.floor((now.getTime() - startsAt.getTime()) / MINUTE_MS)) };
}
