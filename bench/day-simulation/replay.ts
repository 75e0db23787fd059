/**
 * The day of `queue-day-simulation` without the database, for weighing ordering policies over many
 * days in seconds: the same arrivals, counters and lunch shifts, and the same decisions, taken by the
 * engine's own functions (`callOrder` for call-next — the SQL follows it, queue.ordering.db.test.ts —
 * and `plannedOrder`, `countersForEstimate`, `estimateWaits` for the estimate). On the benchmark's
 * seed it gives the benchmark's figures to the last digit; the benchmark itself stays the proof.
 *
 *   npx tsx bench/day-simulation/replay.ts [days]
 *
 * compares the default policy with the previous defaults on the benchmark's day and `days` − 1 others
 * (default 24 in all). See docs/queue.md, "Why these appointment settings".
 */
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../src/server/db/client.js';
import { migrate } from '../../src/server/db/migrate.js';
import type { PriorityClass } from '../../src/server/db/types.js';
import { loadDemoNetworkIfEmpty } from '../../src/server/demo/load-demo.js';
import { countersForEstimate, estimateWaits, expectedServiceMinutes, SERVICE_TIME_SAMPLE, type EstimateCounter } from '../../src/server/modules/queue/queue.estimate.js';
import { callOrder, DEFAULT_QUEUE_POLICY, plannedOrder, priorityClassOf, type QueuePolicy } from '../../src/server/modules/queue/queue.ordering.js';
import { percentile } from '../lib.js';
import { simulatedArrivals, type Arrival } from './arrivals.js';
import { loadCentre, type SimulatedCentre } from './engine-day.js';

const MINUTE_MS = 60_000;
/** The benchmark's seed (queue-day-simulation.bench.ts). */
export const BENCHMARK_SEED = 20261123;
/** A winter day, when Lisbon's local time is UTC: minutes after local midnight map to instants simply. */
const MIDNIGHT = Date.UTC(2026, 10, 24);
const clock = (minutes: number) => new Date(MIDNIGHT + minutes * MINUTE_MS);

export const FIFO_POLICY: QueuePolicy = { ...DEFAULT_QUEUE_POLICY, priorityHeadStartMinutes: 0, emergencyHeadStartMinutes: 0, appointmentHeadStartMinutes: 0, appointmentEarlyMinutes: 0 };
/** The defaults before the late-check-in grace (which a grace of a day switches off). */
export const PREVIOUS_POLICY: QueuePolicy = { ...DEFAULT_QUEUE_POLICY, emergencyHeadStartMinutes: 120, appointmentHeadStartMinutes: 120, appointmentEarlyMinutes: 10, appointmentLateGraceMinutes: 24 * 60 };

interface ReplayTicket {
  id: string;
  arrival: Arrival;
  serviceId: string;
  queuedAt: Date;
  priorityClass: PriorityClass;
  appointmentDueAt: Date | null;
  state: 'waiting' | 'called' | 'done';
  calledAt: number;
  startedAt: number;
  endedAt: number;
  estimate: number | null;
  simple: number | null;
}

type ReplayEvent =
  | { at: number; kind: 'arrival'; arrival: Arrival }
  | { at: number; kind: 'start' | 'end'; counter: number; ticket: ReplayTicket }
  | { at: number; kind: 'lunch' | 'back'; counter: number };

