import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { columnsOf, dbTable, HSDS_TABLE_NAMES, type HsdsDataset, type HsdsTable } from './directory.hsds.js';

type Row = Record<string, unknown>;

/** Database values as HSDS writes them: ISO date-times, numbers for coordinates, HH:MM:SS times. */
function toHsds(table: HsdsTable, row: Row): Row {
  const out: Row = {};
  for (const column of columnsOf(table)) {
    const value = row[column];
    if (value instanceof Date) out[column] = value.toISOString();
    else if ((column === 'latitude' || column === 'longitude') && value !== null && value !== undefined) out[column] = Number(value);
    else out[column] = value ?? null;
  }
  return out;
}

/** Every table in full, ordered by id so two exports of the same data are byte-equal. */
export async function readAll(db: Kysely<Database>): Promise<HsdsDataset> {
  const dataset = {} as Record<HsdsTable, Row[]>;
  for (const table of HSDS_TABLE_NAMES) {
    const rows = await db.selectFrom(dbTable(table)).selectAll().orderBy('id').execute();
    dataset[table] = rows.map((row) => toHsds(table, row as Row));
  }
  return dataset as unknown as HsdsDataset;
}

/** Ids among `ids` that exist in the table. */
export async function existingIds(db: Kysely<Database>, table: HsdsTable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(dbTable(table)).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id as string));
}

/**
 * Writes rows, replacing those with the same id. Taxonomy terms are written without their parent
 * first and linked afterwards, so a child may come before its parent in the file.
 */
export async function upsertRows(db: Kysely<Database>, table: HsdsTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table);
  const deferParent = table === 'taxonomy_term';
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200).map((row) => (deferParent ? { ...row, parent_id: null } : row));
    await db
      .insertInto(dbTable(table))
      .values(chunk as never)
      .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(columns.filter((column) => column !== 'id').map((column) => [column, sql.ref(`excluded.${column}`)])) as never))
      .execute();
  }
  if (deferParent) {
    for (const row of rows) {
      if (row.parent_id) await db.updateTable('directory_taxonomy_term').set({ parent_id: row.parent_id as string }).where('id', '=', row.id as string).execute();
    }
  }
}

// ── Public reading ───────────────────────────────────────────────────────────────────────────────

export interface ServiceFilter {
  modifiedAfter?: Date | undefined;
  /** Services offered at this centre (its location) and every partner service: what a kiosk there shows. */
  centreId?: string | undefined;
}

function servicesMatching(db: Kysely<Database>, filter: ServiceFilter) {
  let query = db.selectFrom('directory_service').where('status', '<>', 'defunct');
  if (filter.modifiedAfter) query = query.where('last_modified', '>', filter.modifiedAfter);
  const centreId = filter.centreId;
  if (centreId) {
    query = query.where((eb) =>
      eb.or([
        eb('origin', '<>', 'network'),
        eb.exists(eb.selectFrom('directory_service_at_location as link').select('link.id').whereRef('link.service_id', '=', 'directory_service.id').where('link.location_id', '=', centreId)),
      ]),
    );
  }
  return query;
}

export async function countServices(db: Kysely<Database>, filter: ServiceFilter): Promise<number> {
  const row = await servicesMatching(db, filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function pageOfServices(db: Kysely<Database>, filter: ServiceFilter & { offset: number; limit: number }) {
  // Services of the centre first (origin network), then partners; by name within each.
  return servicesMatching(db, filter).selectAll().orderBy('origin').orderBy('name').orderBy('id').offset(filter.offset).limit(filter.limit).execute();
}

/** The rows around a set of services, for nesting them into HSDS service objects. */
export async function servicesContext(db: Kysely<Database>, serviceIds: string[]) {
  if (serviceIds.length === 0) return { organizations: [], serviceAtLocations: [], locations: [], addresses: [], phones: [], schedules: [], languages: [], documents: [], attributes: [], terms: [] };
  const services = await db.selectFrom('directory_service').select(['id', 'organization_id']).where('id', 'in', serviceIds).execute();
  const organizationIds = [...new Set(services.map((service) => service.organization_id))];
  const serviceAtLocations = await db.selectFrom('directory_service_at_location').selectAll().where('service_id', 'in', serviceIds).execute();
  const locationIds = [...new Set(serviceAtLocations.map((row) => row.location_id))];
  const anyOf = <T>(ids: string[], run: () => Promise<T[]>) => (ids.length === 0 ? Promise.resolve([] as T[]) : run());
  const [organizations, locations, addresses, phones, schedules, languages, documents, attributes] = await Promise.all([
    db.selectFrom('directory_organization').selectAll().where('id', 'in', organizationIds).execute(),
    anyOf(locationIds, () => db.selectFrom('directory_location').selectAll().where('id', 'in', locationIds).execute()),
    anyOf(locationIds, () => db.selectFrom('directory_address').selectAll().where('location_id', 'in', locationIds).execute()),
    db.selectFrom('directory_phone').selectAll().where((eb) => eb.or([eb('service_id', 'in', serviceIds), ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []), eb('organization_id', 'in', organizationIds)])).execute(),
    db.selectFrom('directory_schedule').selectAll().where((eb) => eb.or([eb('service_id', 'in', serviceIds), ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : [])])).execute(),
    db.selectFrom('directory_language').selectAll().where('service_id', 'in', serviceIds).execute(),
    db.selectFrom('directory_required_document').selectAll().where('service_id', 'in', serviceIds).execute(),
    db.selectFrom('directory_attribute').selectAll().where('link_id', 'in', [...serviceIds, ...organizationIds]).execute(),
  ]);
  const termIds = [...new Set(attributes.map((attribute) => attribute.taxonomy_term_id))];
  const terms = await anyOf(termIds, () => db.selectFrom('directory_taxonomy_term').selectAll().where('id', 'in', termIds).execute());
  return { organizations, serviceAtLocations, locations, addresses, phones, schedules, languages, documents, attributes, terms };
}
