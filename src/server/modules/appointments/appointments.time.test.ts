import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekday } from '../network/network.opening.js';
import { slotsOfDay, type OpenDay, type ScheduleRule, type Slot } from './appointments.slots.js';
import { instantAt, minutesOf, offsetMinutes, timeOf } from './appointments.time.js';

/**
 * The offset cache and the faster slot cutting must give exactly what the plain code gave: the
 * reference below is that code (Intl asked for every offset, rule times parsed for every slot).
 */

const referenceFormatters = new Map<string, Intl.DateTimeFormat>();

function referenceOffsetMinutes(timeZone: string, instant: number): number {
  let formatter = referenceFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    referenceFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

function referenceInstantAt(timeZone: string, date: string, minutes: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const first = wall - referenceOffsetMinutes(timeZone, wall) * 60_000;
  const second = wall - referenceOffsetMinutes(timeZone, first) * 60_000;
  return new Date(second);
}

function referenceSlotsOfDay(timeZone: string, day: OpenDay, rules: readonly ScheduleRule[], slotMinutes: number): Slot[] {
  const today = rules.filter((rule) => rule.weekdays.includes(day.weekday) && rule.validFrom <= day.date && (rule.validTo === null || day.date <= rule.validTo));
  if (today.length === 0) return [];
  const slots: Slot[] = [];
  for (const interval of day.intervals) {
    const closes = minutesOf(interval.closes);
    for (let start = minutesOf(interval.opens); start + slotMinutes <= closes; start += slotMinutes) {
      const end = start + slotMinutes;
      const capacity = today.filter((rule) => minutesOf(rule.starts) <= start && end <= minutesOf(rule.ends)).reduce((sum, rule) => sum + rule.desks, 0);
      if (capacity === 0) continue;
      slots.push({ date: day.date, time: timeOf(start), startsAt: referenceInstantAt(timeZone, day.date, start), endsAt: referenceInstantAt(timeZone, day.date, end), capacity });
    }
  }
  return slots;
}

/**
 * Zones with every kind of change: Europe's one hour at 01:00 UTC, the southern hemisphere, a
 * half-hour change (Lord Howe), quarter-hour offsets (Chatham, Kathmandu), a two-hour change (Troll),
 * Ireland's "negative" summer time, Morocco's Ramadan suspensions, zones without changes.
 */
const ZONES = [
  'Europe/Lisbon',
  'Atlantic/Azores',
  'Europe/Dublin',
  'America/New_York',
  'America/Sao_Paulo',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Antarctica/Troll',
  'Africa/Casablanca',
  'Asia/Tokyo',
  'UTC',
];

/** Days whose clock changes (the offset at the day's start and end differ), from the reference. */
function changeDays(timeZone: string, from: string, to: string): string[] {
  const days: string[] = [];
  for (let offset = 0, count = daysBetween(from, to); offset <= count; offset++) {
    const date = addDays(from, offset);
    if (referenceInstantAt(timeZone, date, 24 * 60).getTime() - referenceInstantAt(timeZone, date, 0).getTime() !== 86_400_000) days.push(date);
  }
  return days;
}

describe('the offset cache', () => {
  it('answers every minute of every clock-change day of 2026–2028 exactly as Intl does', () => {
    let compared = 0;
    for (const zone of ZONES) {
      // Brazil's clocks last changed in 2019, at midnight: a day without 00:00.
      const days = zone === 'America/Sao_Paulo' ? changeDays(zone, '2016-01-01', '2019-12-31') : changeDays(zone, '2026-01-01', '2028-12-31');
      if (!['Asia/Tokyo', 'UTC', 'Asia/Kathmandu'].includes(zone)) expect(days.length, zone).toBeGreaterThan(0);
      for (const date of days) {
        for (let minutes = 0; minutes <= 24 * 60; minutes++) {
          expect(instantAt(zone, date, minutes).getTime(), `${zone} ${date} ${timeOf(minutes)}`).toBe(referenceInstantAt(zone, date, minutes).getTime());
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('gives the offset Intl gives at any instant from 1850 to 2100, to the second around changes', () => {
    const zone = fc.constantFrom(...ZONES);
    const instant = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(zone, instant, (timeZone, at) => {
        expect(offsetMinutes(timeZone, at)).toBe(referenceOffsetMinutes(timeZone, at));
      }),
      { numRuns: 3000 },
    );
    // Around each change of 2030 in Lisbon: every second from a minute before to a minute after.
    for (const date of changeDays('Europe/Lisbon', '2030-01-01', '2030-12-31')) {
      const change = referenceInstantAt('Europe/Lisbon', date, 2 * 60).getTime() - 3_600_000;
      for (let at = change - 60_000; at <= change + 60_000; at += 500) expect(offsetMinutes('Europe/Lisbon', at)).toBe(referenceOffsetMinutes('Europe/Lisbon', at));
    }
  });
});

describe('slot cutting', () => {
  const time = fc.integer({ min: 0, max: 24 * 12 }).map((fives) => timeOf(fives * 5));
  const rule = fc.record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    starts: time,
    ends: time,
    desks: fc.integer({ min: 1, max: 4 }),
    validFrom: fc.constantFrom('2025-01-01', '2026-03-29', '2030-06-01'),
    validTo: fc.constantFrom(null, '2026-03-29', '2031-12-31'),
  });
  const interval = fc.tuple(time, time).map(([a, b]) => (a <= b ? { opens: a, closes: b } : { opens: b, closes: a }));
  // Clock-change days of Lisbon, Lord Howe and Santiago, and ordinary ones.
  const dates = [...changeDays('Europe/Lisbon', '2026-01-01', '2031-12-31'), '2026-01-15', '2027-07-04', '2030-02-28', '2031-12-31'];
  const zonesAndDates = fc.oneof(
    fc.constantFrom(...dates).map((date) => ({ zone: 'Europe/Lisbon', date })),
    fc.constantFrom(...changeDays('Australia/Lord_Howe', '2026-01-01', '2027-12-31')).map((date) => ({ zone: 'Australia/Lord_Howe', date })),
    fc.constantFrom(...changeDays('America/Santiago', '2026-01-01', '2027-12-31')).map((date) => ({ zone: 'America/Santiago', date })),
  );

  it('cuts the same slots as before on random schedules, on ordinary and clock-change days', () => {
    fc.assert(
      fc.property(zonesAndDates, fc.array(rule, { maxLength: 4 }), fc.array(interval, { minLength: 1, maxLength: 3 }), fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 90), ({ zone, date }, rules, intervals, slotMinutes) => {
        const day = { date, weekday: isoWeekday(date), intervals };
        expect(slotsOfDay(zone, day, rules, slotMinutes)).toEqual(referenceSlotsOfDay(zone, day, rules, slotMinutes));
      }),
      { numRuns: 1500 },
    );
  });
});