/** One day as `runDay` (engine-day.ts) runs it, every decision by the engine's functions. */
export function replayDay(centre: SimulatedCentre, arrivals: readonly Arrival[], policy: QueuePolicy): ReplayTicket[] {
  const perUnit = new Map<string, number>();
  for (const counter of centre.counters) perUnit.set(counter.unitId, (perUnit.get(counter.unitId) ?? 0) + 1);
  const seenInUnit = new Map<string, number>();
  const lunchOf = centre.counters.map((counter) => {
    const position = seenInUnit.get(counter.unitId) ?? 0;
    seenInUnit.set(counter.unitId, position + 1);
    return perUnit.get(counter.unitId)! >= 2 ? (position % 2 === 0 ? { from: 12 * 60, to: 13 * 60 } : { from: 13 * 60, to: 14 * 60 }) : null;
  });
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const codeOf = new Map([...centre.serviceIdOf].map(([code, id]) => [id, code]));
  const events: ReplayEvent[] = arrivals.map((arrival) => ({ at: arrival.at, kind: 'arrival', arrival }));
  for (const [index, lunch] of lunchOf.entries()) if (lunch) events.push({ at: lunch.from, kind: 'lunch', counter: index });
  events.sort((a, b) => a.at - b.at);
  const schedule = (event: ReplayEvent) => {
    let index = events.findIndex((other) => other.at > event.at);
    if (index === -1) index = events.length;
    events.splice(index, 0, event);
  };
  const state = centre.counters.map(() => ({ holding: null as ReplayTicket | null, away: false }));
  const tickets: ReplayTicket[] = [];
  const done: ReplayTicket[] = [];
  const policyOf = () => policy;

  const tryCall = (index: number, at: number) => {
    const lunch = lunchOf[index];
    if (lunch && !state[index]!.away && at >= lunch.from && at < lunch.to) {
      state[index]!.away = true;
      schedule({ at: lunch.to, kind: 'back', counter: index });
      return;
    }
    const serviceIds = centre.counters[index]!.serviceIds;
    const waiting = tickets.filter((ticket) => ticket.state === 'waiting' && serviceIds.includes(ticket.serviceId));
    const ticket = callOrder(waiting, policyOf, clock(at))[0];
    if (!ticket) return;
    ticket.state = 'called';
    ticket.calledAt = at;
    ticket.startedAt = at + 1;
    state[index]!.holding = ticket;
    schedule({ at: ticket.startedAt, kind: 'start', counter: index, ticket });
    schedule({ at: ticket.startedAt + ticket.arrival.serviceMinutes, kind: 'end', counter: index, ticket });
  };

  const recentMinutes = (serviceId: string) =>
    done
      .filter((ticket) => ticket.serviceId === serviceId)
      .sort((a, b) => b.endedAt - a.endedAt)
      .slice(0, SERVICE_TIME_SAMPLE)
      .map((ticket) => ticket.endedAt - ticket.calledAt);

  const issue = (arrival: Arrival) => {
    const now = clock(arrival.at);
    const serviceId = centre.serviceIdOf.get(arrival.serviceCode)!;
    const ticket: ReplayTicket = {
      id: String(tickets.length + 1).padStart(6, '0'),
      arrival,
      serviceId,
      queuedAt: now,
      priorityClass: priorityClassOf(arrival.priorityReasons),
      appointmentDueAt: arrival.appointmentAt === null ? null : clock(arrival.appointmentAt),
      state: 'waiting',
      calledAt: Number.NaN,
      startedAt: Number.NaN,
      endedAt: Number.NaN,
      estimate: null,
      simple: null,
    };
    tickets.push(ticket);
    const waiting = tickets.filter((other) => other.state === 'waiting');
    const live = centre.counters.map((counter, index) => ({
      id: counter.id,
      serviceIds: counter.serviceIds,
      state: state[index]!.away ? ('paused' as const) : ('open' as const),
      busy: state[index]!.holding ? { serviceId: state[index]!.holding!.serviceId, since: clock(state[index]!.holding!.calledAt) } : null,
      breaks: lunchOf[index] ? [{ starts: hhmm(lunchOf[index]!.from), ends: hhmm(lunchOf[index]!.to) }] : [],
    }));
    const counters: EstimateCounter[] = countersForEstimate(live, (time) => clock(Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))), now);
    const expected = new Map<string, number>();
    for (const id of new Set([...waiting.map((other) => other.serviceId), ...counters.flatMap((counter) => (counter.busy ? [counter.busy.serviceId] : []))])) {
      expected.set(id, expectedServiceMinutes(recentMinutes(id), centre.typicalMinutes.get(codeOf.get(id)!)!));
    }
    const planned = plannedOrder(waiting, policyOf, now).map(({ ticket: one, notBefore }) => ({ id: one.id, serviceId: one.serviceId, notBefore }));
    ticket.estimate = estimateWaits(planned, counters, expected, now).get(ticket.id)?.minutes ?? null;
    const ordered = callOrder(waiting, policyOf, now);
    const position = ordered.slice(0, ordered.indexOf(ticket)).filter((other) => other.serviceId === serviceId).length;
    const open = counters.filter((counter) => !counter.backAt && counter.serviceIds.includes(serviceId)).length;
    const recent = recentMinutes(serviceId);
    const average = recent.length > 0 ? recent.reduce((sum, value) => sum + value, 0) / recent.length : centre.typicalMinutes.get(arrival.serviceCode)!;
    ticket.simple = open > 0 ? (position * average) / open : null;
  };

  while (events.length > 0) {
    const event = events.shift()!;
    if (event.kind === 'arrival') {
      issue(event.arrival);
      const serviceId = centre.serviceIdOf.get(event.arrival.serviceCode)!;
      const idle = centre.counters.findIndex((counter, index) => !state[index]!.holding && !state[index]!.away && counter.serviceIds.includes(serviceId));
      if (idle !== -1) tryCall(idle, event.at);
    } else if (event.kind === 'lunch') {
      if (!state[event.counter]!.holding) tryCall(event.counter, event.at);
    } else if (event.kind !== 'start') {
      if (event.kind === 'end') {
        event.ticket.state = 'done';
        event.ticket.endedAt = event.at;
        done.push(event.ticket);
      }
      if (event.kind === 'back') state[event.counter]!.away = false;
      state[event.counter]!.holding = null;
      tryCall(event.counter, event.at);
    }
  }
  return tickets;
}

