import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { writeRealtimeEvent } from '../../realtime/events.js';

/**
 * What one process knows about public slots while a crowd books them (docs/appointments.md, "Under a
 * surge"). The database stays the only authority on seats; this only saves it work:
 *
 * - Holds of one slot in this process go one at a time (`exclusive`). They would queue on the seat's
 *   row lock in the database anyway; here the ones behind learn the outcome of the one ahead without
 *   a round trip.
 * - A slot the database has just reported full is remembered as full until the earliest moment one
 *   of its public seats can be free again: the first hold on it runs out, a cancelled seat's release
 *   moment comes, and never later than the service's hold length from when the database was asked.
 *   Holds of a remembered slot are refused at once with the 409 the database would give.
 *
 * A slot wrongly believed free is still refused by the database. A slot wrongly believed full can only
 * be one whose seat was freed early — a cancellation or move, or new capacity — and those are
 * forgotten here right after their commit (`forget`), in other processes when the realtime event
 * `appointments.seats_freed` reaches them. A memory that missed its event lasts at most until the
 * moment computed above, so a seat is never refused for longer than a hold on it could last.
 */

/** Remembered slots per database before expired ones are swept (and all dropped, if still too many). */
const MAX_REMEMBERED = 20_000;

export interface SlotRef {
  serviceId: string;
  /** The slot's start, ms since the epoch. */
  startsAt: number;
}

export class SeatGate {
  /** Slot → until when (on `clock`) it is known to be full. */
  private readonly full = new Map<string, number>();
  /** Slot → the end of its queue of holds in this process. */
  private readonly queues = new Map<string, Promise<void>>();
  /** Service → how many times its slots were forgotten: an answer read before a forget is not kept. */
  private readonly epochs = new Map<string, number>();

  /** `clock` is monotonic milliseconds: full-until moments must not move with the wall clock. */
  constructor(readonly clock: () => number = () => performance.now()) {}

  isFull(slot: SlotRef): boolean {
    const key = keyOf(slot);
    const until = this.full.get(key);
    if (until === undefined) return false;
    if (until > this.clock()) return true;
    this.full.delete(key);
    return false;
  }

  /** Runs `work` after every earlier call for the same slot in this process has finished. */
  async exclusive<T>(slot: SlotRef, work: () => Promise<T>): Promise<T> {
    const key = keyOf(slot);
    const ahead = this.queues.get(key);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = ahead ? ahead.then(() => mine) : mine;
    this.queues.set(key, tail);
    try {
      if (ahead) await ahead;
      return await work();
    } finally {
      done();
      if (this.queues.get(key) === tail) this.queues.delete(key);
    }
  }

  /** Taken before asking the database; `rememberFull` keeps the answer only if no forget came between. */
  epoch(serviceId: string): number {
    return this.epochs.get(serviceId) ?? 0;
  }

  /** The database said the slot's public seats are all taken until `until` (on `clock`) at the earliest. */
  rememberFull(slot: SlotRef, until: number, epoch: number): void {
    if (epoch !== this.epoch(slot.serviceId) || until <= this.clock()) return;
    if (this.full.size >= MAX_REMEMBERED) this.sweep();
    this.full.set(keyOf(slot), until);
  }

  /** A seat of the slot (or, without `startsAt`, of any slot of the service) may be free again. */
  forget(serviceId: string, startsAt?: number): void {
    this.epochs.set(serviceId, this.epoch(serviceId) + 1);
    if (startsAt !== undefined) {
      this.full.delete(keyOf({ serviceId, startsAt }));
      return;
    }
    const prefix = `${serviceId} `;
    for (const key of this.full.keys()) if (key.startsWith(prefix)) this.full.delete(key);
  }

  get rememberedCount(): number {
    return this.full.size;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, until] of this.full) if (until <= now) this.full.delete(key);
    // Forgetting only costs speed: the database answers again.
    if (this.full.size >= MAX_REMEMBERED) this.full.clear();
  }
}

function keyOf(slot: SlotRef): string {
  return `${slot.serviceId} ${slot.startsAt}`;
}

// One gate per database handle: tests and benchmarks run several databases in one process.
const gates = new WeakMap<object, SeatGate>();

export function seatGateOf(db: object): SeatGate {
  let gate = gates.get(db);
  if (!gate) {
    gate = new SeatGate();
    gates.set(db, gate);
  }
  return gate;
}

/** Lets a test drive the gate's clock. */
export function useSeatGate(db: object, gate: SeatGate): void {
  gates.set(db, gate);
}

/** The realtime event that tells every process a slot's seat, or a service's slots, may be free again. */
export const SEATS_FREED_EVENT = 'appointments.seats_freed';

export interface SeatsFreedPayload {
  serviceId: string;
  /** ISO instant of the slot; null when the whole service changed (new capacity or policy). */
  startsAt: string | null;
}

/** Reads an `appointments.seats_freed` payload; undefined for anything else. */
export function seatsFreedOf(type: string, payload: Record<string, unknown>): SeatsFreedPayload | undefined {
  if (type !== SEATS_FREED_EVENT || typeof payload.serviceId !== 'string') return undefined;
  return { serviceId: payload.serviceId, startsAt: typeof payload.startsAt === 'string' ? payload.startsAt : null };
}

/** Concurrent calls with the same key share one promise: reads many requests need at the same moment. */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, read: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = read().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}

/**
 * In the transaction that frees a seat (a cancel or move) or changes a service's capacity: the
 * realtime event that reaches every process once it commits (`startsAt` null: the whole service).
 */
export async function announceSeatsFreed(trx: Kysely<Database>, place: { centreId: string; serviceId: string; startsAt: Date | null }): Promise<void> {
  const payload: SeatsFreedPayload = { serviceId: place.serviceId, startsAt: place.startsAt?.toISOString() ?? null };
  await writeRealtimeEvent(trx, { type: SEATS_FREED_EVENT, centreId: place.centreId, payload: { ...payload } });
}

/** After that commit, in the process that made it: forgets at once, without waiting for the event. */
export function forgetFullSlots(db: object, freed: { serviceId: string; startsAt: Date | null }[]): void {
  const gate = seatGateOf(db);
  for (const { serviceId, startsAt } of freed) gate.forget(serviceId, startsAt?.getTime());
}
