import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { columnsOf, dbTable, HSDS_TABLE_NAMES, type HsdsTable } from './directory.hsds.js';
import { readAll, upsertRows } from './directory.repo.js';

type Row = Record<string, unknown>;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A stable id for a record derived from a network record: syncing again finds the same row. */
export function derivedId(base: string, tag: string): string {
  const hex = createHash('sha1').update(`${base}/${tag}`).digest('hex');
  // Shaped as a version-5 UUID (name-based, SHA-1).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The directory rows that describe the units under the roof, computed from the network model:
 * each unit is an organization, each centre a location (with its address, phone and weekly hours),
 * each service a service offered at its centre, with its languages and required documents.
 */
async function desiredRows(db: Kysely<Database>, hostLanguage: string): Promise<Record<HsdsTable, Row[]>> {
  const rows = Object.fromEntries(HSDS_TABLE_NAMES.map((table) => [table, [] as Row[]])) as Record<HsdsTable, Row[]>;
  const centres = await db.selectFrom('centres').selectAll().where('archived_at', 'is', null).orderBy('code').execute();
  const units = await db.selectFrom('units').selectAll().where('archived_at', 'is', null).execute();
  const services = await db.selectFrom('services').selectAll().execute();
  const hours = await db.selectFrom('centre_opening_hours').selectAll().execute();
  const liveCentre = new Set(centres.map((centre) => centre.id));
  for (const centre of centres) {
    rows.location.push({ id: centre.id, organization_id: null, location_type: 'physical', url: null, name: centre.name, description: null, latitude: null, longitude: null, origin: 'network' });
    rows.address.push({ id: derivedId(centre.id, 'address'), location_id: centre.id, attention: null, address_1: centre.street || centre.name, address_2: null, city: centre.city || centre.name, region: null, state_province: '', postal_code: centre.postal_code, country: centre.country, address_type: 'physical' });
    if (centre.phone) rows.phone.push({ id: derivedId(centre.id, 'phone'), location_id: centre.id, service_id: null, organization_id: null, number: centre.phone, extension: null, type: 'voice', description: null });
    // One schedule per distinct interval, listing the weekdays it applies to (lunch breaks give two).
    const byInterval = new Map<string, number[]>();
    for (const hour of hours.filter((row) => row.centre_id === centre.id)) {
      const key = `${hour.opens.slice(0, 5)}-${hour.closes.slice(0, 5)}`;
      byInterval.set(key, [...(byInterval.get(key) ?? []), hour.weekday]);
    }
    for (const [interval, days] of [...byInterval].sort()) {
      const [opens, closes] = interval.split('-');
      rows.schedule.push({ id: derivedId(centre.id, `hours/${interval}`), service_id: null, location_id: centre.id, service_at_location_id: null, valid_from: null, valid_to: null, freq: 'WEEKLY', byday: [...new Set(days)].sort().map((day) => WEEKDAYS[day - 1]).join(','), opens_at: `${opens}:00`, closes_at: `${closes}:00`, description: null });
    }
  }
  for (const unit of units.filter((row) => liveCentre.has(row.centre_id))) {
    rows.organization.push({ id: unit.id, name: unit.name, alternate_name: unit.organisation || null, description: '', email: null, website: null, legal_status: null, year_incorporated: null, kind: 'under_roof', origin: 'network' });
    for (const service of services.filter((row) => row.unit_id === unit.id)) {
      const names = service.names;
      rows.service.push({ id: service.id, organization_id: unit.id, name: names[hostLanguage] ?? Object.values(names)[0], alternate_name: names.en ?? null, description: '', url: null, email: null, status: service.archived_at ? 'inactive' : 'active', application_process: null, fees_description: null, origin: 'network' });
      rows.service_at_location.push({ id: derivedId(service.id, `at/${unit.centre_id}`), service_id: service.id, location_id: unit.centre_id, description: null });
      for (const code of service.languages) rows.language.push({ id: derivedId(service.id, `language/${code}`), service_id: service.id, location_id: null, phone_id: null, name: null, code, note: null });
      service.required_documents.forEach((document, index) => {
        rows.required_document.push({ id: derivedId(service.id, `document/${index}`), service_id: service.id, document: document[hostLanguage] ?? Object.values(document)[0] ?? '', uri: null });
      });
    }
  }
  return rows;
}

function sameContent(table: HsdsTable, a: Row, b: Row): boolean {
  return columnsOf(table).every((column) => column === 'last_modified' || String(a[column] ?? '') === String(b[column] ?? ''));
}

/**
 * Brings the under-the-roof part of the directory in line with the network model. Only rows that
 * changed get a new `last_modified` (so `modified_after` stays meaningful), and a service is touched
 * when anything about it or its location changed. Rows of outside partners are never touched.
 */
export async function syncNetworkRows(trx: Kysely<Database>, hostLanguage: string): Promise<{ changed: number; removed: number }> {
  const now = new Date().toISOString();
  const desired = await desiredRows(trx, hostLanguage);
  const current = (await readAll(trx)) as unknown as Record<HsdsTable, Row[]>;
  const networkParents = new Set<string>([...current.organization, ...current.location, ...current.service].filter((row) => row.origin === 'network').map((row) => row.id as string));
  const owned = (row: Row) => row.origin === 'network' || ['service_id', 'location_id', 'organization_id'].some((column) => row.origin === undefined && typeof row[column] === 'string' && networkParents.has(row[column] as string));
  const touchedServices = new Set<string>();
  const touchedLocations = new Set<string>();
  let changed = 0;
  let removed = 0;
  const upserts = {} as Record<HsdsTable, Row[]>;
  for (const table of HSDS_TABLE_NAMES) {
    const existing = new Map(current[table].map((row) => [row.id as string, row]));
    upserts[table] = desired[table].filter((row) => {
      const before = existing.get(row.id as string);
      return !before || !sameContent(table, { ...row, origin: row.origin ?? before.origin }, before);
    });
    for (const row of upserts[table]) {
      if (typeof row.service_id === 'string') touchedServices.add(row.service_id);
      if (typeof row.location_id === 'string') touchedLocations.add(row.location_id);
    }
  }
  // Remove rows of the network that no longer exist (children before parents).
  for (const table of [...HSDS_TABLE_NAMES].reverse()) {
    const wanted = new Set(desired[table].map((row) => row.id as string));
    const stale = current[table].filter((row) => owned(row) && !wanted.has(row.id as string)).map((row) => row.id as string);
    if (stale.length > 0) {
      for (const row of current[table].filter((one) => stale.includes(one.id as string))) {
        if (typeof row.service_id === 'string') touchedServices.add(row.service_id);
        if (typeof row.location_id === 'string') touchedLocations.add(row.location_id);
      }
      await trx.deleteFrom(dbTable(table)).where('id', 'in', stale).execute();
      removed += stale.length;
    }
  }
  for (const link of desired.service_at_location) if (touchedLocations.has(link.location_id as string)) touchedServices.add(link.service_id as string);
  const upsertedServices = new Set(upserts.service.map((row) => row.id as string));
  for (const service of desired.service) if (touchedServices.has(service.id as string) && !upsertedServices.has(service.id as string)) upserts.service.push(service);
  for (const table of HSDS_TABLE_NAMES) {
    await upsertRows(trx, table, upserts[table].map((row) => ({ ...row, last_modified: now })));
    changed += upserts[table].length;
  }
  return { changed, removed };
}
