import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../src/server/db/types.js';
import type { StaffContext } from '../src/server/http/request-context.js';
import { writeRealtimeEvent } from '../src/server/realtime/events.js';
import { localDateTime } from '../src/server/modules/network/network.opening.js';
import { callNext, openCounter } from '../src/server/modules/queue/queue.counter.service.js';
import { openBenchDatabase } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';
import { insertCentre, insertNetwork, insertService, insertUnit, staffContext } from './seed.js';

const COUNTERS = 50;
/** Rounds of 50 simultaneous calls per phase: 1,500 calls through the engine, 1,500 raw. */
const ROUNDS = 30;
/**
 * The latency phase: each counter calls at random moments, on average every PACE_MS, for PACED_SECONDS
 * (25 calls/s in all: some hundred times a real centre at its peak, where a counter calls every few
 * minutes). When all 50 call in the same instant, as in the rounds, Little's law makes the slowest
 * wait about 50 ÷ throughput whatever the engine does, so p99 under a burst is reported on its own.
 */
const PACE_MS = 2000;
const PACED_SECONDS = 10;
/** Tickets already waiting before each round: a busy centre's queue, so ordering has work to do. */
const BACKLOG = 200;

interface World {
  centreId: string;
  unitId: string;
  serviceId: string;
  counters: string[];
  officers: StaffContext[];
}

/**
 * 50 counters of one unit call next at the same moment, round after round, through the engine's
 * service (session lock, ordering policy, SKIP LOCKED claim, ticket event, audit and realtime event in
 * one transaction). Baseline: the bare claim — SELECT … FOR UPDATE SKIP LOCKED + UPDATE in a
 * transaction — on the same tickets, 50 at a time, on the same database in the same run. Between
 * rounds (not timed) the called tickets are ended and the queue is topped up with raw SQL.
 */
