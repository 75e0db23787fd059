import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.js';

/**
 * Outside partners of the directory (associations, NGOs, municipal services): HSDS organisations of
 * kind `partner` that are not a unit under the roof. The case file names them on consents and
 * referrals (docs/casefile.md); staff pick them by name and read their phones and address here.
 */
export const PartnerContact = z.object({
  id: z.uuid(),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  phones: z.array(z.object({ number: z.string(), extension: z.string().nullable(), type: z.string().nullable() })),
  addresses: z.array(z.object({ address1: z.string(), address2: z.string().nullable(), postalCode: z.string(), city: z.string(), region: z.string().nullable(), country: z.string() })),
});
export type PartnerContact = z.infer<typeof PartnerContact>;

export const PartnerSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PartnerSearchQuery = z.infer<typeof PartnerSearchQuery>;

function partners(db: Kysely<Database>) {
  return db
    .selectFrom('directory_organization as o')
    .select(['o.id', 'o.name', 'o.alternate_name', 'o.description', 'o.email', 'o.website'])
    .where('o.kind', '=', 'partner')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('units as u').select('u.id').whereRef('u.id', '=', 'o.id'))));
}

/** Phones of the organisation itself, of its locations and of its services; addresses of its locations, physical first. */
async function summarise(db: Kysely<Database>, rows: { id: string; name: string; alternate_name: string | null; description: string; email: string | null; website: string | null }[]): Promise<PartnerContact[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const locations = await db.selectFrom('directory_location').select(['id', 'organization_id']).where('organization_id', 'in', ids).execute();
  const services = await db.selectFrom('directory_service').select(['id', 'organization_id']).where('organization_id', 'in', ids).where('status', '<>', 'defunct').execute();
  const ownerOf = new Map<string, string>([...locations, ...services].map((row) => [row.id, row.organization_id!]));
  const locationIds = locations.map((row) => row.id);
  const serviceIds = services.map((row) => row.id);
  const phones = await db
    .selectFrom('directory_phone')
    .select(['id', 'number', 'extension', 'type', 'organization_id', 'location_id', 'service_id'])
    .where((eb) => eb.or([eb('organization_id', 'in', ids), ...(locationIds.length ? [eb('location_id', 'in', locationIds)] : []), ...(serviceIds.length ? [eb('service_id', 'in', serviceIds)] : [])]))
    .orderBy('id')
    .execute();
  const addresses = locationIds.length
    ? await db.selectFrom('directory_address').selectAll().where('location_id', 'in', locationIds).orderBy(sql`address_type <> 'physical'`).orderBy('id').execute()
    : [];
  return rows.map((row) => {
    const own = (phone: (typeof phones)[number]) => phone.organization_id === row.id || ownerOf.get(phone.location_id ?? '') === row.id || ownerOf.get(phone.service_id ?? '') === row.id;
    const seen = new Set<string>();
    return {
      id: row.id,
      name: row.name,
      alternateName: row.alternate_name,
      description: row.description,
      email: row.email,
      website: row.website,
      // One number offered by the location and by the service is one phone.
      phones: phones.filter(own).filter((phone) => !seen.has(phone.number) && Boolean(seen.add(phone.number))).map((phone) => ({ number: phone.number, extension: phone.extension, type: phone.type })),
      addresses: addresses
        .filter((address) => ownerOf.get(address.location_id) === row.id)
        .map((address) => ({ address1: address.address_1, address2: address.address_2, postalCode: address.postal_code, city: address.city, region: address.region, country: address.country })),
    };
  });
}

/** Partners whose name (or other name) holds every word typed, accents and case aside; by name. */
export async function searchPartners(db: Kysely<Database>, query: PartnerSearchQuery): Promise<PartnerContact[]> {
  let select = partners(db);
  for (const word of query.q.split(/\s+/).filter(Boolean).slice(0, 6)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where(sql<boolean>`unaccent(lower(o.name || ' ' || coalesce(o.alternate_name, ''))) LIKE unaccent(lower(${pattern}))`);
  }
  return summarise(db, await select.orderBy('o.name').orderBy('o.id').limit(query.limit).execute());
}

/** The partners among these ids (others — unknown, or units under the roof — are left out). */
export async function findPartners(db: Kysely<Database>, ids: string[]): Promise<Map<string, PartnerContact>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await summarise(db, await partners(db).where('o.id', 'in', unique).execute());
  return new Map(found.map((partner) => [partner.id, partner]));
}

export async function findPartner(db: Kysely<Database>, id: string): Promise<PartnerContact | undefined> {
  return (await findPartners(db, [id])).get(id);
}
