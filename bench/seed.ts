import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../src/server/db/types.js';
import type { StaffContext } from '../src/server/http/request-context.js';
import { loadActor } from '../src/server/modules/auth/auth.repo.js';
import type { Role, ScopeType } from '../src/shared/access.js';

/** Seeding shared by the database benchmarks: the network's own rows, written directly (not measured). */

export async function insertNetwork(db: Kysely<Database>): Promise<string> {
  const id = uuidv7();
  await db.insertInto('networks').values({ id, name: 'Bench network' }).execute();
  return id;
}

export async function insertCentre(db: Kysely<Database>, networkId: string, code: string): Promise<string> {
  const id = uuidv7();
  await db.insertInto('centres').values({ id, network_id: networkId, code, name: `Centre ${code}`, kind: 'local', time_zone: 'Europe/Lisbon' }).execute();
  return id;
}

export async function insertUnit(db: Kysely<Database>, centreId: string, code = 'IMM'): Promise<string> {
  const id = uuidv7();
  await db.insertInto('units').values({ id, centre_id: centreId, code, name: `Unit ${code}`, kind: 'agency_branch' }).execute();
  return id;
}

export async function insertService(db: Kysely<Database>, unitId: string, index: number, typicalMinutes = 15): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('services')
    .values({ id, unit_id: unitId, code: `S${index}`, names: JSON.stringify({ pt: `Serviço ${index}`, en: `Service ${index}` }), typical_minutes: typicalMinutes, ticket_prefix: 'A' })
    .execute();
  return id;
}

/** A staff member with one grant, as the services see them after sign-in (no session needed). */
export async function staffContext(db: Kysely<Database>, username: string, role: Role, scopeType: ScopeType, scopeId: string): Promise<StaffContext> {
  const id = uuidv7();
  // Never signs in: the password hash is not a real one.
  await db.insertInto('staff').values({ id, username, display_name: username, password_hash: 'bench-no-password' }).execute();
  await db.insertInto('staff_roles').values({ id: uuidv7(), staff_id: id, role, scope_type: scopeType, scope_id: scopeId }).execute();
  const actor = await loadActor(db, id, null);
  if (!actor) throw new Error(`bench staff ${username} did not load`);
  return { actor, ip: '127.0.0.1', requestId: null };
}

/** Elapsed seconds of `work`. */
export async function timed(work: () => Promise<void>): Promise<number> {
  const startedAt = performance.now();
  await work();
  return (performance.now() - startedAt) / 1000;
}

export interface BookableService {
  centreId: string;
  serviceId: string;
}

/**
 * A centre open every day from `opens` to `closes` (Lisbon time) with `services` bookable services,
 * each with one weekly schedule of `desks` desks over the opening hours and 15-minute slots.
 */
export async function insertBookableCentre(
  db: Kysely<Database>,
  networkId: string,
  code: string,
  options: { services: number; desks: number; opens: string; closes: string; earliestDays: number; latestDays: number },
): Promise<BookableService[]> {
  const centreId = await insertCentre(db, networkId, code);
  const unitId = await insertUnit(db, centreId);
  await db
    .insertInto('centre_opening_hours')
    .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ id: uuidv7(), centre_id: centreId, weekday, opens: options.opens, closes: options.closes })))
    .execute();
  const services: BookableService[] = [];
  for (let index = 1; index <= options.services; index++) {
    const serviceId = await insertService(db, unitId, index);
    await db
      .insertInto('appointment_schedules')
      .values({ id: uuidv7(), service_id: serviceId, weekdays: [1, 2, 3, 4, 5, 6, 7], starts: options.opens, ends: options.closes, desks: options.desks, valid_from: '2000-01-01', valid_to: null })
      .execute();
    await db
      .insertInto('booking_policies')
      .values({
        service_id: serviceId,
        slot_minutes: 15,
        public_share_percent: 100,
        earliest_days: options.earliestDays,
        latest_days: options.latestDays,
        hold_minutes: 10,
        max_active_per_contact: 2,
        release_window_minutes: 0,
      })
      .execute();
    services.push({ centreId, serviceId });
  }
  return services;
}
