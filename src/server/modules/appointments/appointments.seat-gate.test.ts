import { describe, expect, it } from 'vitest';
import { SeatGate, seatsFreedOf, SingleFlight } from './appointments.seat-gate.js';

const slot = { serviceId: 'service-a', startsAt: Date.UTC(2030, 0, 15, 9) };
const sameServiceOtherTime = { serviceId: 'service-a', startsAt: Date.UTC(2030, 0, 15, 10) };
const otherService = { serviceId: 'service-b', startsAt: slot.startsAt };

function gateWithClock() {
  const clock = { now: 1_000 };
  return { clock, gate: new SeatGate(() => clock.now) };
}

describe('the seat gate', () => {
  it('remembers a full slot until the moment it was given, and not a moment longer', () => {
    const { clock, gate } = gateWithClock();
    gate.rememberFull(slot, 61_000, gate.epoch(slot.serviceId));
    expect(gate.isFull(slot)).toBe(true);
    expect(gate.isFull(sameServiceOtherTime)).toBe(false);
    expect(gate.isFull(otherService)).toBe(false);
    clock.now = 60_999;
    expect(gate.isFull(slot)).toBe(true);
    clock.now = 61_000;
    expect(gate.isFull(slot)).toBe(false);
    expect(gate.rememberedCount).toBe(0);
  });

  it('forgets one slot, or every slot of a service, at once', () => {
    const { gate } = gateWithClock();
    for (const one of [slot, sameServiceOtherTime, otherService]) gate.rememberFull(one, 100_000, gate.epoch(one.serviceId));
    gate.forget(slot.serviceId, slot.startsAt);
    expect([gate.isFull(slot), gate.isFull(sameServiceOtherTime), gate.isFull(otherService)]).toEqual([false, true, true]);
    gate.forget(slot.serviceId);
    expect([gate.isFull(slot), gate.isFull(sameServiceOtherTime), gate.isFull(otherService)]).toEqual([false, false, true]);
  });

  it('drops an answer the database gave before a seat of the service was freed', () => {
    const { gate } = gateWithClock();
    const asked = gate.epoch(slot.serviceId);
    // A cancel commits while the hold's statement is on its way back.
    gate.forget(slot.serviceId, slot.startsAt);
    gate.rememberFull(slot, 100_000, asked);
    expect(gate.isFull(slot)).toBe(false);
    gate.rememberFull(slot, 100_000, gate.epoch(slot.serviceId));
    expect(gate.isFull(slot)).toBe(true);
  });

  it('keeps nothing whose moment has already passed', () => {
    const { gate } = gateWithClock();
    gate.rememberFull(slot, 1_000, gate.epoch(slot.serviceId));
    expect(gate.isFull(slot)).toBe(false);
    expect(gate.rememberedCount).toBe(0);
  });

  it('runs work on one slot one at a time, in arrival order, and other slots alongside', async () => {
    const { gate } = gateWithClock();
    const log: string[] = [];
    let release!: () => void;
    const blocker = new Promise<void>((resolve) => (release = resolve));
    const first = gate.exclusive(slot, async () => {
      log.push('first starts');
      await blocker;
      log.push('first ends');
      return 1;
    });
    const second = gate.exclusive(slot, async () => {
      log.push('second');
      return 2;
    });
    const failing = gate.exclusive(slot, async () => {
      log.push('third fails');
      throw new Error('refused');
    });
    const fourth = gate.exclusive(slot, async () => {
      log.push('fourth');
      return 4;
    });
    const elsewhere = gate.exclusive(otherService, async () => {
      log.push('other slot');
      return 0;
    });
    await elsewhere;
    expect(log).toEqual(['first starts', 'other slot']);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    await expect(failing).rejects.toThrow('refused');
    expect(await fourth).toBe(4);
    expect(log).toEqual(['first starts', 'other slot', 'first ends', 'second', 'third fails', 'fourth']);
  });
});

describe('seats-freed events and shared reads', () => {
  it('reads only its own event type, with or without a slot', () => {
    expect(seatsFreedOf('appointments.seats_freed', { serviceId: 's', startsAt: '2030-01-15T09:00:00.000Z' })).toEqual({ serviceId: 's', startsAt: '2030-01-15T09:00:00.000Z' });
    expect(seatsFreedOf('appointments.seats_freed', { serviceId: 's', startsAt: null })).toEqual({ serviceId: 's', startsAt: null });
    expect(seatsFreedOf('appointments.checked_in', { serviceId: 's' })).toBeUndefined();
    expect(seatsFreedOf('appointments.seats_freed', {})).toBeUndefined();
  });

  it('shares one read among calls made while it runs, and reads again afterwards', async () => {
    const reads = new SingleFlight<number>();
    let count = 0;
    let finish!: (value: number) => void;
    const read = () => {
      count++;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const together = [reads.run('k', read), reads.run('k', read), reads.run('k', read)];
    finish(7);
    expect(await Promise.all(together)).toEqual([7, 7, 7]);
    expect(count).toBe(1);
    const later = reads.run('k', read);
    finish(8);
    expect(await later).toBe(8);
    expect(count).toBe(2);
  });
});
