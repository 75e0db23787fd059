import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { packDataPackage, unpackDataPackage } from './directory.datapackage.js';
import { HSDS_TABLE_NAMES, type HsdsDataset, type HsdsTable } from './directory.hsds.js';
import { validateDataset, writeDataset } from './directory.import.js';
import { syncNetworkRows } from './directory.network-sync.js';
import { ensureMayManage } from './directory.policy.js';
import * as repo from './directory.repo.js';

export const HSDS_VERSION = '3.0';

export interface HsdsExport extends Partial<HsdsDataset> {
  hsds_version: string;
}

/** The whole directory as HSDS JSON: one list per table. Open data: anyone may take it. */
export async function exportJson(db: Kysely<Database>): Promise<HsdsExport> {
  return { hsds_version: HSDS_VERSION, ...(await repo.readAll(db)) };
}

export async function exportDataPackage(db: Kysely<Database>): Promise<Buffer> {
  return packDataPackage(await repo.readAll(db), new Date().toISOString());
}

/**
 * Imports HSDS JSON or a data package: every row is checked first, and any problem answers 400
 * listing each bad row (`organization.3.email`); otherwise all rows are written in one transaction.
 * Rows with an id already in the directory are replaced.
 */
export async function importDirectory(db: Kysely<Database>, context: StaffContext, payload: { json?: unknown; dataPackage?: Buffer }): Promise<{ imported: Record<HsdsTable, number> }> {
  ensureMayManage(context.actor);
  let input: unknown = payload.json;
  if (payload.dataPackage) {
    try {
      input = unpackDataPackage(payload.dataPackage);
    } catch (error) {
      throw AppError.invalid([{ path: 'body', message: error instanceof Error ? error.message : 'not a readable data package' }], 'The data package cannot be read');
    }
  }
  if (input && typeof input === 'object' && 'hsds_version' in input) {
    const { hsds_version: version, ...tables } = input as Record<string, unknown>;
    if (typeof version !== 'string' || !version.startsWith('3.')) throw AppError.invalid([{ path: 'body.hsds_version', message: 'expected HSDS version 3' }]);
    input = tables;
  }
  const outcome = await validateDataset(db, input);
  if (!outcome.ok) {
    throw AppError.invalid(
      outcome.errors.map((error) => ({ path: [error.table, error.row, error.field].filter((part) => part !== null).join('.') || 'body', message: error.message })),
      'Some rows are not valid; nothing was imported',
    );
  }
  try {
    const imported = await db.transaction().execute(async (trx) => {
      const counts = await writeDataset(trx, outcome.dataset);
      await recordAudit(trx, context, { action: 'directory.import', resourceType: 'directory', details: { rows: counts } });
      return counts;
    });
    return { imported };
  } catch (error) {
    // What only the database can see (a service linked twice to one location): the whole import rolled back.
    const { code, constraint, detail } = (error ?? {}) as { code?: string; constraint?: string; detail?: string };
    if (code === '23505' || code === '23503' || code === '23514') {
      throw AppError.invalid([{ path: constraint ?? 'body', message: detail ?? 'a row conflicts with another row' }], 'A row conflicts with the directory; nothing was imported');
    }
    throw error;
  }
}

/** Regenerates the under-the-roof entries from the network model (centres, units, services, hours). */
export async function syncFromNetwork(db: Kysely<Database>, context: StaffContext, hostLanguage: string): Promise<{ changed: number; removed: number }> {
  ensureMayManage(context.actor);
  return db.transaction().execute(async (trx) => {
    const result = await syncNetworkRows(trx, hostLanguage);
    await recordAudit(trx, context, { action: 'directory.sync_network', resourceType: 'directory', details: result });
    return result;
  });
}

// ── Public reading (HSDS v3 API shapes) ──────────────────────────────────────────────────────────

type Row = Record<string, unknown>;
const plain = (row: object): Row => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : key === 'latitude' || key === 'longitude' ? (value === null ? null : Number(value)) : value]));

export type ServicePage = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Row[];
};

/** Services, newest changes visible through `modified_after`, each nested as HSDS v3 presents a service. */
export async function listServices(db: Kysely<Database>, query: { page: number; perPage: number } & repo.ServiceFilter): Promise<ServicePage> {
  const filter = { modifiedAfter: query.modifiedAfter, centreId: query.centreId };
  const total = await repo.countServices(db, filter);
  const rows = await repo.pageOfServices(db, { ...filter, offset: (query.page - 1) * query.perPage, limit: query.perPage });
  const contents = await nestServices(db, rows as unknown as Row[]);
  const totalPages = Math.max(1, Math.ceil(total / query.perPage));
  return { total_items: total, total_pages: totalPages, page_number: query.page, size: contents.length, first_page: query.page === 1, last_page: query.page >= totalPages, empty: contents.length === 0, contents };
}

export async function getService(db: Kysely<Database>, serviceId: string): Promise<Row> {
  const row = await db.selectFrom('directory_service').selectAll().where('id', '=', serviceId).executeTakeFirst();
  if (!row) throw AppError.notFound('The service');
  const [service] = await nestServices(db, [row as unknown as Row]);
  return service!;
}

async function nestServices(db: Kysely<Database>, services: Row[]): Promise<Row[]> {
  const related = await repo.servicesContext(db, services.map((service) => service.id as string));
  const termOf = (id: string) => related.terms.find((term) => term.id === id);
  const attributesOf = (linkId: string) => related.attributes.filter((attribute) => attribute.link_id === linkId).map((attribute) => ({ ...plain(attribute), taxonomy_term: termOf(attribute.taxonomy_term_id) ? plain(termOf(attribute.taxonomy_term_id)!) : null }));
  return services.map((service) => {
    const id = service.id as string;
    const organization = related.organizations.find((row) => row.id === service.organization_id);
    return {
      ...plain(service),
      organization: organization ? { ...plain(organization), attributes: attributesOf(organization.id) } : null,
      phones: related.phones.filter((phone) => phone.service_id === id).map(plain),
      schedules: related.schedules.filter((schedule) => schedule.service_id === id).map(plain),
      languages: related.languages.filter((language) => language.service_id === id).map(plain),
      required_documents: related.documents.filter((document) => document.service_id === id).map(plain),
      attributes: attributesOf(id),
      service_at_locations: related.serviceAtLocations
        .filter((link) => link.service_id === id)
        .map((link) => {
          const location = related.locations.find((row) => row.id === link.location_id);
          return {
            ...plain(link),
            location: location
              ? {
                  ...plain(location),
                  addresses: related.addresses.filter((address) => address.location_id === location.id).map(plain),
                  phones: related.phones.filter((phone) => phone.location_id === location.id).map(plain),
                  schedules: related.schedules.filter((schedule) => schedule.location_id === location.id || schedule.service_at_location_id === link.id).map(plain),
                }
              : null,
          };
        }),
    };
  });
}

export const DIRECTORY_TABLES = HSDS_TABLE_NAMES;
