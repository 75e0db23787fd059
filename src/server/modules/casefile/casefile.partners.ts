import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { findPartner, findPartners, type PartnerContact } from '../directory/directory.partner-lookup.js';
import type { PartnerRef } from './casefile.schemas.js';

/**
 * Partner associations on consents and referrals come from the service directory (docs/casefile.md):
 * the id must name an organisation of kind `partner` that is not a unit under the roof — a unit
 * is referred to as a unit, with its own staff and need-to-know.
 */
export async function loadPartner(db: Kysely<Database>, organizationId: string, path: string): Promise<PartnerContact> {
  const partner = await findPartner(db, organizationId);
  if (!partner) throw AppError.invalid([{ path, message: 'expected a partner organisation of the directory (an association, NGO or municipal service; not a unit under the roof)' }]);
  return partner;
}

type PartnerColumns = { partner_name: string | null; partner_organization_id: string | null };

/** The directory entries of these rows' partners, read once for a whole list. */
export function partnersOf(db: Kysely<Database>, rows: PartnerColumns[]): Promise<Map<string, PartnerContact>> {
  return findPartners(db, rows.map((row) => row.partner_organization_id).filter((id): id is string => id !== null));
}

/**
 * The partner as screens show it: the directory's current name, phones and addresses when the row is
 * linked; the name as recorded otherwise (free text written before partners came from the
 * directory, or an organisation that has left it).
 */
export function partnerRef(row: PartnerColumns, partners: Map<string, PartnerContact>): PartnerRef | null {
  const found = row.partner_organization_id ? partners.get(row.partner_organization_id) : undefined;
  if (found) return { organizationId: found.id, name: found.name, phones: found.phones, addresses: found.addresses, email: found.email, website: found.website };
  if (row.partner_name === null) return null;
  return { organizationId: null, name: row.partner_name, phones: [], addresses: [], email: null, website: null };
}
