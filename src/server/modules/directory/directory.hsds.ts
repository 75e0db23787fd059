import { z } from 'zod';
import { isCountryCode } from '../network/network.validation.js';

/**
 * The directory's tables as Open Referral HSDS v3 names them, in an order where every reference
 * points to a table listed earlier (import inserts in this order, export writes it). `kind` and
 * `origin` are OneRoof extensions (under the roof or partner; generated from the network or kept
 * by hand); HSDS readers ignore fields they do not know.
 */
const id = z.uuid({ error: 'expected a UUID' });
const optionalText = (max = 2000) => z.string().max(max).nullable().default(null);
const requiredText = (max = 500) => z.string().trim().min(1, 'must not be empty').max(max);
const reference = id.nullable().default(null);
const modified = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time' });
const origin = z.enum(['network', 'manual', 'import']).default('import');

export const HSDS_TABLES = {
  organization: z.object({
    id,
    name: requiredText(),
    alternate_name: optionalText(500),
    description: z.string().max(5000).default(''),
    email: z.email('expected an e-mail address').nullable().default(null),
    website: z.url('expected a web address').nullable().default(null),
    legal_status: optionalText(200),
    year_incorporated: z.int().min(1000).max(3000).nullable().default(null),
    kind: z.enum(['under_roof', 'partner']).default('partner'),
    origin,
    last_modified: modified,
  }),
  location: z.object({
    id,
    organization_id: reference,
    location_type: z.enum(['physical', 'postal', 'virtual']).default('physical'),
    url: z.url('expected a web address').nullable().default(null),
    name: optionalText(500),
    description: optionalText(),
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    origin,
    last_modified: modified,
  }),
  service: z.object({
    id,
    organization_id: id,
    name: requiredText(),
    alternate_name: optionalText(500),
    description: z.string().max(5000).default(''),
    url: z.url('expected a web address').nullable().default(null),
    email: z.email('expected an e-mail address').nullable().default(null),
    status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']).default('active'),
    application_process: optionalText(),
    fees_description: optionalText(),
    origin,
    last_modified: modified,
  }),
  service_at_location: z.object({ id, service_id: id, location_id: id, description: optionalText(), last_modified: modified }),
  address: z.object({
    id,
    location_id: id,
    attention: optionalText(200),
    address_1: requiredText(),
    address_2: optionalText(500),
    city: requiredText(200),
    region: optionalText(200),
    state_province: z.string().max(200).default(''),
    postal_code: z.string().max(20).default(''),
    country: z.string().refine(isCountryCode, 'expected an ISO 3166 country code such as PT'),
    address_type: z.enum(['physical', 'postal', 'virtual']).default('physical'),
    last_modified: modified,
  }),
  phone: z.object({
    id,
    location_id: reference,
    service_id: reference,
    organization_id: reference,
    number: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{2,24}$/, 'expected a phone number such as +351 210 000 000'),
    extension: optionalText(20),
    type: z.enum(['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone']).nullable().default(null),
    description: optionalText(),
    last_modified: modified,
  }),
  schedule: z.object({
    id,
    service_id: reference,
    location_id: reference,
    service_at_location_id: reference,
    valid_from: z.iso.date().nullable().default(null),
    valid_to: z.iso.date().nullable().default(null),
    freq: z.enum(['WEEKLY', 'MONTHLY']).nullable().default(null),
    byday: z.string().regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/, 'expected weekdays such as MO,TU,WE').nullable().default(null),
    opens_at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time as HH:MM').nullable().default(null),
    closes_at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time as HH:MM').nullable().default(null),
    description: optionalText(),
    last_modified: modified,
  }),
  language: z.object({
    id,
    service_id: reference,
    location_id: reference,
    phone_id: reference,
    name: optionalText(100),
    code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'expected a language code such as pt, uk or zh-Hans'),
    note: optionalText(),
    last_modified: modified,
  }),
  required_document: z.object({ id, service_id: id, document: requiredText(1000), uri: z.url('expected a web address').nullable().default(null), last_modified: modified }),
  taxonomy_term: z.object({
    id,
    code: optionalText(100),
    name: requiredText(),
    description: z.string().max(2000).default(''),
    parent_id: reference,
    taxonomy: optionalText(200),
    language: optionalText(20),
    last_modified: modified,
  }),
  attribute: z.object({
    id,
    link_id: id,
    link_type: optionalText(100),
    link_entity: z.enum(['organization', 'service', 'location']),
    taxonomy_term_id: id,
    value: optionalText(),
    last_modified: modified,
  }),
} as const;

export type HsdsTable = keyof typeof HSDS_TABLES;
export const HSDS_TABLE_NAMES = Object.keys(HSDS_TABLES) as HsdsTable[];
export type HsdsRow<T extends HsdsTable> = z.output<(typeof HSDS_TABLES)[T]>;
export type HsdsDataset = { [T in HsdsTable]: HsdsRow<T>[] };

/** Which table each reference column points to (checked before anything is written). */
export const HSDS_REFERENCES: Partial<Record<HsdsTable, Record<string, HsdsTable>>> = {
  location: { organization_id: 'organization' },
  service: { organization_id: 'organization' },
  service_at_location: { service_id: 'service', location_id: 'location' },
  address: { location_id: 'location' },
  phone: { location_id: 'location', service_id: 'service', organization_id: 'organization' },
  schedule: { service_id: 'service', location_id: 'location', service_at_location_id: 'service_at_location' },
  language: { service_id: 'service', location_id: 'location', phone_id: 'phone' },
  required_document: { service_id: 'service' },
  taxonomy_term: { parent_id: 'taxonomy_term' },
  attribute: { taxonomy_term_id: 'taxonomy_term' },
};

/** Table name in the database. */
export const dbTable = <T extends HsdsTable>(table: T) => `directory_${table}` as const;

/** Column names of a table, in HSDS order: what the CSV header and the JSON objects carry. */
export function columnsOf(table: HsdsTable): string[] {
  return Object.keys(HSDS_TABLES[table].shape);
}

/** Frictionless Table Schema field types, for datapackage.json. */
export function fieldTypeOf(column: string): string {
  if (column === 'last_modified') return 'datetime';
  if (column === 'latitude' || column === 'longitude') return 'number';
  if (column === 'year_incorporated') return 'integer';
  if (column === 'valid_from' || column === 'valid_to') return 'date';
  if (column === 'opens_at' || column === 'closes_at') return 'time';
  return 'string';
}
