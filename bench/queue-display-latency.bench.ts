import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client.js';
import type { Database } from '../src/server/db/types.js';
import { hashPassword } from '../src/server/modules/auth/auth.passwords.js';
import { localDateTime } from '../src/server/modules/network/network.opening.js';
import { openCounter } from '../src/server/modules/queue/queue.counter.service.js';
import { createDevice } from '../src/server/modules/queue/queue.devices.service.js';
import { RealtimeBus } from '../src/server/realtime/bus.js';
import { openBenchDatabase } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';
import { insertCentre, insertNetwork, insertService, insertUnit, staffContext } from './seed.js';

/** Calls measured, one after the other; a few hundred make p99 the 3rd–4th slowest. */
const CALLS = 300;
/** A pause between calls (ms, random up to this): calls come one by one, as at a centre. */
const GAP_MS = 40;
/** A call whose event has not arrived after this long counts as lost, and the run fails. */
const LOST_AFTER_MS = 5000;
const PASSWORD = 'bench password 12345';

interface Instance {
  base: string;
  close(): Promise<void>;
}

/**
 * How long a screen waits for a call: a counter officer calls next over HTTP on instance A; a screen
 * holds the public display stream (its real device token) open over HTTP on instance B, a second
 * app process on the same PostgreSQL database. Measured from sending the call-next request to the
 * event arriving on B's stream, so it includes the call itself, the commit, NOTIFY, B's replay from
 * `realtime_events` and the SSE write. Baseline: a bare NOTIFY → LISTEN round trip between two
 * connections of the same database, in the same run. On PGlite (one process, one connection) both
 * sides are the same instance, and the result says so in `db`.
 */
export const queueDisplayLatencyBenchmark: Benchmark = {
  name: 'queue-display-latency',
  description: `${CALLS} calls on instance A, each awaited on a screen's SSE stream on instance B; baseline: raw NOTIFY → LISTEN`,
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    // The second instance has its own connections and its own LISTEN, as a second server would.
    const second: DatabaseHandle = database.url ? await openDatabase({ kind: 'postgres', url: database.url }) : database.handle;
    const instances: Instance[] = [];
    const abort = new AbortController();
    try {
      const world = await seed(database.handle.db);
      const a = await startInstance(database.handle);
      instances.push(a);
      const b = database.url ? await startInstance(second) : a;
      if (b !== a) instances.push(b);

      const baseline = await notifyRoundTrips(database.handle, second);
      const screen = await openScreen(`${b.base}/api/v1/public/display/${world.centreId}/stream?token=${encodeURIComponent(world.screenToken)}`, abort.signal);
      const officer = await signIn(a.base, world.officerUsername);

      const latencies: number[] = [];
      const callLatencies: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * GAP_MS));
        const startedAt = performance.now();
        const response = await fetch(`${a.base}/api/v1/counters/${world.counterId}/call-next`, {
          method: 'POST',
          headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrfToken },
        });
        const body = (await response.json()) as { ticket: { id: string } | null };
        callLatencies.push(performance.now() - startedAt);
        if (response.status !== 200 || !body.ticket) throw new Error(`call-next answered ${response.status}: ${JSON.stringify(body)}`);
        const arrivedAt = await screen.arrivalOf(body.ticket.id);
        latencies.push(arrivedAt - startedAt);
        // The counter is free again for the next call (not timed; no screen event).
        await database.handle.db.updateTable('tickets').set({ state: 'done', started_at: new Date(), ended_at: new Date(), outcome: 'resolved' }).where('id', '=', body.ticket.id).execute();
      }
      latencies.sort((x, y) => x - y);
      callLatencies.sort((x, y) => x - y);
      const db = database.url ? database.label : 'pglite (one instance: A = B)';
      console.log(
        `  ${CALLS} calls: screen p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms; ` +
          `call-next alone p50 ${round(percentile(callLatencies, 50))} ms; raw NOTIFY → LISTEN p50 ${round(percentile(baseline, 50))} ms, p99 ${round(percentile(baseline, 99))} ms`,
      );
      return {
        name: 'queue-display-latency',
        db,
        ...measurement('call on A → event on a screen stream of B, p99', percentile(latencies, 99), 'ms', percentile(baseline, 99), 250, 'max'),
        more: [
          measurement('call on A → event on a screen stream of B, p50', percentile(latencies, 50), 'ms', percentile(baseline, 50), 250, 'max'),
          measurement('the call-next request alone (part of the above), p99', percentile(callLatencies, 99), 'ms', percentile(baseline, 99), 250, 'max'),
        ],
      };
    } finally {
      abort.abort();
      for (const instance of instances) await instance.close();
      if (second !== database.handle) await second.close();
      await database.close();
    }
  },
};