export interface DayFigures {
  tolerance: number;
  meanRatio: number;
  p95Ratio: number;
  onTime: number;
  p90Late: number;
  estimateRatio: number;
}

/** The benchmark's figures (queue-day-simulation.bench.ts) of one day under a policy and under FIFO. */
export function dayFigures(policy: ReplayTicket[], fifo: ReplayTicket[]): DayFigures {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const mean = (values: number[]) => sum(values) / values.length;
  const walkIns = (tickets: ReplayTicket[]) => tickets.filter((t) => t.arrival.appointmentAt === null).map((t) => t.calledAt - t.arrival.at).sort((a, b) => a - b);
  const late = policy.filter((t) => t.arrival.appointmentAt !== null && t.arrival.at <= t.arrival.appointmentAt).map((t) => Math.max(0, t.startedAt - t.arrival.appointmentAt!)).sort((a, b) => a - b);
  const estimated = policy.filter((t) => t.estimate !== null && t.simple !== null);
  const wait = (t: ReplayTicket) => t.calledAt - t.arrival.at;
  return {
    tolerance: 1 + sum(fifo.filter((t) => t.arrival.appointmentAt !== null).map(wait)) / sum(walkIns(fifo)),
    meanRatio: mean(walkIns(policy)) / mean(walkIns(fifo)),
    p95Ratio: percentile(walkIns(policy), 95) / percentile(walkIns(fifo), 95),
    onTime: late.length === 0 ? 1 : late.filter((minutes) => minutes <= 10).length / late.length,
    p90Late: percentile(late, 90),
    estimateRatio: mean(estimated.map((t) => Math.abs(t.estimate! - wait(t)))) / mean(estimated.map((t) => Math.abs(t.simple! - wait(t)))),
  };
}

export function meetsTargets(day: DayFigures): boolean {
  return day.meanRatio <= day.tolerance && day.p95Ratio <= day.tolerance && day.onTime >= 0.9 && day.p90Late <= 10 && day.estimateRatio <= 0.5;
}

async function main(days: number): Promise<void> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(handle);
  await loadDemoNetworkIfEmpty(handle.db, { password: 'day-replay-password' });
  const centre = await loadCentre(handle.db, 'LIS');
  await handle.close();
  const typical = new Map([...centre.typicalMinutes].filter(([code]) => centre.serviceIdOf.has(code)));
  const seeds = [BENCHMARK_SEED, ...Array.from({ length: days - 1 }, (_, i) => i + 1)];
  const runs = seeds.map((seed) => {
    const arrivals = simulatedArrivals(seed, 800, typical);
    return { arrivals, fifo: replayDay(centre, arrivals, FIFO_POLICY) };
  });
  const round = (value: number) => Math.round(value * 1000) / 1000;
  for (const [name, policy] of [['default policy', DEFAULT_QUEUE_POLICY], ['previous defaults', PREVIOUS_POLICY]] as const) {
    const figures = runs.map((run) => dayFigures(replayDay(centre, run.arrivals, policy), run.fifo));
    const average = (key: keyof DayFigures) => round(figures.reduce((total, day) => total + day[key], 0) / figures.length);
    console.log(`${name}: benchmark day ${JSON.stringify(Object.fromEntries(Object.entries(figures[0]!).map(([key, value]) => [key, round(value)])))}`);
    console.log(
      `  average of ${figures.length} days: tolerance ×${average('tolerance')}, walk-ins' mean ×${average('meanRatio')}, p95 ×${average('p95Ratio')}, ` +
        `appointments on time ${round(average('onTime') * 100)} %, p90 lateness ${average('p90Late')} min, estimate ${average('estimateRatio')} of simple; ` +
        `every target met on ${figures.filter(meetsTargets).length} days`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(Number(process.argv[2] ?? 24));
