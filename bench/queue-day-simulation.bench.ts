import { mkdirSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../src/server/db/types.js';
import { loadDemoNetworkIfEmpty } from '../src/server/demo/load-demo.js';
import { instantAt } from '../src/server/modules/appointments/appointments.time.js';
import { isCentreOpenAt } from '../src/server/modules/network/network.service.js';
import { localDateTime } from '../src/server/modules/network/network.opening.js';
import { simulatedArrivals, type Arrival } from './day-simulation/arrivals.js';
import { loadCentre, makeCentreFifo, runDay, type SimulatedTicket } from './day-simulation/engine-day.js';
import { openBenchDatabase } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';
import { staffContext } from './seed.js';

const ARRIVALS = 800;
const SEED = 20261123;
/** An appointment "starts on time" when the person is at the counter at most this many minutes after its time. */
const ON_TIME_MINUTES = 10;
/** Share of punctual appointments that must start on time. */
const ON_TIME_TARGET = 0.9;

/**
 * A CNAI day at the demo Lisbon centre (17 units, 36 counters), ~800 arrivals with a morning peak and
 * a lunch dip, run twice through the real engine (issue, call-next, start, end) with a simulated
 * clock on the same people and service times: once under the ordering policy (priority classes,
 * checked-in appointments, ageing) and once as plain FIFO (every head start 0). See docs/benchmarks.md
 * for the tolerance on walk-ins' waits.
 */
export const queueDaySimulationBenchmark: Benchmark = {
  name: 'queue-day-simulation',
  description: `${ARRIVALS} arrivals at the demo Lisbon centre through the engine: ordering policy vs FIFO, and the waiting-time estimate vs position × mean ÷ counters`,
  async run({ databaseUrl }) {
    const policy = await simulate(databaseUrl, false);
    const fifo = await simulate(databaseUrl, true);

    const walkIns = (tickets: SimulatedTicket[]) => sortedBy(tickets.filter((t) => t.arrival.appointmentAt === null), (t) => t.calledAt - t.arrival.at);
    const policyWalkIns = walkIns(policy.tickets);
    const fifoWalkIns = walkIns(fifo.tickets);
    // The people who kept their appointment: checked in by its time.
    const punctual = (tickets: SimulatedTicket[]) => tickets.filter((t) => t.arrival.appointmentAt !== null && t.arrival.at <= t.arrival.appointmentAt);
    const lateness = (tickets: SimulatedTicket[]) => sortedBy(punctual(tickets), (t) => Math.max(0, t.startedAt - t.arrival.appointmentAt!));
    const onTime = (values: number[]) => (values.length === 0 ? 1 : values.filter((late) => late <= ON_TIME_MINUTES).length / values.length);
    const policyLate = lateness(policy.tickets);
    const fifoLate = lateness(fifo.tickets);

    const estimated = policy.tickets.filter((t) => t.estimatedWait !== null && t.simpleWait !== null);
    const engineError = mean(estimated.map((t) => Math.abs(t.estimatedWait! - (t.calledAt - t.arrival.at))));
    const simpleError = mean(estimated.map((t) => Math.abs(t.simpleWait! - (t.calledAt - t.arrival.at))));

    // Letting appointments go first moves their waiting onto the walk-ins; it cannot remove it. The
    // most the walk-ins can fairly be asked to take is all the waiting appointments did under FIFO:
    // beyond that the policy would make the day worse in total, not just shared differently.
    const booked = policy.tickets.filter((t) => t.arrival.appointmentAt !== null).length / policy.tickets.length;
    const fifoAppointmentWaiting = sum(fifo.tickets.filter((t) => t.arrival.appointmentAt !== null).map((t) => t.calledAt - t.arrival.at));
    const tolerance = round(1 + fifoAppointmentWaiting / sum(fifoWalkIns));
    console.log(
      `  ${policy.tickets.length} tickets on ${policy.day}, ${round(booked * 100)} % with an appointment; walk-ins' mean wait: policy ${round(mean(policyWalkIns))} min, FIFO ${round(mean(fifoWalkIns))} min (tolerance × ${tolerance})\n` +
        `  punctual appointments on time (≤ ${ON_TIME_MINUTES} min late): policy ${round(onTime(policyLate) * 100)} % of ${policyLate.length}, FIFO ${round(onTime(fifoLate) * 100)} %\n` +
        `  estimate MAE over ${estimated.length} tickets: engine ${round(engineError)} min, simple formula ${round(simpleError)} min; mean actual wait ${round(mean(estimated.map((t) => t.calledAt - t.arrival.at)))} min`,
    );
    writeDetails(policy.tickets, fifo.tickets);
    return {
      name: 'queue-day-simulation',
      db: policy.db,
      ...measurement("walk-ins' mean wait, ordering policy vs FIFO", mean(policyWalkIns), 'min', mean(fifoWalkIns), tolerance, 'ratio-max'),
      more: [
        measurement("walk-ins' p95 wait, ordering policy vs FIFO", percentile(policyWalkIns, 95), 'min', percentile(fifoWalkIns, 95), tolerance, 'ratio-max'),
        measurement(`share of punctual appointments started ≤ ${ON_TIME_MINUTES} min after their time (baseline FIFO)`, onTime(policyLate), 'share', onTime(fifoLate), ON_TIME_TARGET, 'min'),
        measurement('appointments: p90 minutes late at the counter (baseline FIFO)', percentile(policyLate, 90), 'min', percentile(fifoLate, 90), ON_TIME_MINUTES, 'max'),
        measurement('waiting-time estimate at issue: mean absolute error vs position × mean ÷ counters', engineError, 'min', simpleError, 0.5, 'ratio-max'),
      ],
    };
  },
};

interface SimulationRun {
  db: 'pglite' | 'postgres';
  day: string;
  tickets: SimulatedTicket[];
}

/** One day on a fresh database with the demo network loaded. */
async function simulate(databaseUrl: string | undefined, fifo: boolean): Promise<SimulationRun> {
  const database = await openBenchDatabase(databaseUrl);
  const { db } = database.handle;
  try {
    await loadDemoNetworkIfEmpty(db, { password: 'day-simulation-password' });
    const centre = await loadCentre(db, 'LIS');
    if (fifo) {
      const manager = await staffContext(db, 'sim.manager', 'centre_manager', 'centre', centre.centreId);
      await makeCentreFifo(db, centre, manager.actor.staffId);
    }
    const day = await nextOpenWeekday(db, centre.centreId, centre.timeZone);
    const typical = new Map([...centre.typicalMinutes].filter(([code]) => centre.serviceIdOf.has(code)));
    const arrivals: Arrival[] = simulatedArrivals(SEED, ARRIVALS, typical);
    const startedAt = performance.now();
    const tickets = await runDay(db, centre, day, arrivals);
    const unserved = tickets.filter((t) => Number.isNaN(t.calledAt));
    if (unserved.length > 0 || tickets.length !== arrivals.length) throw new Error(`${unserved.length} tickets never called, ${arrivals.length - tickets.length} not issued`);
    console.log(`  ${fifo ? 'FIFO' : 'policy'}: ${centre.counters.length} counters, ${tickets.length} tickets served in ${round((performance.now() - startedAt) / 1000)} s of real time`);
    return { db: database.label, day, tickets };
  } finally {
    await database.close();
  }
}

/** The next weekday (from tomorrow) the centre is open at 10:00: no holiday in the way. */
async function nextOpenWeekday(db: Kysely<Database>, centreId: string, timeZone: string): Promise<string> {
  const today = localDateTime(timeZone, new Date()).date;
  for (let offset = 1; offset <= 21; offset++) {
    const day = new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    if (await isCentreOpenAt(db, centreId, instantAt(timeZone, day, 10 * 60))) return day;
  }
  throw new Error('the centre is closed for three weeks');
}

function sortedBy(tickets: SimulatedTicket[], value: (ticket: SimulatedTicket) => number): number[] {
  return tickets.map(value).sort((a, b) => a - b);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Every ticket of both runs, for a closer look: bench/results/queue-day-simulation.tickets.csv. */
function writeDetails(policy: SimulatedTicket[], fifo: SimulatedTicket[]): void {
  const fifoWait = new Map(fifo.map((t) => [t.arrival.serial, t.calledAt - t.arrival.at]));
  const minutes = (value: number | null) => (value === null ? '' : value.toFixed(1));
  const lines = policy.map((t) =>
    [t.arrival.serial, minutes(t.arrival.at), t.arrival.serviceCode, t.arrival.priorityReasons.join('|'), t.arrival.appointmentAt ?? '', minutes(t.arrival.serviceMinutes), minutes(t.calledAt - t.arrival.at), minutes(fifoWait.get(t.arrival.serial) ?? null), minutes(t.estimatedWait), minutes(t.simpleWait)].join(','),
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/queue-day-simulation.tickets.csv', `serial,arrived_min,service,priority,appointment_min,service_min,wait_min,fifo_wait_min,estimate_min,simple_min\n${lines.join('\n')}\n`);
}
