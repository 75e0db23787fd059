import { sql, type Kysely, type Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { centresOf, type Actor } from '../../access/actor.js';
import type { CasefileConsentsTable, Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { unitsOfStaff } from './casefile.access.js';
import { auditFileChange, auditFileRead } from './casefile.audit.js';
import { loadPersonOfFile, loadUnit } from './casefile.guard.js';
import { loadPartner, partnerRef, partnersOf } from './casefile.partners.js';
import type { PartnerContact } from '../directory/directory.partner-lookup.js';
import type { BreakGlassView, ConsentInput, ConsentView } from './casefile.schemas.js';

type ConsentRow = Selectable<CasefileConsentsTable>;

export function consentActive(row: Pick<ConsentRow, 'given_at' | 'expires_at' | 'withdrawn_at'>, now: Date): boolean {
  return row.withdrawn_at === null && row.given_at <= now && (row.expires_at === null || row.expires_at > now);
}

function presentConsent(row: ConsentRow, now: Date, partners: Map<string, PartnerContact>): ConsentView {
  const partner = partnerRef(row, partners);
  return {
    id: row.id,
    personId: row.person_id,
    purpose: row.purpose,
    sourceUnitId: row.source_unit_id,
    targetUnitId: row.target_unit_id,
    partnerOrganizationId: partner?.organizationId ?? null,
    partnerName: partner?.name ?? null,
    givenHow: row.given_how,
    witnessName: row.witness_name,
    givenAt: row.given_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawnBy: row.withdrawn_by,
    withdrawalNote: row.withdrawal_note,
    active: consentActive(row, now),
  };
}

const isSharing = (purpose: ConsentRow['purpose']) => purpose === 'share_with_unit' || purpose === 'share_with_partner';

/**
 * A consent to share a unit's section is recorded, seen and withdrawn by the staff of the units it
 * names (casefile.consent on a unit grant): nobody opens another unit's section by writing a consent.
 * Contact consents (SMS, e-mail) belong to the shared core: any casefile.consent holder at the
 * person's home centre.
 */
function mayHandle(actor: Actor, row: Pick<ConsentRow, 'purpose' | 'source_unit_id' | 'target_unit_id'>, homeCentreId: string, recording: boolean): boolean {
  if (isSharing(row.purpose)) {
    const units = unitsOfStaff(actor, 'casefile.consent');
    return units.includes(row.source_unit_id!) || (!recording && row.target_unit_id !== null && units.includes(row.target_unit_id));
  }
  const centres = centresOf(actor, 'casefile.consent');
  return centres.everywhere || centres.centreIds.includes(homeCentreId);
}

export async function recordConsent(db: Kysely<Database>, context: StaffContext, personId: string, input: ConsentInput): Promise<ConsentView> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const sharing = isSharing(input.purpose);
  const partner = input.purpose === 'share_with_partner' ? await loadPartner(db, input.partnerOrganizationId!, 'partnerOrganizationId') : null;
  const values = {
    purpose: input.purpose,
    source_unit_id: sharing ? input.sourceUnitId! : null,
    target_unit_id: input.purpose === 'share_with_unit' ? input.targetUnitId! : null,
    // The name is kept as it reads today, so the consent stays readable whatever becomes of the entry.
    partner_name: partner?.name ?? null,
    partner_organization_id: partner?.id ?? null,
  };
  if (values.source_unit_id) await loadUnit(db, values.source_unit_id);
  if (values.target_unit_id) await loadUnit(db, values.target_unit_id).catch(() => {
    throw AppError.invalid([{ path: 'targetUnitId', message: 'expected the id of a unit' }]);
  });
  if (!mayHandle(context.actor, values, person.homeCentreId, true)) throw AppError.forbidden('Only the staff of the unit whose section is shared record this consent');
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('casefile_consents')
      .values({
        id: uuidv7(),
        person_id: person.id,
        ...values,
        given_how: input.givenHow,
        witness_name: input.witnessName ?? null,
        given_at: input.givenAt ? new Date(input.givenAt) : now,
        expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
        recorded_by: context.actor.staffId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, context, { action: 'casefile.consent_record', personId: person.id, unitId: values.source_unit_id, details: { id: inserted.id, purpose: input.purpose, targetUnitId: values.target_unit_id, partnerOrganizationId: values.partner_organization_id } });
    return inserted;
  });
  return presentConsent(row, now, new Map(partner ? [[partner.id, partner]] : []));
}

