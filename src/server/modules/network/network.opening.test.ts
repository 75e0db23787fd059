import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, effectiveDays, firstOverlap, isOpenAt, isoWeekday, localDateTime } from './network.opening.js';

describe('calendar arithmetic', () => {
  it('counts ISO weekdays and days across month and leap-year ends', () => {
    expect(isoWeekday('2026-01-05')).toBe(1); // a Monday
    expect(isoWeekday('2026-01-11')).toBe(7); // a Sunday
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the summer-time change
  });

  it('reads the wall clock of a centre in its own time zone', () => {
    const instant = new Date('2026-07-01T23:30:00Z');
    expect(localDateTime('Europe/Lisbon', instant)).toEqual({ date: '2026-07-02', time: '00:30' });
    expect(localDateTime('Atlantic/Azores', instant)).toEqual({ date: '2026-07-01', time: '23:30' });
  });
});

describe('overlapping intervals', () => {
  it('finds none in a day with a lunch break', () => {
    expect(firstOverlap([{ weekday: 1, opens: '09:00', closes: '12:30' }, { weekday: 1, opens: '14:00', closes: '17:30' }])).toBeUndefined();
  });

  it('allows one interval to start when the other closes, and the same hours on other days', () => {
    expect(firstOverlap([{ weekday: 1, opens: '09:00', closes: '12:00' }, { weekday: 1, opens: '12:00', closes: '13:00' }, { weekday: 2, opens: '09:00', closes: '12:00' }])).toBeUndefined();
  });

  it('names the later row of an overlapping pair, whatever the order sent', () => {
    const rows = [
      { weekday: 2, opens: '08:30', closes: '18:30' },
      { weekday: 3, opens: '14:00', closes: '15:00' },
      { weekday: 3, opens: '09:00', closes: '14:30' },
    ];
    expect(firstOverlap(rows)).toBe(2);
  });
});

describe('effective opening days', () => {
  const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '18:30' }));

  it('applies the weekly pattern and lets exceptions replace a day', () => {
    const days = effectiveDays(
      week,
      [
        { date: '2026-12-24', kind: 'special_hours', opens: '08:30', closes: '13:00', label: 'Christmas Eve' },
        { date: '2026-12-25', kind: 'holiday', opens: null, closes: null, label: 'Natal' },
      ],
      '2026-12-24',
      '2026-12-27',
    );
    expect(days.map((day) => [day.date, day.source, day.open, day.intervals.map((i) => `${i.opens}-${i.closes}`).join(',')])).toEqual([
      ['2026-12-24', 'special_hours', true, '08:30-13:00'],
      ['2026-12-25', 'holiday', false, ''],
      ['2026-12-26', 'week', false, ''],
      ['2026-12-27', 'week', false, ''],
    ]);
    expect(days[1]!.label).toBe('Natal');
  });

  it('knows whether a wall-clock time is inside the hours (closing time is outside)', () => {
    const [monday] = effectiveDays(week, [], '2026-01-05', '2026-01-05');
    expect(isOpenAt(monday!, '08:30')).toBe(true);
    expect(isOpenAt(monday!, '18:29')).toBe(true);
    expect(isOpenAt(monday!, '18:30')).toBe(false);
    expect(isOpenAt(monday!, '08:29')).toBe(false);
  });
});
