import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.js';

/**
 * What the portal offers to book: every service with a booking policy, grouped by the organisation
 * that provides it, and the centres where each can be booked. Public: names, addresses and the
 * documents to bring — nothing about anyone.
 */

export const PublicCentre = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
});

export const PublicBookableService = z.object({
  code: z.string().describe('The same code at every centre that offers the service'),
  names: z.record(z.string(), z.string()),
  group: z.string().describe('The organisation that provides it, e.g. the migration agency'),
  typicalMinutes: z.int(),
  requiredDocuments: z.array(z.object({ names: z.record(z.string(), z.string()) })),
  offers: z.array(z.object({ centreId: z.uuid(), serviceId: z.uuid() })),
});

export const BookingCatalogue = z.object({ centres: z.array(PublicCentre), services: z.array(PublicBookableService) });
export type BookingCatalogue = z.infer<typeof BookingCatalogue>;

export async function bookingCatalogue(db: Kysely<Database>): Promise<BookingCatalogue> {
  const rows = await db
    .selectFrom('booking_policies as p')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('centres as c', 'c.id', 'u.centre_id')
    .where('s.archived_at', 'is', null)
    .where('u.archived_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .select(['s.id as serviceId', 's.code', 's.names', 's.typical_minutes', 's.required_documents', 'u.organisation', 'u.name as unitName', 'c.id as centreId', 'c.name as centreName', 'c.time_zone', 'c.street', 'c.postal_code', 'c.city'])
    .orderBy('c.name')
    .execute();
  const centres = new Map<string, z.infer<typeof PublicCentre>>();
  const services = new Map<string, z.infer<typeof PublicBookableService>>();
  for (const row of rows) {
    centres.set(row.centreId, { id: row.centreId, name: row.centreName, timeZone: row.time_zone, address: { street: row.street, postalCode: row.postal_code, city: row.city } });
    const service = services.get(row.code) ?? {
      code: row.code,
      names: row.names,
      group: row.organisation || row.unitName,
      typicalMinutes: row.typical_minutes,
      requiredDocuments: row.required_documents.map((names) => ({ names })),
      offers: [] as { centreId: string; serviceId: string }[],
    };
    service.offers.push({ centreId: row.centreId, serviceId: row.serviceId });
    services.set(row.code, service);
  }
  const byName = (a: { names: Record<string, string> }, b: { names: Record<string, string> }) => (a.names.pt ?? '').localeCompare(b.names.pt ?? '');
  return { centres: [...centres.values()], services: [...services.values()].sort((a, b) => a.group.localeCompare(b.group) || byName(a, b)) };
}