export async function listConsents(db: Kysely<Database>, context: StaffContext, personId: string): Promise<ConsentView[]> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const rows = await db.selectFrom('casefile_consents').selectAll().where('person_id', '=', person.id).orderBy('recorded_at', 'desc').orderBy('id').execute();
  const shown = rows.filter((row) => mayHandle(context.actor, row, person.homeCentreId, false) || (!isSharing(row.purpose) && person.coreReadable));
  if (shown.length > 0) await auditFileRead(db, context, { action: 'casefile.consent_list', personId: person.id, details: { ids: shown.map((r) => r.id) } });
  const partners = await partnersOf(db, shown);
  return shown.map((row) => presentConsent(row, now, partners));
}

export async function withdrawConsent(db: Kysely<Database>, context: StaffContext, consentId: string, note: string | undefined): Promise<ConsentView> {
  const now = new Date();
  const existing = await db.selectFrom('casefile_consents').selectAll().where('id', '=', consentId).executeTakeFirst();
  if (!existing) throw AppError.notFound('The consent');
  const person = await loadPersonOfFile(db, context.actor, existing.person_id, now).catch(() => {
    throw AppError.notFound('The consent');
  });
  if (!mayHandle(context.actor, existing, person.homeCentreId, false)) throw AppError.notFound('The consent');
  const row = await db.transaction().execute(async (trx) => {
    // Conditional: a consent is withdrawn once; a second click changes nothing.
    const updated = await trx
      .updateTable('casefile_consents')
      .set({ withdrawn_at: now, withdrawn_by: context.actor.staffId, withdrawal_note: note ?? null })
      .where('id', '=', consentId)
      .where('withdrawn_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw AppError.conflict('This consent was already withdrawn');
    await auditFileChange(trx, context, { action: 'casefile.consent_withdraw', personId: existing.person_id, unitId: existing.source_unit_id, details: { id: consentId } });
    return updated;
  });
  return presentConsent(row, now, await partnersOf(db, [row]));
}

/** True when the person agreed to be contacted through this channel and the consent holds now. */
export async function mayContact(db: Kysely<Database>, personId: string, channel: 'sms' | 'email', now = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom('casefile_consents')
    .select(sql<number>`1`.as('one'))
    .where('person_id', '=', personId)
    .where('purpose', '=', channel === 'sms' ? 'contact_sms' : 'contact_email')
    .where('withdrawn_at', 'is', null)
    .where('given_at', '<=', now)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Break-glass: a staff member at the person's centre who has no need-to-know opens every section
 * of the file for reading, for a limited time, with a reason. Opening it and every read through it
 * are flagged in the journal (filter breakGlassOnly=true).
 */
export async function openBreakGlassAccess(db: Kysely<Database>, context: StaffContext, personId: string, reason: string, minutes: number): Promise<BreakGlassView> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const centres = centresOf(context.actor, 'casefile.break_glass');
  if (!person.coreReadable || !(centres.everywhere || centres.centreIds.includes(person.homeCentreId))) throw AppError.forbidden('You cannot open this file by break-glass');
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('casefile_break_glass')
      .values({ id: uuidv7(), staff_id: context.actor.staffId, person_id: person.id, reason, opened_at: now, expires_at: new Date(now.getTime() + minutes * 60_000) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, context, { action: 'casefile.break_glass_open', personId: person.id, breakGlassReason: reason, details: { id: inserted.id, expiresAt: inserted.expires_at.toISOString() } });
    return inserted;
  });
  return { id: row.id, personId: row.person_id, reason: row.reason, openedAt: row.opened_at.toISOString(), expiresAt: row.expires_at.toISOString() };
}