export const queueCallNextBenchmark: Benchmark = {
  name: 'queue-call-next',
  description: `${COUNTERS} counters calling next at once, ${ROUNDS} rounds, engine service vs raw SKIP LOCKED claim`,
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    const { db } = database.handle;
    try {
      const world = await seed(db);
      const localDay = () => localDateTime('Europe/Lisbon', new Date()).date;

      const claimRaw = async (trx: Kysely<Database>, counterId: string) => {
        const day = localDay();
        const row = await sql<{ id: string }>`
          SELECT id FROM tickets WHERE state = 'waiting' AND local_day = ${day}::date AND service_id = ${world.serviceId}
          ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(trx);
        const id = row.rows[0]?.id;
        if (!id) return null;
        await sql`UPDATE tickets SET state = 'called', counter_id = ${counterId}, called_at = now(), call_count = call_count + 1 WHERE id = ${id}`.execute(trx);
        return id;
      };
      const rawCall = async (counterId: string) => db.transaction().execute((trx) => claimRaw(trx, counterId));
      // The same bare claim, plus the one thing every call must also do: publish its realtime event
      // (a row whose deferred trigger takes the position lock and NOTIFYs at commit). On PostgreSQL
      // a NOTIFY holds a cluster-wide lock through the commit's WAL flush, so publishing
      // transactions commit one at a time: this is the ceiling for any call that screens must see.
      const rawPublishingCall = async (counterId: string) =>
        db.transaction().execute(async (trx) => {
          const id = await claimRaw(trx, counterId);
          if (id) await writeRealtimeEvent(trx, { type: 'queue.ticket_called', centreId: world.centreId, unitId: world.unitId, payload: { ticketId: id } });
          return id;
        });
      const raw = await runRounds(db, world, rawCall);
      const rawPublishing = await runRounds(db, world, rawPublishingCall);
      const engineCall = async (counterId: string, index: number) => (await callNext(db, world.officers[index]!, counterId)).ticket?.id ?? null;
      const engine = await runRounds(db, world, engineCall);
      const paced = await runPaced(db, world, engineCall);

      // Every engine call is a 'called' event: a ticket with two of them was called twice.
      const calledTwice = await db
        .selectFrom('ticket_events')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('kind', '=', 'called')
        .groupBy('ticket_id')
        .having(sql`count(*)`, '>', 1)
        .execute();
      const duplicates = engine.duplicates + paced.duplicates + raw.duplicates + rawPublishing.duplicates + calledTwice.length;
      if (duplicates > 0) throw new Error(`DUPLICATE CALLS: ${engine.duplicates + paced.duplicates} engine, ${raw.duplicates} raw, ${calledTwice.length} tickets with two 'called' events`);
      if (engine.lost + paced.lost + raw.lost + rawPublishing.lost > 0) throw new Error(`LOST CALLS: ${engine.lost + paced.lost} engine and ${raw.lost} raw calls found nothing while tickets were waiting`);

      const pacedP99 = percentile(paced.latencies, 99);
      const burstP99 = percentile(engine.latencies, 99);
      // The bare claim's latency under the same paced load, for comparison.
      const rawAlone = await runPaced(db, world, rawCall);
      console.log(
        `  saturated: engine ${round(engine.rate)} calls/s, raw ${round(raw.rate)} claims/s, raw claim + realtime event ${round(rawPublishing.rate)}/s; burst p99 engine ${round(burstP99)} ms, raw ${round(percentile(raw.latencies, 99))} ms\n` +
          `  paced (${round(paced.rate)} calls/s): engine p50 ${round(percentile(paced.latencies, 50))} ms, p99 ${round(pacedP99)} ms; raw p99 ${round(percentile(rawAlone.latencies, 99))} ms; ${engine.calls + paced.calls} engine calls, 0 duplicates`,
      );
      return {
        name: 'queue-call-next',
        db: database.label,
        ...measurement('call-next per second (50 counters, saturated)', engine.rate, 'calls/s', raw.rate, 0.5, 'ratio-min'),
        more: [
          measurement('call-next per second vs a raw claim that also publishes its realtime event', engine.rate, 'calls/s', rawPublishing.rate, 0.5, 'ratio-min'),
          measurement(`call-next p99 latency (50 counters, ${round(paced.rate)} calls/s in all)`, pacedP99, 'ms', percentile(rawAlone.latencies, 99), 25, 'max'),
          measurement('call-next p99 latency when all 50 call in the same instant', burstP99, 'ms', percentile(raw.latencies, 99), 25, 'max'),
          measurement('tickets called twice', duplicates, 'tickets', 0, 0, 'max'),
        ],
      };
    } finally {
      await database.close();
    }
  },
};

interface RoundsResult {
  calls: number;
  rate: number;
  latencies: number[];
  duplicates: number;
  lost: number;
}

/** Runs ROUNDS rounds of one simultaneous call per counter; only the rounds themselves are timed. */
async function runRounds(db: Kysely<Database>, world: World, call: (counterId: string, index: number) => Promise<string | null>): Promise<RoundsResult> {
  const latencies: number[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let lost = 0;
  let busySeconds = 0;
  for (let roundNo = 0; roundNo < ROUNDS; roundNo++) {
    await topUp(db, world, BACKLOG + COUNTERS);
    const startedAt = performance.now();
    const called = await Promise.all(
      world.counters.map(async (counterId, index) => {
        const callStart = performance.now();
        const id = await call(counterId, index);
        latencies.push(performance.now() - callStart);
        return id;
      }),
    );
    busySeconds += (performance.now() - startedAt) / 1000;
    for (const id of called) {
      if (id === null) lost++;
      else if (seen.has(id)) duplicates++;
      else seen.add(id);
    }
    await db.updateTable('tickets').set({ state: 'done', started_at: new Date(), ended_at: new Date(), outcome: 'resolved' }).where('state', '=', 'called').execute();
  }
  latencies.sort((a, b) => a - b);
  return { calls: latencies.length, rate: latencies.length / busySeconds, latencies, duplicates, lost };
}

/** Each counter calls at random moments (mean PACE_MS apart) and ends its ticket at once (not timed). */
async function runPaced(db: Kysely<Database>, world: World, call: (counterId: string, index: number) => Promise<string | null>): Promise<RoundsResult> {
  await topUp(db, world, BACKLOG + Math.ceil((COUNTERS * PACED_SECONDS * 1000) / PACE_MS));
  const latencies: number[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let lost = 0;
  const startedAt = performance.now();
  const deadline = startedAt + PACED_SECONDS * 1000;
  await Promise.all(
    world.counters.map(async (counterId, index) => {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * PACE_MS));
        if (performance.now() >= deadline) return;
        const callStart = performance.now();
        const id = await call(counterId, index);
        latencies.push(performance.now() - callStart);
        if (id === null) lost++;
        else if (seen.has(id)) duplicates++;
        else seen.add(id);
        if (id) await db.updateTable('tickets').set({ state: 'done', started_at: new Date(), ended_at: new Date(), outcome: 'resolved' }).where('id', '=', id).execute();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { calls: latencies.length, rate: latencies.length / ((performance.now() - startedAt) / 1000), latencies, duplicates, lost };
}

/** Brings the waiting queue up to `count` tickets (one visit each), with raw SQL: issuing is not measured here. */
async function topUp(db: Kysely<Database>, world: World, count: number): Promise<void> {
  const waiting = await db.selectFrom('tickets').select(sql<number>`count(*)::int`.as('n')).where('state', '=', 'waiting').executeTakeFirstOrThrow();
  const missing = count - waiting.n;
  if (missing <= 0) return;
  const day = localDateTime('Europe/Lisbon', new Date()).date;
  // A mix of classes, so the ordering policy's head starts matter.
  await sql`
    WITH v AS (
      INSERT INTO visits (id, centre_id, local_day, public_code, language, origin)
      SELECT gen_random_uuid(), ${world.centreId}, ${day}::date, 'B' || substr(md5(random()::text), 1, 12), 'uk', 'reception'
      FROM generate_series(1, ${missing})
      RETURNING id
    )
    INSERT INTO tickets (id, visit_id, centre_id, unit_id, service_id, local_day, number, visit_order, state, priority_class, issued_at, queued_at)
    SELECT gen_random_uuid(), v.id, ${world.centreId}, ${world.unitId}, ${world.serviceId}, ${day}::date, 'A' || row_number() OVER (), 1, 'waiting',
      (ARRAY['normal', 'normal', 'normal', 'normal', 'priority', 'normal', 'normal', 'normal', 'normal', 'emergency'])[1 + floor(random() * 10)::int],
      now() - random() * interval '2 hours', now() - random() * interval '2 hours'
    FROM v`.execute(db);
}

async function seed(db: Kysely<Database>): Promise<World> {
  const networkId = await insertNetwork(db);
  const centreId = await insertCentre(db, networkId, 'CNAI');
  const unitId = await insertUnit(db, centreId);
  const serviceId = await insertService(db, unitId, 1);
  const counters: string[] = [];
  const officers: StaffContext[] = [];
  for (let i = 1; i <= COUNTERS; i++) {
    const counter = await db.insertInto('counters').values({ id: uuidv7(), unit_id: unitId, label: String(i) }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('counter_services').values({ counter_id: counter.id, service_id: serviceId }).execute();
    const officer = await staffContext(db, `officer.${i}`, 'agency_officer', 'unit', unitId);
    await openCounter(db, officer, counter.id);
    counters.push(counter.id);
    officers.push(officer);
  }
  return { centreId, unitId, serviceId, counters, officers };
}
