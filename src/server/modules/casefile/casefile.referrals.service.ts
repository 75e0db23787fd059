import { sql, type Kysely, type Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../access/actor.js';
import type { CasefileReferralsTable, Database, ReferralStatus } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { findUnitById } from '../network/network.units.service.js';
import { personDisplayNames } from '../people/people.service.js';
import { unitsOfStaff } from './casefile.access.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { auditFileChange, auditListed } from './casefile.audit.js';
import { loadPersonOfFile, loadUnit } from './casefile.guard.js';
import { loadPartner, partnerRef, partnersOf } from './casefile.partners.js';
import type { ReferralInput, ReferralListQuery, ReferralView } from './casefile.referrals.schemas.js';

type ReferralRow = Selectable<CasefileReferralsTable>;
const DAY = 86_400_000;

/**
 * Referrals: `sent → accepted | rejected`, `accepted → done`, `sent | accepted → revoked`.
 * The receiving unit answers and closes; for a partner association (which has no account) the
 * sending unit records the partner's answer. While accepted — and only then — the referral opens the
 * sections chosen at sending to the receiving unit; done, rejected and revoked close them again
 * (the receiving unit keeps what it wrote in its own section).
 */
const MOVES: Record<'accept' | 'reject' | 'complete' | 'revoke', { from: ReferralStatus[]; to: ReferralStatus; by: 'receiver' | 'sender' }> = {
  accept: { from: ['sent'], to: 'accepted', by: 'receiver' },
  reject: { from: ['sent'], to: 'rejected', by: 'receiver' },
  complete: { from: ['accepted'], to: 'done', by: 'receiver' },
  revoke: { from: ['sent', 'accepted'], to: 'revoked', by: 'sender' },
};
export type ReferralMove = keyof typeof MOVES;

function referralUnits(actor: Actor): string[] {
  return unitsOfStaff(actor, 'casefile.refer');
}

/** SQL filter: referrals sent by or to one of the actor's units. */
function involving(actor: Actor, box?: 'incoming' | 'outgoing') {
  const units = referralUnits(actor);
  if (units.length === 0) return sql<boolean>`false`;
  const list = sql`${sql.val(units)}::uuid[]`;
  if (box === 'incoming') return sql<boolean>`r.to_unit_id = ANY(${list})`;
  if (box === 'outgoing') return sql<boolean>`r.from_unit_id = ANY(${list})`;
  return sql<boolean>`(r.to_unit_id = ANY(${list}) OR r.from_unit_id = ANY(${list}))`;
}

async function present(db: Kysely<Database>, rows: ReferralRow[], now: Date): Promise<ReferralView[]> {
  const names = await personDisplayNames(db, rows.map((r) => r.person_id));
  const partners = await partnersOf(db, rows);
  const unitNames = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => [r.from_unit_id, r.to_unit_id]).filter((x): x is string => Boolean(x)))) unitNames.set(id, (await findUnitById(db, id))?.name ?? '');
  return rows.map((r) => {
    const partner = partnerRef(r, partners);
    const waitingSince = r.status === 'sent' ? r.sent_at : r.status === 'accepted' ? r.answered_at : null;
    return {
      id: r.id,
      person: { id: r.person_id, name: names.get(r.person_id) ?? '' },
      fromUnit: { id: r.from_unit_id, name: unitNames.get(r.from_unit_id) ?? '' },
      toUnit: r.to_unit_id ? { id: r.to_unit_id, name: unitNames.get(r.to_unit_id) ?? '' } : null,
      partnerName: partner?.name ?? null,
      partner,
      sharedSections: r.shared_sections,
      message: r.message,
      status: r.status,
      sentBy: r.sent_by,
      sentAt: r.sent_at.toISOString(),
      answeredAt: r.answered_at?.toISOString() ?? null,
      answerNote: r.answer_note,
      closedAt: r.closed_at?.toISOString() ?? null,
      closeNote: r.close_note,
      ageDays: Math.floor((now.getTime() - r.sent_at.getTime()) / DAY),
      waitingDays: waitingSince ? Math.floor((now.getTime() - waitingSince.getTime()) / DAY) : null,
    };
  });
}

const auditDescribe = (r: ReferralRow) => ({ personId: r.person_id, unitId: r.to_unit_id ?? r.from_unit_id, id: r.id });

