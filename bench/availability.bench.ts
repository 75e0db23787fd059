import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/server/db/types.js';
import { availability } from '../src/server/modules/appointments/appointments.availability.service.js';
import { addDays, localDateTime } from '../src/server/modules/network/network.opening.js';
import { openBenchDatabase } from './database.js';
import { measurement, percentile, round, type Benchmark } from './lib.js';
import { insertBookableCentre, insertNetwork, type BookableService } from './seed.js';

const CENTRES = 10;
const SERVICES_PER_CENTRE = 30;
const DAYS = 60;
/** Share of seats already booked, so the free counts have work to do. */
const OCCUPANCY = 0.1;
/** Requests measured, one at a time, spread over the 300 services (a few ms each: see docs/benchmarks.md). */
const REQUESTS = 100;

/**
 * A month and more of availability (60 days, 09:00–17:00 in 15-minute slots of 2 desks: 1,920 slots)
 * for one service among 300 (30 services × 10 centres, 10 % of seats booked), through the
 * availability service (setup, opening calendar, slot cutting in the centre's time zone, taken
 * seats). Baseline: the same 60 days counted by one raw SQL query over the seats.
 */
export const availabilityBenchmark: Benchmark = {
  name: 'availability',
  description: `${DAYS} days of availability of one service among ${SERVICES_PER_CENTRE} × ${CENTRES} centres vs one raw count query`,
  async run({ databaseUrl }) {
    const database = await openBenchDatabase(databaseUrl);
    const { db } = database.handle;
    try {
      const networkId = await insertNetwork(db);
      const services: BookableService[] = [];
      for (let c = 1; c <= CENTRES; c++) {
        services.push(...(await insertBookableCentre(db, networkId, `AV${c}`, { services: SERVICES_PER_CENTRE, desks: 2, opens: '09:00', closes: '17:00', earliestDays: 0, latestDays: 90 })));
      }
      await bookSome(db);
      const from = localDateTime('Europe/Lisbon').date;
      const to = addDays(from, DAYS - 1);
      const sample = Array.from({ length: REQUESTS }, (_, i) => services[(i * 7919) % services.length]!);

      const rawLatencies: number[] = [];
      for (const { serviceId } of sample) {
        const startedAt = performance.now();
        await sql`
          SELECT starts_at, count(*)::int AS taken FROM appointment_seats
          WHERE service_id = ${serviceId} AND starts_at >= ${from}::date AND starts_at < ${addDays(to, 1)}::date
            AND held_until IS NULL AND released_at IS NULL
          GROUP BY starts_at`.execute(db);
        rawLatencies.push(performance.now() - startedAt);
      }
      const latencies: number[] = [];
      let slots = 0;
      for (const { centreId, serviceId } of sample) {
        const startedAt = performance.now();
        const view = await availability(db, centreId, serviceId, { from, to });
        latencies.push(performance.now() - startedAt);
        slots += view.days.reduce((sum, day) => sum + day.slots.length, 0);
      }
      if (slots === 0) throw new Error('availability found no free slot: the benchmark set-up is wrong');
      latencies.sort((a, b) => a - b);
      rawLatencies.sort((a, b) => a - b);
      const p95 = percentile(latencies, 95);
      console.log(`  ${REQUESTS} requests, ${round(slots / REQUESTS)} free slots each on average; p50 ${round(percentile(latencies, 50))} ms, p95 ${round(p95)} ms; raw count p95 ${round(percentile(rawLatencies, 95))} ms`);
      return {
        name: 'availability',
        db: database.label,
        ...measurement(`availability p95 latency (${DAYS} days, one service)`, p95, 'ms', percentile(rawLatencies, 95), 50, 'max'),
      };
    } finally {
      await database.close();
    }
  },
};

/**
 * Books OCCUPANCY of all seats with raw SQL (not measured): references are the row number written
 * in base 8 with the digits 2–9, unique and within the reference alphabet.
 */
async function bookSome(db: Kysely<Database>): Promise<void> {
  await sql`
    WITH picked AS (
      SELECT s.id AS service_id, u.centre_id,
        ((current_date + d) + time '09:00' + k * interval '15 minutes') AT TIME ZONE 'Europe/Lisbon' AS starts_at,
        seat, row_number() OVER () AS n
      FROM services s JOIN units u ON u.id = s.unit_id
      CROSS JOIN generate_series(0, ${DAYS}) d CROSS JOIN generate_series(0, 31) k CROSS JOIN generate_series(1, 2) seat
      WHERE random() < ${OCCUPANCY}
    ), booked AS (
      INSERT INTO appointments (id, reference, centre_id, service_id, starts_at, ends_at, seat_no, state, channel, hold_expires_at, booked_at, contact_name, phone_key)
      SELECT gen_random_uuid(), (SELECT string_agg(chr(50 + ((n / (8 ^ i)::bigint) % 8)::int), '') FROM generate_series(0, 7) i),
        centre_id, service_id, starts_at, starts_at + interval '15 minutes', seat, 'booked', 'public', now(), now(), 'Bench person', '35191' || n
      FROM picked
      RETURNING id, service_id, starts_at, seat_no
    )
    INSERT INTO appointment_seats (service_id, starts_at, seat_no, appointment_id) SELECT service_id, starts_at, seat_no, id FROM booked`.execute(db);
}