async function startInstance(handle: DatabaseHandle): Promise<Instance> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DEMO: 'false', PORT: '0' });
  const bus = new RealtimeBus(handle, { warn: () => undefined, error: () => undefined });
  const app = await buildApp({ config, database: handle, db: handle.db, bus }, { logger: false });
  await bus.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return {
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    async close() {
      await app.close();
      await bus.stop();
    },
  };
}

/** NOTIFY on one connection → the LISTEN of another (the second instance's), one at a time. */
async function notifyRoundTrips(sender: DatabaseHandle, receiver: DatabaseHandle): Promise<number[]> {
  const channel = 'oneroof_bench_ping';
  const waiting = new Map<string, (at: number) => void>();
  const stop = await receiver.listen(channel, (payload) => waiting.get(payload ?? '')?.(performance.now()));
  try {
    const latencies: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * GAP_MS));
      const arrived = new Promise<number>((resolve) => waiting.set(String(i), resolve));
      const startedAt = performance.now();
      await sql`SELECT pg_notify(${channel}, ${String(i)})`.execute(sender.db);
      latencies.push((await withTimeout(arrived, `NOTIFY ${i}`)) - startedAt);
      waiting.delete(String(i));
    }
    return latencies.sort((x, y) => x - y);
  } finally {
    await stop();
  }
}

/** A screen: the display stream read as it comes, with the moment each called ticket arrived. */
async function openScreen(url: string, signal: AbortSignal): Promise<{ arrivalOf(ticketId: string): Promise<number> }> {
  const response = await fetch(url, { signal, headers: { accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) throw new Error(`the screen stream answered ${response.status}`);
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, (at: number) => void>();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data:'));
          if (!data) continue;
          const event = JSON.parse(data.slice(5)) as { type?: string; payload?: { ticketId?: string } };
          const ticketId = event.payload?.ticketId;
          if (event.type !== 'queue.ticket_called' || !ticketId) continue;
          arrivals.set(ticketId, at);
          waiters.get(ticketId)?.(at);
        }
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
  return {
    arrivalOf(ticketId) {
      const known = arrivals.get(ticketId);
      if (known !== undefined) return Promise.resolve(known);
      return withTimeout(new Promise<number>((resolve) => waiters.set(ticketId, resolve)), `the call of ticket ${ticketId} on the screen`);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`LOST: ${what} did not arrive within ${LOST_AFTER_MS} ms`)), LOST_AFTER_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function signIn(base: string, username: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A centre with one counter (open, its officer able to sign in), a screen token and enough waiting tickets. */
async function seed(db: Kysely<Database>) {
  const networkId = await insertNetwork(db);
  const centreId = await insertCentre(db, networkId, 'CNAI');
  const unitId = await insertUnit(db, centreId);
  const serviceId = await insertService(db, unitId, 1);
  const counterId = uuidv7();
  await db.insertInto('counters').values({ id: counterId, unit_id: unitId, label: '7' }).execute();
  await db.insertInto('counter_services').values({ counter_id: counterId, service_id: serviceId }).execute();
  const officerUsername = 'officer.display';
  const officer = await staffContext(db, officerUsername, 'agency_officer', 'unit', unitId);
  await db.updateTable('staff').set({ password_hash: await hashPassword(PASSWORD) }).where('id', '=', officer.actor.staffId).execute();
  await openCounter(db, officer, counterId);
  const manager = await staffContext(db, 'manager.display', 'centre_manager', 'centre', centreId);
  const screen = await createDevice(db, manager, centreId, { kind: 'screen', label: 'Hall, floor 0' });
  const day = localDateTime('Europe/Lisbon', new Date()).date;
  await sql`
    WITH v AS (
      INSERT INTO visits (id, centre_id, local_day, public_code, language, origin)
      SELECT gen_random_uuid(), ${centreId}, ${day}::date, 'D' || substr(md5(random()::text), 1, 12), 'uk', 'reception'
      FROM generate_series(1, ${CALLS})
      RETURNING id
    )
    INSERT INTO tickets (id, visit_id, centre_id, unit_id, service_id, local_day, number, visit_order, state, priority_class, issued_at, queued_at)
    SELECT gen_random_uuid(), v.id, ${centreId}, ${unitId}, ${serviceId}, ${day}::date, 'A' || lpad((row_number() OVER ())::text, 3, '0'), 1, 'waiting', 'normal',
      now() - interval '1 hour', now() - interval '1 hour' + row_number() OVER () * interval '1 second'
    FROM v`.execute(db);
  return { centreId, counterId, officerUsername, screenToken: screen.token };
}
