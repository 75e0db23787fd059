import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { derivedId } from './directory.network-sync.js';
import type { PartnerInput, PartnerSummary, PartnerType, PartnerView } from './directory.partners.schemas.js';
import { PARTNER_TYPES } from './directory.partners.schemas.js';
import { ensureMayManage } from './directory.policy.js';

/**
 * Outside partners kept by hand (docs/directory.md): an organisation of kind `partner` with its
 * locations (an address, phones, hours) and services (languages, phones, hours, documents, where
 * they are offered). Saving writes the HSDS rows in one transaction: the organisation, locations and
 * services keep their ids; their addresses, phones, hours, languages, documents and links are
 * replaced by what the form holds. The partner's kind (association, NGO, municipal service) is an
 * HSDS attribute to a term of the `oneroof-partner-kind` taxonomy, as the demo partners have it.
 */

export const PARTNER_KIND_TAXONOMY = 'oneroof-partner-kind';
/** Names of the kind terms, in the host language like the rest of the directory's texts. */
const PARTNER_KIND_NAMES: Record<PartnerType, string> = { association: 'Associação de imigrantes', ngo: 'Organização não governamental', municipal: 'Serviço municipal' };

type Db = Kysely<Database>;
const hhmm = (value: string | null) => (value ?? '').slice(0, 5);
const isPartnerType = (code: string | null): code is PartnerType => (PARTNER_TYPES as readonly string[]).includes(code ?? '');

export async function listPartners(db: Db, context: StaffContext): Promise<PartnerSummary[]> {
  ensureMayManage(context.actor);
  const organizations = await db.selectFrom('directory_organization').select(['id', 'name', 'origin', 'last_modified']).where('kind', '=', 'partner').orderBy('name').orderBy('id').execute();
  if (organizations.length === 0) return [];
  const ids = organizations.map((row) => row.id);
  const [counts, kinds] = await Promise.all([
    db.selectFrom('directory_service').select(['organization_id', (eb) => eb.fn.countAll<string>().as('total')]).where('organization_id', 'in', ids).where('status', '<>', 'defunct').groupBy('organization_id').execute(),
    kindsOf(db, ids),
  ]);
  return organizations.map((row) => ({
    id: row.id,
    name: row.name,
    partnerType: kinds.get(row.id) ?? null,
    origin: row.origin,
    services: Number(counts.find((count) => count.organization_id === row.id)?.total ?? 0),
    lastModified: new Date(row.last_modified).toISOString(),
  }));
}

export async function getPartner(db: Db, context: StaffContext, id: string): Promise<PartnerView> {
  ensureMayManage(context.actor);
  return readPartner(db, id);
}

export async function createPartner(db: Db, context: StaffContext, input: PartnerInput): Promise<PartnerView> {
  ensureMayManage(context.actor);
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await writePartner(trx, id, input, { services: [], locations: [] });
    await recordAudit(trx, context, { action: 'directory.partner.create', resourceType: 'directory_organization', resourceId: id, details: { name: input.name, services: input.services.length, locations: input.locations.length } });
  });
  return readPartner(db, id);
}

export async function updatePartner(db: Db, context: StaffContext, id: string, input: PartnerInput): Promise<PartnerView> {
  ensureMayManage(context.actor);
  await db.transaction().execute(async (trx) => {
    const organization = await trx.selectFrom('directory_organization').select(['kind']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!organization) throw AppError.notFound('The partner');
    if (organization.kind !== 'partner') throw AppError.conflict('This organisation is a unit under the roof: its entry is generated from the network model');
    const existing = {
      services: (await trx.selectFrom('directory_service').select('id').where('organization_id', '=', id).execute()).map((row) => row.id),
      locations: (await trx.selectFrom('directory_location').select('id').where('organization_id', '=', id).execute()).map((row) => row.id),
    };
    await writePartner(trx, id, input, existing);
    const removed = { services: existing.services.filter((serviceId) => !input.services.some((service) => service.id === serviceId)).length, locations: existing.locations.filter((locationId) => !input.locations.some((location) => location.id === locationId)).length };
    await recordAudit(trx, context, { action: 'directory.partner.update', resourceType: 'directory_organization', resourceId: id, details: { name: input.name, services: input.services.length, locations: input.locations.length, removed } });
  });
  return readPartner(db, id);
}

