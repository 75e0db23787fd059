/**
 * Waiting-time estimates (docs/queue.md, "Estimates"): a small simulation of the rest of the day's
 * queue instead of `position × mean / counters`. Counters that are open are free when their current
 * ticket is expected to end; the waiting tickets are handed, in the order they will be called
 * (`plannedOrder`: checked-in appointments already counted with the head start they get when due),
 * to the first counter that can serve them and is free earliest, each taking its own service's
 * expected time at a counter (call to end). The time a ticket is handed over is its estimated call time.
 */

const MINUTE_MS = 60_000;

/** How many recent services of a service at a centre the expected duration is taken from. */
export const SERVICE_TIME_SAMPLE = 20;
/** Fewer samples than this: the service's typical duration is used instead. */
export const SERVICE_TIME_MIN_SAMPLES = 3;
/** Share of the samples dropped at each end before averaging (a forgotten "end" click, a mistake). */
export const SERVICE_TIME_TRIM = 0.1;

/** The mean of the samples once the shortest and longest tenth are dropped; the typical duration when samples are few. */
export function expectedServiceMinutes(recentMinutes: readonly number[], typicalMinutes: number): number {
  if (recentMinutes.length < SERVICE_TIME_MIN_SAMPLES) return typicalMinutes;
  const sorted = [...recentMinutes].sort((a, b) => a - b);
  const drop = Math.floor(sorted.length * SERVICE_TIME_TRIM);
  const kept = sorted.slice(drop, sorted.length - drop);
  return kept.reduce((sum, value) => sum + value, 0) / kept.length;
}

export interface EstimateCounter {
  id: string;
  serviceIds: readonly string[];
  /** The service of the ticket it holds (called or serving) and since when, if any. */
  busy: { serviceId: string; since: Date } | null;
  /** A paused counter on a planned break: when it is back. Absent for an open counter. */
  backAt?: Date | null;
  /** Its planned breaks still to come today, in time order (see `afterBreaks`). */
  breaks?: readonly PlannedBreak[];
}

export interface PlannedBreak {
  from: Date;
  to: Date;
}

/**
 * When a counter that finishes at `at` can take the next ticket: a counter free during one of its
 * planned breaks is away until the break's end; a ticket started before the break is served to
 * its end first (nobody is sent away at the counter), so the break is then shorter, not moved.
 */
export function afterBreaks(at: number, breaks: readonly PlannedBreak[] | undefined): number {
  let free = at;
  for (const planned of breaks ?? []) if (free >= planned.from.getTime() && free < planned.to.getTime()) free = planned.to.getTime();
  return free;
}

export interface EstimateTicket {
  id: string;
  serviceId: string;
  /** A checked-in appointment not yet due is not called before it falls due (its due time minus the early window). */
  notBefore?: Date | null;
}

export interface TicketEstimate {
  /** Tickets handed to a counter before this one among those competing for the same counters. */
  ahead: number;
  /** Minutes from now until the ticket is expected to be called; null when no open counter serves it. */
  minutes: number | null;
}

/** A counter with a live session as read for estimates; breaks as 'HH:MM' of the centre's day. */
export interface LiveCounter {
  id: string;
  serviceIds: readonly string[];
  state: 'open' | 'paused';
  busy: { serviceId: string; since: Date } | null;
  breaks: readonly { starts: string; ends: string }[];
}

/**
 * The counters an estimate counts on: open ones with their planned breaks, and paused ones during
 * one of their planned breaks, back at its end. A counter paused outside its plan has no known
 * return and is left out, as before breaks were planned.
 */
export function countersForEstimate(counters: readonly LiveCounter[], instantOf: (time: string) => Date, now: Date): EstimateCounter[] {
  const result: EstimateCounter[] = [];
  for (const counter of counters) {
    const breaks = counter.breaks.map((planned) => ({ from: instantOf(planned.starts), to: instantOf(planned.ends) }));
    if (counter.state === 'open') {
      result.push({ id: counter.id, serviceIds: counter.serviceIds, busy: counter.busy, breaks });
      continue;
    }
    const current = breaks.find((planned) => planned.from <= now && now < planned.to);
    if (current) result.push({ id: counter.id, serviceIds: counter.serviceIds, busy: counter.busy, backAt: current.to, breaks });
  }
  return result;
}

/**
 * @param ordered waiting tickets of a centre in planned call order
 * @param expected expected minutes per service id
 */
export function estimateWaits(ordered: readonly EstimateTicket[], counters: readonly EstimateCounter[], expected: ReadonlyMap<string, number>, now: Date): Map<string, TicketEstimate> {
  const minutesOf = (serviceId: string) => expected.get(serviceId) ?? 15;
  const freeAt = counters.map((counter) => {
    if (counter.backAt) return afterBreaks(Math.max(counter.backAt.getTime(), now.getTime()), counter.breaks);
    // An open counter with nobody at it calls whoever is waiting now, whatever its plan says.
    if (!counter.busy) return now.getTime();
    // A ticket already over its expected time is taken to end in a minute, not in the past.
    const end = counter.busy.since.getTime() + minutesOf(counter.busy.serviceId) * MINUTE_MS;
    return afterBreaks(Math.max(end, now.getTime() + MINUTE_MS), counter.breaks);
  });
  const handedBefore = new Map<string, number>();
  const result = new Map<string, TicketEstimate>();
  for (const ticket of ordered) {
    let best = -1;
    for (let i = 0; i < counters.length; i++) {
      if (!counters[i]!.serviceIds.includes(ticket.serviceId)) continue;
      if (best === -1 || freeAt[i]! < freeAt[best]!) best = i;
    }
    // Tickets ahead: those already handed to any counter able to serve this ticket's service.
    const able = counters.filter((counter) => counter.serviceIds.includes(ticket.serviceId)).map((counter) => counter.id);
    const ahead = able.reduce((sum, id) => sum + (handedBefore.get(id) ?? 0), 0);
    if (best === -1) {
      result.set(ticket.id, { ahead: countAheadWithoutCounters(ordered, ticket), minutes: null });
      continue;
    }
    const start = freeAt[best]!;
    // An appointment is called when it falls due even if a counter is free earlier; the counter
    // serves others meanwhile, so its own time is counted as if it took the ticket now.
    const called = Math.max(start, ticket.notBefore?.getTime() ?? 0);
    result.set(ticket.id, { ahead, minutes: Math.max(0, Math.round((called - now.getTime()) / MINUTE_MS)) });
    freeAt[best] = afterBreaks(start + minutesOf(ticket.serviceId) * MINUTE_MS, counters[best]!.breaks);
    handedBefore.set(counters[best]!.id, (handedBefore.get(counters[best]!.id) ?? 0) + 1);
  }
  return result;
}

/** With no counter open, the place in line is the number of tickets of the same service before it. */
function countAheadWithoutCounters(ordered: readonly EstimateTicket[], ticket: EstimateTicket): number {
  let ahead = 0;
  for (const other of ordered) {
    if (other.id === ticket.id) break;
    if (other.serviceId === ticket.serviceId) ahead++;
  }
  return ahead;
}
