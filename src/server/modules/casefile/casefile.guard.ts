import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Database, SectionName } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { findUnitById } from '../network/network.units.service.js';
import { can as canPeople } from '../people/people.policy.js';
import { findPersonPlacement } from '../people/people.service.js';
import { mayWriteSection, unitsOfStaff } from './casefile.access.js';

export interface PersonOfFile {
  id: string;
  homeCentreId: string;
  /** The actor reads the person's shared core (identity, languages, contacts) at their home centre. */
  coreReadable: boolean;
}

/**
 * The person of a file, when the actor has any business with it: the shared core at the person's
 * home centre (people.read), or as staff of a unit that the person's file is opened to by a live
 * consent or a sent or accepted referral, or by an open break-glass access. Anyone else gets the
 * same 404 as for a person that does not exist.
 */
export async function loadPersonOfFile(db: Kysely<Database>, actor: Actor, personId: string, now: Date): Promise<PersonOfFile> {
  const placement = await findPersonPlacement(db, personId);
  if (!placement) throw AppError.notFound('The person');
  const coreReadable = canPeople(actor, 'people.read', placement.homeCentreId);
  if (coreReadable) return { id: placement.id, homeCentreId: placement.homeCentreId, coreReadable };
  const units = unitsOfStaff(actor, 'casefile.read');
  const related = await db
    .selectNoFrom([
      sql<boolean>`(
        EXISTS (SELECT 1 FROM casefile_break_glass b WHERE b.staff_id = ${actor.staffId} AND b.person_id = ${personId} AND b.opened_at <= ${now} AND b.expires_at > ${now})
        OR (${units.length > 0 ? sql`true` : sql`false`} AND (
          EXISTS (SELECT 1 FROM casefile_referrals r WHERE r.person_id = ${personId} AND r.status IN ('sent', 'accepted') AND r.to_unit_id = ANY(${sql.val(units)}::uuid[]))
          OR EXISTS (SELECT 1 FROM casefile_consents c WHERE c.person_id = ${personId} AND c.purpose = 'share_with_unit' AND c.target_unit_id = ANY(${sql.val(units)}::uuid[])
            AND c.withdrawn_at IS NULL AND c.given_at <= ${now} AND (c.expires_at IS NULL OR c.expires_at > ${now}))
          OR EXISTS (SELECT 1 FROM casefile_entries e WHERE e.person_id = ${personId} AND e.unit_id = ANY(${sql.val(units)}::uuid[]))
          OR EXISTS (SELECT 1 FROM casefile_procedures p WHERE p.person_id = ${personId} AND p.unit_id = ANY(${sql.val(units)}::uuid[]))
        ))
      )`.as('related'),
    ])
    .executeTakeFirstOrThrow();
  if (!related.related) throw AppError.notFound('The person');
  return { id: placement.id, homeCentreId: placement.homeCentreId, coreReadable };
}

export interface UnitPlace {
  id: string;
  centreId: string;
  name: string;
}

export async function loadUnit(db: Kysely<Database>, unitId: string): Promise<UnitPlace> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw AppError.notFound('The unit');
  return { id: unit.id, centreId: unit.centreId, name: unit.name };
}

/** 403 unless the actor may write this section of the unit (see mayWriteSection). */
export async function loadWritableUnit(db: Kysely<Database>, actor: Actor, unitId: string, section: SectionName): Promise<UnitPlace> {
  const unit = await loadUnit(db, unitId);
  if (!mayWriteSection(actor, unit, section)) throw AppError.forbidden('Only the staff of this unit may write in its section of the file');
  return unit;
}

export async function loadServiceOfUnit(db: Kysely<Database>, serviceId: string, unitId?: string) {
  const service = await findServiceById(db, serviceId);
  if (!service || (unitId && service.unitId !== unitId)) {
    throw AppError.invalid([{ path: 'serviceId', message: 'expected a service of the unit' }]);
  }
  return service;
}
