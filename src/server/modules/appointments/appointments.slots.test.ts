import { describe, expect, it } from 'vitest';
import { publicSeats, slotsOfDay } from './appointments.slots.js';
import { instantAt } from './appointments.time.js';

describe('wall-clock times in a time zone', () => {
  it('follows daylight saving in Lisbon and has no offset games in Tokyo', () => {
    expect(instantAt('Europe/Lisbon', '2030-01-15', 9 * 60).toISOString()).toBe('2030-01-15T09:00:00.000Z');
    expect(instantAt('Europe/Lisbon', '2030-07-15', 9 * 60).toISOString()).toBe('2030-07-15T08:00:00.000Z');
    // The clocks go forward at 01:00 on 2030-03-31: 09:00 that day is already summer time.
    expect(instantAt('Europe/Lisbon', '2030-03-31', 9 * 60).toISOString()).toBe('2030-03-31T08:00:00.000Z');
    expect(instantAt('Asia/Tokyo', '2030-01-15', 9 * 60).toISOString()).toBe('2030-01-15T00:00:00.000Z');
    expect(instantAt('Europe/Lisbon', '2030-01-15', 24 * 60).toISOString()).toBe('2030-01-16T00:00:00.000Z');
  });
});

describe('slots of a day', () => {
  const day = { date: '2030-01-15', weekday: 2, intervals: [{ opens: '09:00', closes: '10:00' }, { opens: '14:00', closes: '15:10' }] };
  const rule = { weekdays: [2], starts: '09:00', ends: '24:00', desks: 2, validFrom: '2030-01-01', validTo: null };

  it('cuts each opening interval into whole slots', () => {
    const slots = slotsOfDay('Europe/Lisbon', day, [rule], 30);
    expect(slots.map((slot) => slot.time)).toEqual(['09:00', '09:30', '14:00', '14:30']);
    expect(slots[0]!.endsAt.toISOString()).toBe('2030-01-15T09:30:00.000Z');
  });

  it('adds the desks of every rule that covers the whole slot, on its weekdays and dates', () => {
    const extra = { weekdays: [2], starts: '09:15', ends: '10:00', desks: 3, validFrom: '2030-01-01', validTo: null };
    const expired = { ...rule, validTo: '2030-01-14' };
    const otherDay = { ...rule, weekdays: [3] };
    const slots = slotsOfDay('Europe/Lisbon', day, [rule, extra, expired, otherDay], 30);
    expect(slots.map((slot) => [slot.time, slot.capacity])).toEqual([['09:00', 2], ['09:30', 5], ['14:00', 2], ['14:30', 2]]);
    expect(slotsOfDay('Europe/Lisbon', day, [otherDay], 30)).toEqual([]);
  });

  it('keeps the staff share of small slots by rounding the public share down', () => {
    expect(publicSeats(1, 80)).toBe(0);
    expect(publicSeats(5, 80)).toBe(4);
    expect(publicSeats(3, 100)).toBe(3);
  });
});
