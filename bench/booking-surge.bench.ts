import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../src/server/http/errors.js';
import { confirmHold, holdSlot } from '../src/server/modules/appointments/appointments.booking.service.js';
import { instantAt, minutesOf } from '../src/server/modules/appointments/appointments.time.js';
import { addDays, localDateTime } from '../src/server/modules/network/network.opening.js';
import { openBenchDatabase } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';
import { insertBookableCentre, insertNetwork } from './seed.js';

const ATTEMPTS = 5000;
const DAYS = 10;
/** 09:00–14:00 in 15-minute slots of one desk: 20 seats a day, 200 over ten days. */
const SLOTS_PER_DAY = 20;
const SEATS = DAYS * SLOTS_PER_DAY;

/**
 * 5,000 people try to book at the same moment (all requests in flight at once) on a service with 200
 * free seats, 25 per seat, through the public booking services: hold a seat, then confirm it with a
 * contact (policy, slot check, seat claim, advisory lock per contact, audit event). Exactly 200 must
 * be booked and no seat twice. Baseline: the same 5,000 attempts as raw single-row
 * `INSERT … ON CONFLICT DO NOTHING` transactions on a bare table, all at once, on the same database.
 */
export const bookingSurgeBenchmark: Benchmark = {
  name: 'booking-surge',
  description: `${ATTEMPTS} concurrent hold + confirm attempts on ${SEATS} free seats vs raw single-row insert transactions`,
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    const { db } = database.handle;
    try {
      const [service] = await insertBookableCentre(db, await insertNetwork(db), 'SURGE', { services: 1, desks: 1, opens: '09:00', closes: '14:00', earliestDays: 1, latestDays: 30 });
      const { serviceId } = service!;
      const today = localDateTime('Europe/Lisbon').date;
      const slots = Array.from({ length: SEATS }, (_, i) => instantAt('Europe/Lisbon', addDays(today, 1 + Math.floor(i / SLOTS_PER_DAY)), minutesOf('09:00') + (i % SLOTS_PER_DAY) * 15).toISOString());

      await sql`CREATE TABLE bench_seats (slot integer PRIMARY KEY, attempt integer NOT NULL)`.execute(db);
      const rawStart = performance.now();
      const rawLatencies = await allAtOnce(async (i) => {
        await db.transaction().execute((trx) => sql`INSERT INTO bench_seats VALUES (${i % SEATS}, ${i}) ON CONFLICT DO NOTHING`.execute(trx));
      });
      const rawRate = ATTEMPTS / ((performance.now() - rawStart) / 1000);

      const masterKey = randomBytes(32);
      const context = { actor: null, ip: '127.0.0.1', requestId: null };
      let booked = 0;
      let refused = 0;
      const engineStart = performance.now();
      const latencies = await allAtOnce(async (i) => {
        try {
          const hold = await holdSlot(db, { serviceId, startsAt: slots[i % SEATS]! });
          await confirmHold(db, context, { masterKey, publicUrl: 'http://localhost', reminderLeadMinutes: 24 * 60 }, hold.holdId, { contact: { name: `Person ${i}`, phone: `+351 91${String(i).padStart(7, '0')}`, language: 'pt' } });
          booked++;
        } catch (error) {
          // The answer every loser must get: 409, the time is no longer free.
          if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
          refused++;
        }
      });
      const engineRate = ATTEMPTS / ((performance.now() - engineStart) / 1000);

      const perSeat = await db
        .selectFrom('appointments')
        .select(['starts_at', 'seat_no', sql<number>`count(*)::int`.as('n')])
        .where('service_id', '=', serviceId)
        .where('state', '=', 'booked')
        .groupBy(['starts_at', 'seat_no'])
        .execute();
      const doubles = perSeat.filter((row) => row.n > 1).length;
      const inDatabase = perSeat.reduce((sum, row) => sum + row.n, 0);
      if (doubles > 0 || booked !== SEATS || inDatabase !== SEATS || refused !== ATTEMPTS - SEATS) {
        throw new Error(`BOOKING SURGE BROKEN: ${booked} confirmed, ${inDatabase} booked rows, ${doubles} seats booked twice, ${refused} refused (expected ${SEATS}, ${SEATS}, 0, ${ATTEMPTS - SEATS})`);
      }
      const p99 = percentile(latencies, 99);
      console.log(`  ${booked} booked, ${refused} refused, 0 double; engine ${round(engineRate)} attempts/s, p50 ${round(percentile(latencies, 50))} ms, p99 ${round(p99)} ms; raw ${round(rawRate)} inserts/s, p99 ${round(percentile(rawLatencies, 99))} ms`);
      return {
        name: 'booking-surge',
        db: database.label,
        ...measurement(`booking attempt p99 latency (${ATTEMPTS} at once)`, p99, 'ms', percentile(rawLatencies, 99), 300, 'max'),
        more: [
          measurement('booking attempts per second', engineRate, 'attempts/s', rawRate, 0.1, 'ratio-min'),
          measurement('seats booked twice', doubles, 'seats', 0, 0, 'max'),
        ],
      };
    } finally {
      await database.close();
    }
  },
};

/** Starts every attempt at once; returns each one's latency (ms), sorted. */
async function allAtOnce(attempt: (index: number) => Promise<void>): Promise<number[]> {
  const latencies = await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      const startedAt = performance.now();
      await attempt(i);
      return performance.now() - startedAt;
    }),
  );
  return latencies.sort((a, b) => a - b);
}
