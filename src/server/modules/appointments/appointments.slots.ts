import { dayClock, minutesOf, timeOf } from './appointments.time.js';

/**
 * Slots as calendar arithmetic, with no database: a day's opening intervals cut into slots of the
 * service's length, each with the desks the capacity schedules give it. A slot lies wholly inside
 * one opening interval and wholly inside every schedule rule that counts towards its capacity.
 */

export interface OpenDay {
  date: string;
  /** ISO weekday: 1 is Monday. */
  weekday: number;
  intervals: { opens: string; closes: string }[];
}

export interface ScheduleRule {
  weekdays: number[];
  starts: string;
  ends: string;
  desks: number;
  validFrom: string;
  validTo: string | null;
}

export interface Slot {
  date: string;
  time: string;
  startsAt: Date;
  endsAt: Date;
  /** Desks serving the slot in parallel: its seats. */
  capacity: number;
}

function rulesOn(rules: readonly ScheduleRule[], day: OpenDay): ScheduleRule[] {
  return rules.filter((rule) => rule.weekdays.includes(day.weekday) && rule.validFrom <= day.date && (rule.validTo === null || day.date <= rule.validTo));
}

export function slotsOfDay(timeZone: string, day: OpenDay, rules: readonly ScheduleRule[], slotMinutes: number): Slot[] {
  // Each rule's hours as minutes once per day, not once per slot.
  const today = rulesOn(rules, day).map((rule) => ({ starts: minutesOf(rule.starts), ends: minutesOf(rule.ends), desks: rule.desks }));
  if (today.length === 0) return [];
  const instant = dayClock(timeZone, day.date);
  const slots: Slot[] = [];
  for (const interval of day.intervals) {
    const closes = minutesOf(interval.closes);
    for (let start = minutesOf(interval.opens); start + slotMinutes <= closes; start += slotMinutes) {
      const end = start + slotMinutes;
      let capacity = 0;
      for (const rule of today) if (rule.starts <= start && end <= rule.ends) capacity += rule.desks;
      if (capacity === 0) continue;
      slots.push({ date: day.date, time: timeOf(start), startsAt: new Date(instant(start)), endsAt: new Date(instant(end)), capacity });
    }
  }
  return slots;
}

/** Seats of a slot the public portal may take: the lowest-numbered ones. Phone and staff may take all. */
export function publicSeats(capacity: number, publicSharePercent: number): number {
  return Math.floor((capacity * publicSharePercent) / 100);
}
