import { sql, type Insertable, type Kysely } from 'kysely';
import type { Counter, CountersTable, Database, Service, ServicesTable, Unit, UnitsTable } from '../../db/types.js';

/** A service row with the centre of its unit. */
export type ServiceRow = Service & { centre_id: string };
/** A counter's planned break, 'HH:MM' in the centre's local time. */
export interface CounterBreak {
  starts: string;
  ends: string;
}
/** A counter row with the centre of its unit, the services it can serve and its planned breaks. */
export type CounterRow = Counter & { centre_id: string; service_ids: string[]; breaks: CounterBreak[] };

// ── Units ────────────────────────────────────────────────────────────────────────────────────────

export async function listUnits(db: Kysely<Database>, centreId: string, includeArchived: boolean): Promise<Unit[]> {
  let query = db.selectFrom('units').selectAll().where('centre_id', '=', centreId).orderBy('kind').orderBy('name').orderBy('id');
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export async function findUnit(db: Kysely<Database>, id: string): Promise<Unit | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUnit(db: Kysely<Database>, unit: Insertable<UnitsTable>): Promise<Unit> {
  return db.insertInto('units').values(unit).returningAll().executeTakeFirstOrThrow();
}

export async function updateUnit(db: Kysely<Database>, id: string, changes: Partial<Insertable<UnitsTable>>): Promise<Unit> {
  return db.updateTable('units').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// ── Services ─────────────────────────────────────────────────────────────────────────────────────

function selectServices(db: Kysely<Database>) {
  return db.selectFrom('services').innerJoin('units', 'units.id', 'services.unit_id').selectAll('services').select('units.centre_id');
}

export async function listServicesOfUnit(db: Kysely<Database>, unitId: string, includeArchived: boolean): Promise<ServiceRow[]> {
  let query = selectServices(db).where('services.unit_id', '=', unitId).orderBy('services.ticket_prefix').orderBy('services.id');
  if (!includeArchived) query = query.where('services.archived_at', 'is', null);
  return query.execute();
}

/** Every service of a centre, whatever its unit (reception and counters choose among them). */
export async function listServicesOfCentre(db: Kysely<Database>, centreId: string, includeArchived: boolean): Promise<ServiceRow[]> {
  let query = selectServices(db).where('units.centre_id', '=', centreId).orderBy('services.ticket_prefix').orderBy('services.id');
  if (!includeArchived) query = query.where('services.archived_at', 'is', null).where('units.archived_at', 'is', null);
  return query.execute();
}

export async function findService(db: Kysely<Database>, id: string): Promise<ServiceRow | undefined> {
  return selectServices(db).where('services.id', '=', id).executeTakeFirst();
}

/** The live service of the centre that already uses a ticket prefix, if any. */
export async function findServiceByPrefix(db: Kysely<Database>, centreId: string, prefix: string, exceptId: string | null): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('services')
    .innerJoin('units', 'units.id', 'services.unit_id')
    .select('services.id')
    .where('units.centre_id', '=', centreId)
    .where('services.ticket_prefix', '=', prefix)
    .where('services.archived_at', 'is', null);
  if (exceptId) query = query.where('services.id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertService(db: Kysely<Database>, service: Insertable<ServicesTable>): Promise<void> {
  await db.insertInto('services').values(service).execute();
}

export async function updateService(db: Kysely<Database>, id: string, changes: Partial<Insertable<ServicesTable>>): Promise<void> {
  await db.updateTable('services').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

// ── Counters ─────────────────────────────────────────────────────────────────────────────────────

async function withServiceIds(db: Kysely<Database>, rows: (Counter & { centre_id: string; breaks: CounterBreak[] })[]): Promise<CounterRow[]> {
  if (rows.length === 0) return [];
  // Archived services drop out of what a counter serves, so they are not called to it.
  const links = await db
    .selectFrom('counter_services')
    .innerJoin('services', 'services.id', 'counter_services.service_id')
    .select(['counter_services.counter_id', 'counter_services.service_id'])
    .where('counter_services.counter_id', 'in', rows.map((row) => row.id))
    .where('services.archived_at', 'is', null)
    .orderBy('services.ticket_prefix')
    .execute();
  return rows.map((row) => ({ ...row, service_ids: links.filter((link) => link.counter_id === row.id).map((link) => link.service_id) }));
}

function selectCounters(db: Kysely<Database>) {
  // The breaks come in the same statement: actions at a counter read it on every call.
  const breaks = sql<CounterBreak[]>`(SELECT coalesce(json_agg(json_build_object('starts', to_char(b.starts, 'HH24:MI'), 'ends', to_char(b.ends, 'HH24:MI')) ORDER BY b.starts), '[]'::json)
    FROM counter_breaks b WHERE b.counter_id = counters.id)`;
  return db.selectFrom('counters').innerJoin('units', 'units.id', 'counters.unit_id').selectAll('counters').select('units.centre_id').select(breaks.as('breaks'));
}

export async function listCounters(db: Kysely<Database>, unitId: string, includeArchived: boolean): Promise<CounterRow[]> {
  let query = selectCounters(db).where('counters.unit_id', '=', unitId).orderBy('counters.label').orderBy('counters.id');
  if (!includeArchived) query = query.where('counters.archived_at', 'is', null);
  return withServiceIds(db, await query.execute());
}

export async function findCounter(db: Kysely<Database>, id: string): Promise<CounterRow | undefined> {
  const row = await selectCounters(db).where('counters.id', '=', id).executeTakeFirst();
  return row ? (await withServiceIds(db, [row]))[0] : undefined;
}

export async function insertCounter(db: Kysely<Database>, counter: Insertable<CountersTable>): Promise<void> {
  await db.insertInto('counters').values(counter).execute();
}

export async function updateCounter(db: Kysely<Database>, id: string, changes: Partial<Insertable<CountersTable>>): Promise<void> {
  await db.updateTable('counters').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function replaceCounterServices(db: Kysely<Database>, counterId: string, serviceIds: readonly string[]): Promise<void> {
  await db.deleteFrom('counter_services').where('counter_id', '=', counterId).execute();
  if (serviceIds.length === 0) return;
  await db.insertInto('counter_services').values(serviceIds.map((serviceId) => ({ counter_id: counterId, service_id: serviceId }))).execute();
}

export async function replaceCounterBreaks(db: Kysely<Database>, counterId: string, breaks: readonly CounterBreak[]): Promise<void> {
  await db.deleteFrom('counter_breaks').where('counter_id', '=', counterId).execute();
  if (breaks.length === 0) return;
  await db.insertInto('counter_breaks').values(breaks.map((planned) => ({ counter_id: counterId, starts: planned.starts, ends: planned.ends }))).execute();
}

/** Which of these ids are live services of the centre. */
export async function liveServiceIdsOfCentre(db: Kysely<Database>, centreId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('services')
    .innerJoin('units', 'units.id', 'services.unit_id')
    .select('services.id')
    .where('units.centre_id', '=', centreId)
    .where('services.id', 'in', [...ids])
    .where('services.archived_at', 'is', null)
    .execute();
  return new Set(rows.map((row) => row.id));
}