export async function sendReferral(db: Kysely<Database>, context: StaffContext, personId: string, input: ReferralInput): Promise<ReferralView> {
  const now = new Date();
  const person = await loadPersonOfFile(db, context.actor, personId, now);
  const from = await loadUnit(db, input.fromUnitId);
  if (!referralUnits(context.actor).includes(from.id)) throw AppError.forbidden('Only the staff of the sending unit refer a person');
  let partner: Awaited<ReturnType<typeof loadPartner>> | null = null;
  if (input.toUnitId) {
    await loadUnit(db, input.toUnitId).catch(() => {
      throw AppError.invalid([{ path: 'toUnitId', message: 'expected the id of a unit' }]);
    });
  } else {
    partner = await loadPartner(db, input.partnerOrganizationId!, 'partnerOrganizationId');
    // Outside the network nothing is shared without the person's word: a live consent of this unit
    // for this partner — linked to its directory entry, or (written before the directory) naming it.
    const consent = await db
      .selectFrom('casefile_consents')
      .select('id')
      .where('person_id', '=', person.id)
      .where('purpose', '=', 'share_with_partner')
      .where('source_unit_id', '=', from.id)
      .where((eb) => eb.or([eb('partner_organization_id', '=', partner!.id), eb.and([eb('partner_organization_id', 'is', null), sql<boolean>`lower(btrim(partner_name)) = lower(btrim(${partner!.name}))`])]))
      .where('withdrawn_at', 'is', null)
      .where('given_at', '<=', now)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    if (!consent) throw AppError.conflict('The person has not consented to share with this partner association', [{ path: 'partnerOrganizationId', message: 'record the person\'s consent first' }]);
  }
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('casefile_referrals')
      .values({ id: uuidv7(), person_id: person.id, from_unit_id: from.id, to_unit_id: input.toUnitId ?? null, partner_name: partner?.name ?? null, partner_organization_id: partner?.id ?? null, shared_sections: input.sharedSections, message: input.message, sent_by: context.actor.staffId, sent_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditFileChange(trx, context, { action: 'casefile.referral_send', personId: person.id, unitId: from.id, details: { id: inserted.id, toUnitId: inserted.to_unit_id, partner: inserted.partner_name, partnerOrganizationId: inserted.partner_organization_id, sharedSections: inserted.shared_sections } });
    await announceReferral(trx, inserted);
    return inserted;
  });
  return (await present(db, [row], now))[0]!;
}

/**
 * Tells the sending and the receiving unit that a referral changed, in the change's transaction, so
 * their work lists refresh live. Each event goes to the staff who open the referral — a grant on
 * that unit allowing casefile.refer (the `involving` rule) — and to nobody else: a centre or network
 * grant would otherwise hear of referrals it may not read (docs/realtime.md, "audience"). It
 * carries the referral's id and status only; screens re-read the list through the need-to-know API.
 */
async function announceReferral(trx: Kysely<Database>, referral: { id: string; status: string; from_unit_id: string; to_unit_id: string | null }): Promise<void> {
  for (const unitId of new Set([referral.from_unit_id, referral.to_unit_id].filter((id): id is string => Boolean(id)))) {
    await writeRealtimeEvent(trx, { type: 'casefile.referral_changed', unitId, audience: 'casefile.refer', payload: { referralId: referral.id, status: referral.status } });
  }
}

/** The work list: a unit's incoming (or outgoing) referrals, oldest waiting first, with their age. */
export async function listReferrals(db: Kysely<Database>, context: StaffContext, query: ReferralListQuery): Promise<ReferralView[]> {
  const now = new Date();
  let q = db.selectFrom('casefile_referrals as r').selectAll('r').where(involving(context.actor, query.box));
  if (query.unitId) q = q.where((eb) => (query.box === 'outgoing' ? eb('r.from_unit_id', '=', query.unitId!) : query.box === 'incoming' ? eb('r.to_unit_id', '=', query.unitId!) : eb.or([eb('r.from_unit_id', '=', query.unitId!), eb('r.to_unit_id', '=', query.unitId!)])));
  if (query.status) q = q.where('r.status', 'in', query.status);
  if (query.personId) q = q.where('r.person_id', '=', query.personId);
  const rows = await q.orderBy('r.sent_at').orderBy('r.id').limit(query.limit).execute();
  await auditListed(db, context, 'casefile.referral_list', rows, auditDescribe);
  return present(db, rows, now);
}

async function loadInvolved(db: Kysely<Database>, actor: Actor, id: string): Promise<ReferralRow> {
  const row = await db.selectFrom('casefile_referrals as r').selectAll('r').where('r.id', '=', id).where(involving(actor)).executeTakeFirst();
  if (!row) throw AppError.notFound('The referral');
  return row;
}

export async function getReferral(db: Kysely<Database>, context: StaffContext, id: string): Promise<ReferralView> {
  const row = await loadInvolved(db, context.actor, id);
  await auditListed(db, context, 'casefile.referral_read', [row], auditDescribe);
  return (await present(db, [row], new Date()))[0]!;
}

export async function moveReferral(db: Kysely<Database>, context: StaffContext, id: string, move: ReferralMove, note: string | undefined): Promise<ReferralView> {
  const now = new Date();
  const row = await loadInvolved(db, context.actor, id);
  const rule = MOVES[move];
  const units = referralUnits(context.actor);
  // A partner association answers through the sending unit.
  const actingUnit = rule.by === 'sender' || row.to_unit_id === null ? row.from_unit_id : row.to_unit_id;
  if (!units.includes(actingUnit)) throw AppError.forbidden(rule.by === 'sender' ? 'Only the sending unit revokes a referral' : 'Only the receiving unit answers a referral');
  const answering = move === 'accept' || move === 'reject';
  const updated = await db.transaction().execute(async (trx) => {
    const next = await trx
      .updateTable('casefile_referrals')
      .set(answering ? { status: rule.to, answered_by: context.actor.staffId, answered_at: now, answer_note: note ?? null } : { status: rule.to, closed_by: context.actor.staffId, closed_at: now, close_note: note ?? null })
      .where('id', '=', id)
      .where('status', 'in', rule.from)
      .returningAll()
      .executeTakeFirst();
    if (!next) throw AppError.conflict(`A ${row.status} referral cannot be ${rule.to}`);
    await auditFileChange(trx, context, { action: `casefile.referral_${move}`, personId: row.person_id, unitId: actingUnit, details: { id, from: row.status, to: rule.to } });
    await announceReferral(trx, next);
    return next;
  });
  return (await present(db, [updated], now))[0]!;
}
