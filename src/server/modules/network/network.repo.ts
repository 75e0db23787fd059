import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Centre, CentreCalendarExceptionsTable, Database, NewCentre } from '../../db/types.js';
import type { WeeklyInterval } from './network.opening.js';

export type CalendarExceptionRow = Selectable<CentreCalendarExceptionsTable>;

/** The centres a list may show: all of them, or those with these ids. */
export interface CentreFilter {
  everywhere: boolean;
  centreIds: string[];
}

export async function findNetwork(db: Kysely<Database>): Promise<{ id: string; name: string; host_language: string } | undefined> {
  return db.selectFrom('networks').select(['id', 'name', 'host_language']).orderBy('created_at').limit(1).executeTakeFirst();
}

export async function hostLanguageOfCentre(db: Kysely<Database>, centreId: string): Promise<string> {
  const row = await db
    .selectFrom('centres')
    .innerJoin('networks', 'networks.id', 'centres.network_id')
    .select('networks.host_language')
    .where('centres.id', '=', centreId)
    .executeTakeFirstOrThrow();
  return row.host_language;
}

export async function listCentres(db: Kysely<Database>, filter: CentreFilter, includeArchived: boolean): Promise<Centre[]> {
  if (!filter.everywhere && filter.centreIds.length === 0) return [];
  let query = db.selectFrom('centres').selectAll().orderBy('name').orderBy('id');
  if (!filter.everywhere) query = query.where('id', 'in', filter.centreIds);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export async function findCentre(db: Kysely<Database>, id: string): Promise<Centre | undefined> {
  return db.selectFrom('centres').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes the centre's row lock: writes that must see a consistent centre (ticket prefixes) queue up here. */
export async function lockCentre(db: Kysely<Database>, id: string): Promise<void> {
  await db.selectFrom('centres').select('id').where('id', '=', id).forUpdate().execute();
}

export async function insertCentre(db: Kysely<Database>, centre: NewCentre): Promise<Centre> {
  return db.insertInto('centres').values(centre).returningAll().executeTakeFirstOrThrow();
}

export async function updateCentre(db: Kysely<Database>, id: string, changes: Partial<NewCentre>): Promise<Centre> {
  return db.updateTable('centres').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

// ── Opening hours and calendar ───────────────────────────────────────────────────────────────────

export async function listOpeningHours(db: Kysely<Database>, centreId: string): Promise<WeeklyInterval[]> {
  const rows = await db
    .selectFrom('centre_opening_hours')
    .select(['weekday', 'opens', 'closes'])
    .where('centre_id', '=', centreId)
    .orderBy('weekday')
    .orderBy('opens')
    .execute();
  return rows.map((row) => ({ weekday: row.weekday, opens: row.opens.slice(0, 5), closes: row.closes.slice(0, 5) }));
}

export async function replaceOpeningHours(db: Kysely<Database>, centreId: string, hours: readonly WeeklyInterval[]): Promise<void> {
  await db.deleteFrom('centre_opening_hours').where('centre_id', '=', centreId).execute();
  if (hours.length === 0) return;
  await db
    .insertInto('centre_opening_hours')
    .values(hours.map((row) => ({ id: uuidv7(), centre_id: centreId, weekday: row.weekday, opens: row.opens, closes: row.closes })))
    .execute();
}

export async function listCalendarExceptions(db: Kysely<Database>, centreId: string, range: { from?: string; to?: string }): Promise<CalendarExceptionRow[]> {
  let query = db.selectFrom('centre_calendar_exceptions').selectAll().where('centre_id', '=', centreId).orderBy('on_date');
  if (range.from) query = query.where('on_date', '>=', range.from);
  if (range.to) query = query.where('on_date', '<=', range.to);
  return query.execute();
}

export async function findCalendarException(db: Kysely<Database>, centreId: string, id: string): Promise<CalendarExceptionRow | undefined> {
  return db.selectFrom('centre_calendar_exceptions').selectAll().where('centre_id', '=', centreId).where('id', '=', id).executeTakeFirst();
}

export interface CalendarExceptionValues {
  on_date: string;
  kind: CalendarExceptionRow['kind'];
  opens: string | null;
  closes: string | null;
  label: string;
}

export async function insertCalendarException(db: Kysely<Database>, centreId: string, values: CalendarExceptionValues): Promise<CalendarExceptionRow> {
  return db
    .insertInto('centre_calendar_exceptions')
    .values({ id: uuidv7(), centre_id: centreId, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateCalendarException(db: Kysely<Database>, id: string, values: CalendarExceptionValues): Promise<CalendarExceptionRow> {
  return db.updateTable('centre_calendar_exceptions').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteCalendarException(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('centre_calendar_exceptions').where('id', '=', id).execute();
}