/** Ids in the form must be the partner's own: a form cannot move another organisation's rows. */
function checkIds(input: PartnerInput, existing: { services: string[]; locations: string[] }): void {
  const fields = [
    ...input.services.flatMap((service, index) => (service.id && !existing.services.includes(service.id) ? [{ path: `body.services.${index}.id`, message: 'not a service of this partner' }] : [])),
    ...input.locations.flatMap((location, index) => (location.id && !existing.locations.includes(location.id) ? [{ path: `body.locations.${index}.id`, message: 'not a location of this partner' }] : [])),
  ];
  const twice = (ids: (string | undefined)[]) => ids.filter((value, index) => value && ids.indexOf(value) !== index);
  for (const id of twice(input.services.map((service) => service.id))) fields.push({ path: `body.services.${input.services.findLastIndex((service) => service.id === id)}.id`, message: 'listed twice' });
  for (const id of twice(input.locations.map((location) => location.id))) fields.push({ path: `body.locations.${input.locations.findLastIndex((location) => location.id === id)}.id`, message: 'listed twice' });
  if (fields.length > 0) throw AppError.invalid(fields);
}

async function writePartner(trx: Transaction<Database>, id: string, input: PartnerInput, existing: { services: string[]; locations: string[] }): Promise<void> {
  checkIds(input, existing);
  const now = new Date();
  const organization = { name: input.name, alternate_name: input.alternateName, description: input.description, email: input.email, website: input.website, kind: 'partner' as const, origin: 'manual' as const, last_modified: now };
  await trx.insertInto('directory_organization').values({ id, ...organization }).onConflict((oc) => oc.column('id').doUpdateSet(organization)).execute();

  const keptServices = new Set(input.services.flatMap((service) => (service.id ? [service.id] : [])));
  const keptLocations = new Set(input.locations.flatMap((location) => (location.id ? [location.id] : [])));
  await clearRows(trx, existing, {
    services: existing.services.filter((serviceId) => !keptServices.has(serviceId)),
    locations: existing.locations.filter((locationId) => !keptLocations.has(locationId)),
  });

  const locationIds = input.locations.map((location) => location.id ?? uuidv7());
  for (const [index, location] of input.locations.entries()) {
    const locationId = locationIds[index]!;
    const row = { organization_id: id, location_type: 'physical', name: location.name, origin: 'manual' as const, last_modified: now };
    await trx.insertInto('directory_location').values({ id: locationId, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    await trx
      .insertInto('directory_address')
      .values({ id: uuidv7(), location_id: locationId, address_1: location.address1, address_2: location.address2, city: location.city, postal_code: location.postalCode, country: location.country, address_type: 'physical', last_modified: now })
      .execute();
    await insertPhones(trx, location.phones, { location_id: locationId }, now);
    await insertSchedules(trx, location.schedules, { location_id: locationId }, now);
  }

  for (const service of input.services) {
    const serviceId = service.id ?? uuidv7();
    const row = {
      organization_id: id,
      name: service.name,
      description: service.description,
      url: service.url,
      email: service.email,
      status: service.status,
      application_process: service.applicationProcess,
      fees_description: service.feesDescription,
      origin: 'manual' as const,
      last_modified: now,
    };
    await trx.insertInto('directory_service').values({ id: serviceId, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    await insertPhones(trx, service.phones, { service_id: serviceId }, now);
    await insertSchedules(trx, service.schedules, { service_id: serviceId }, now);
    if (service.languages.length > 0) await trx.insertInto('directory_language').values(service.languages.map((code) => ({ id: uuidv7(), service_id: serviceId, code, last_modified: now }))).execute();
    if (service.requiredDocuments.length > 0) await trx.insertInto('directory_required_document').values(service.requiredDocuments.map((document) => ({ id: uuidv7(), service_id: serviceId, document, last_modified: now }))).execute();
    const at = [...new Set(service.locations)].map((position) => locationIds[position]!);
    if (at.length > 0) await trx.insertInto('directory_service_at_location').values(at.map((locationId) => ({ id: uuidv7(), service_id: serviceId, location_id: locationId, last_modified: now }))).execute();
  }

  await setKind(trx, id, input.partnerType, now);
}

/**
 * Removes what the form replaces: the children of every existing service and location (addresses,
 * phones, hours, languages, documents, links), then the services and locations left out of the
 * form with the attributes that point to them. The organisation's own phones are not in the form
 * and stay.
 */
async function clearRows(trx: Transaction<Database>, existing: { services: string[]; locations: string[] }, removed: { services: string[]; locations: string[] }): Promise<void> {
  const { services, locations } = existing;
  if (services.length === 0 && locations.length === 0) return;
  const none = ['00000000-0000-0000-0000-000000000000'];
  const anyOf = (ids: string[]) => (ids.length > 0 ? ids : none);
  const links = (
    await trx
      .selectFrom('directory_service_at_location')
      .select('id')
      .where((eb) => eb.or([eb('service_id', 'in', anyOf(services)), eb('location_id', 'in', anyOf(removed.locations))]))
      .execute()
  ).map((row) => row.id);
  const phones = (
    await trx
      .selectFrom('directory_phone')
      .select('id')
      .where((eb) => eb.or([eb('service_id', 'in', anyOf(services)), eb('location_id', 'in', anyOf(locations))]))
      .execute()
  ).map((row) => row.id);
  await trx
    .deleteFrom('directory_language')
    .where((eb) => eb.or([eb('service_id', 'in', anyOf(services)), eb('location_id', 'in', anyOf(locations)), eb('phone_id', 'in', anyOf(phones))]))
    .execute();
  await trx
    .deleteFrom('directory_schedule')
    .where((eb) => eb.or([eb('service_id', 'in', anyOf(services)), eb('location_id', 'in', anyOf(locations)), eb('service_at_location_id', 'in', anyOf(links))]))
    .execute();
  await trx.deleteFrom('directory_phone').where('id', 'in', anyOf(phones)).execute();
  await trx.deleteFrom('directory_required_document').where('service_id', 'in', anyOf(services)).execute();
  await trx.deleteFrom('directory_address').where('location_id', 'in', anyOf(locations)).execute();
  await trx.deleteFrom('directory_service_at_location').where('id', 'in', anyOf(links)).execute();
  const gone = [...removed.services, ...removed.locations];
  if (gone.length > 0) await trx.deleteFrom('directory_attribute').where('link_id', 'in', gone).execute();
  if (removed.services.length > 0) await trx.deleteFrom('directory_service').where('id', 'in', removed.services).execute();
  if (removed.locations.length > 0) await trx.deleteFrom('directory_location').where('id', 'in', removed.locations).execute();
}

async function insertPhones(trx: Transaction<Database>, phones: PartnerInput['services'][number]['phones'], owner: { service_id?: string; location_id?: string }, now: Date): Promise<void> {
  if (phones.length === 0) return;
  await trx.insertInto('directory_phone').values(phones.map((phone) => ({ id: uuidv7(), service_id: owner.service_id ?? null, location_id: owner.location_id ?? null, organization_id: null, number: phone.number, type: phone.type, last_modified: now }))).execute();
}

async function insertSchedules(trx: Transaction<Database>, schedules: PartnerInput['services'][number]['schedules'], owner: { service_id?: string; location_id?: string }, now: Date): Promise<void> {
  if (schedules.length === 0) return;
  await trx
    .insertInto('directory_schedule')
    .values(schedules.map((schedule) => ({ id: uuidv7(), service_id: owner.service_id ?? null, location_id: owner.location_id ?? null, freq: 'WEEKLY', byday: schedule.days.join(','), opens_at: schedule.opensAt, closes_at: schedule.closesAt, last_modified: now })))
    .execute();
}

/** The kind term, found by taxonomy and code (the demo's or an imported one), made when missing. */
async function setKind(trx: Transaction<Database>, organizationId: string, kind: PartnerType, now: Date): Promise<void> {
  const terms = await trx.selectFrom('directory_taxonomy_term').select(['id', 'code']).where('taxonomy', '=', PARTNER_KIND_TAXONOMY).orderBy('id').execute();
  let term = terms.find((row) => row.code === kind)?.id;
  if (!term) {
    term = derivedId(PARTNER_KIND_TAXONOMY, kind);
    await trx.insertInto('directory_taxonomy_term').values({ id: term, code: kind, name: PARTNER_KIND_NAMES[kind], taxonomy: PARTNER_KIND_TAXONOMY, language: 'pt', last_modified: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
  const kindTerms = [...terms.map((row) => row.id), term];
  await trx.deleteFrom('directory_attribute').where('link_id', '=', organizationId).where('taxonomy_term_id', 'in', kindTerms).execute();
  await trx.insertInto('directory_attribute').values({ id: uuidv7(), link_id: organizationId, link_entity: 'organization', taxonomy_term_id: term, last_modified: now }).execute();
}

async function kindsOf(db: Db, organizationIds: string[]): Promise<Map<string, PartnerType>> {
  const rows = await db
    .selectFrom('directory_attribute as attribute')
    .innerJoin('directory_taxonomy_term as term', 'term.id', 'attribute.taxonomy_term_id')
    .select(['attribute.link_id', 'term.code'])
    .where('attribute.link_id', 'in', organizationIds)
    .where('term.taxonomy', '=', PARTNER_KIND_TAXONOMY)
    .orderBy('attribute.id')
    .execute();
  const kinds = new Map<string, PartnerType>();
  for (const row of rows) if (isPartnerType(row.code)) kinds.set(row.link_id, row.code);
  return kinds;
}

const daysOf = (byday: string | null) => (byday ? byday.split(',') : []) as PartnerView['services'][number]['schedules'][number]['days'];

async function readPartner(db: Db, id: string): Promise<PartnerView> {
  const organization = await db.selectFrom('directory_organization').selectAll().where('id', '=', id).executeTakeFirst();
  if (!organization || organization.kind !== 'partner') throw AppError.notFound('The partner');
  const locations = await db.selectFrom('directory_location').selectAll().where('organization_id', '=', id).orderBy('id').execute();
  const services = await db.selectFrom('directory_service').selectAll().where('organization_id', '=', id).orderBy('id').execute();
  const locationIds = locations.map((row) => row.id);
  const serviceIds = services.map((row) => row.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const anyOf = (ids: string[]) => (ids.length > 0 ? ids : none);
  const [addresses, phones, schedules, languages, documents, links, kinds] = await Promise.all([
    db.selectFrom('directory_address').selectAll().where('location_id', 'in', anyOf(locationIds)).orderBy('id').execute(),
    db.selectFrom('directory_phone').selectAll().where((eb) => eb.or([eb('service_id', 'in', anyOf(serviceIds)), eb('location_id', 'in', anyOf(locationIds))])).orderBy('id').execute(),
    db.selectFrom('directory_schedule').selectAll().where((eb) => eb.or([eb('service_id', 'in', anyOf(serviceIds)), eb('location_id', 'in', anyOf(locationIds))])).orderBy('id').execute(),
    db.selectFrom('directory_language').selectAll().where('service_id', 'in', anyOf(serviceIds)).orderBy('id').execute(),
    db.selectFrom('directory_required_document').selectAll().where('service_id', 'in', anyOf(serviceIds)).orderBy('id').execute(),
    db.selectFrom('directory_service_at_location').selectAll().where('service_id', 'in', anyOf(serviceIds)).orderBy('id').execute(),
    kindsOf(db, [id]),
  ]);
  const phoneView = (row: (typeof phones)[number]) => ({ number: row.number, type: row.type ?? 'voice' });
  const scheduleView = (row: (typeof schedules)[number]) => ({ days: daysOf(row.byday), opensAt: hhmm(row.opens_at), closesAt: hhmm(row.closes_at) });
  return {
    id,
    name: organization.name,
    alternateName: organization.alternate_name,
    description: organization.description,
    partnerType: kinds.get(id) ?? null,
    email: organization.email,
    website: organization.website,
    origin: organization.origin,
    lastModified: new Date(organization.last_modified).toISOString(),
    locations: locations.map((location) => {
      const address = addresses.find((row) => row.location_id === location.id);
      return {
        id: location.id,
        name: location.name,
        address1: address?.address_1 ?? '',
        address2: address?.address_2 ?? null,
        postalCode: address?.postal_code ?? '',
        city: address?.city ?? '',
        country: address?.country ?? 'PT',
        phones: phones.filter((row) => row.location_id === location.id).map(phoneView),
        schedules: schedules.filter((row) => row.location_id === location.id).map(scheduleView),
      };
    }),
    services: services.map((service) => ({
      id: service.id,
      name: service.name,
      description: service.description,
      url: service.url,
      email: service.email,
      status: service.status as PartnerView['services'][number]['status'],
      applicationProcess: service.application_process,
      feesDescription: service.fees_description,
      languages: languages.filter((row) => row.service_id === service.id).map((row) => row.code),
      phones: phones.filter((row) => row.service_id === service.id).map(phoneView),
      schedules: schedules.filter((row) => row.service_id === service.id).map(scheduleView),
      requiredDocuments: documents.filter((row) => row.service_id === service.id).map((row) => row.document),
      locations: links.filter((row) => row.service_id === service.id).flatMap((row) => {
        const position = locationIds.indexOf(row.location_id);
        return position >= 0 ? [position] : [];
      }),
    })),
  };
}
