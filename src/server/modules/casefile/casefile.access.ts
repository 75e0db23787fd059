import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { roleAllows, type Action } from '../../../shared/access.js';
import { actorMay, type Actor } from '../../access/actor.js';
import type { Database, SectionName } from '../../db/types.js';

/**
 * Need-to-know for case-file sections (DESIGN §5, docs/casefile.md), written once:
 * - `sectionVisible` is the SQL condition every list and every single read uses;
 * - `sectionAccess` asks the database that same condition for one section (the `may…` policy);
 * - `mayWriteSection` decides writes, which never follow consent, referral or break-glass.
 *
 * A section is (person, owning unit, section name). A staff member sees it when
 *   1. they are staff of the owning unit (a unit grant whose role allows casefile.read), or
 *   2. the person gave a consent to share the owning unit's file with one of their units that is
 *      given, not expired and not withdrawn at the moment of the read, or
 *   3. the owning unit sent one of their units a referral that is accepted now and that carries
 *      this section, or
 *   4. they opened the person's file by break-glass and that access has not expired (flagged).
 * Centre and network grants never open a unit's section: they give the shared core only.
 */
export const SECTIONS = ['notes', 'forms', 'purposes', 'documents', 'procedures'] as const satisfies readonly SectionName[];

/** The units whose sections the actor works on as unit staff for an action. */
export function unitsOfStaff(actor: Actor, action: Extract<Action, `casefile.${string}`>): string[] {
  return [...new Set(actor.grants.filter((g) => g.scopeType === 'unit' && roleAllows(g.role, action)).map((g) => g.scopeId))];
}

export interface SectionRefs {
  /** Column holding the person id, e.g. "e.person_id". */
  person: string;
  /** Column holding the owning unit id. */
  unit: string;
  /** A column holding the section name, or a fixed section for tables of one kind. */
  section: { column: string } | { value: SectionName };
}

function sectionExpression(refs: SectionRefs): RawBuilder<string> {
  return 'column' in refs.section ? sql<string>`${sql.ref(refs.section.column)}` : sql<string>`${refs.section.value}::text`;
}

/** Conditions 1–3: visible by need-to-know (own unit, consent, accepted referral). */
export function sectionByNeed(actor: Actor, refs: SectionRefs, now: Date): RawBuilder<boolean> {
  const units = unitsOfStaff(actor, 'casefile.read');
  if (units.length === 0) return sql<boolean>`false`;
  const unitList = sql.val(units);
  const person = sql.ref(refs.person);
  const unit = sql.ref(refs.unit);
  return sql<boolean>`(
    ${unit} = ANY(${unitList}::uuid[])
    OR EXISTS (SELECT 1 FROM casefile_consents c
      WHERE c.person_id = ${person} AND c.purpose = 'share_with_unit' AND c.source_unit_id = ${unit}
        AND c.target_unit_id = ANY(${unitList}::uuid[]) AND c.withdrawn_at IS NULL
        AND c.given_at <= ${now} AND (c.expires_at IS NULL OR c.expires_at > ${now}))
    OR EXISTS (SELECT 1 FROM casefile_referrals r
      WHERE r.person_id = ${person} AND r.from_unit_id = ${unit} AND r.to_unit_id = ANY(${unitList}::uuid[])
        AND r.status = 'accepted' AND ${sectionExpression(refs)} = ANY(r.shared_sections))
  )`;
}

/** Condition 4: an open break-glass access of this actor to the person. */
export function sectionByBreakGlass(actor: Actor, personRef: string, now: Date): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM casefile_break_glass b
    WHERE b.staff_id = ${actor.staffId} AND b.person_id = ${sql.ref(personRef)} AND b.opened_at <= ${now} AND b.expires_at > ${now})`;
}

/** The whole rule: what every query on section records filters by. */
export function sectionVisible(actor: Actor, refs: SectionRefs, now: Date): RawBuilder<boolean> {
  return sql<boolean>`(${sectionByNeed(actor, refs, now)} OR ${sectionByBreakGlass(actor, refs.person, now)})`;
}

/**
 * Narrows a query on a table of section records to one person's records that the actor may see,
 * selecting `by_need` (false where only break-glass opens the record): what every list uses.
 */
export function visibleRecordsOf<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, actor: Actor, refs: SectionRefs, personId: string, now: Date) {
  return query
    .select(sectionByNeed(actor, refs, now).as('by_need'))
    .where(sql<boolean>`${sql.ref(refs.person)} = ${personId}`)
    .where(sectionVisible(actor, refs, now));
}

export interface SectionAccess {
  /** May read the section at all. */
  read: boolean;
  /** True when only break-glass opens it: every read is flagged for the auditor. */
  breakGlass: boolean;
  /** The reason given when the break-glass access was opened. */
  breakGlassReason: string | null;
}

/** The `may…` policy for one section, decided by the same SQL as the lists. */
export async function sectionAccess(db: Kysely<Database>, actor: Actor, personId: string, unitId: string, section: SectionName, now: Date): Promise<SectionAccess> {
  const refs: SectionRefs = { person: 'probe.person_id', unit: 'probe.unit_id', section: { value: section } };
  const row = await db
    .selectFrom(sql<{ person_id: string; unit_id: string }>`(SELECT ${personId}::uuid AS person_id, ${unitId}::uuid AS unit_id)`.as('probe'))
    .select([
      sectionByNeed(actor, refs, now).as('by_need'),
      sql<string | null>`(SELECT b.reason FROM casefile_break_glass b WHERE b.staff_id = ${actor.staffId} AND b.person_id = probe.person_id
        AND b.opened_at <= ${now} AND b.expires_at > ${now} ORDER BY b.expires_at DESC LIMIT 1)`.as('glass_reason'),
    ])
    .executeTakeFirstOrThrow();
  const byNeed = Boolean(row.by_need);
  const byGlass = row.glass_reason !== null;
  return { read: byNeed || byGlass, breakGlass: !byNeed && byGlass, breakGlassReason: byNeed ? null : row.glass_reason };
}

export async function maySeeSection(db: Kysely<Database>, actor: Actor, personId: string, unitId: string, section: SectionName, now: Date): Promise<boolean> {
  return (await sectionAccess(db, actor, personId, unitId, section, now)).read;
}

/**
 * Writes stay with the owning unit's staff: consent, referrals and break-glass open sections for
 * reading only. One exception, append-only: reception (casefile.record_purpose at the unit's centre)
 * records the purpose of a visit and digitises the documents the person brings into the sections of
 * the unit the person is sent to, so the person does not tell the story twice or hand the same paper
 * to every counter; reception does not read those sections back.
 */
export function mayWriteSection(actor: Actor, unit: { id: string; centreId: string }, section: SectionName): boolean {
  if (unitsOfStaff(actor, 'casefile.write').includes(unit.id)) return true;
  return (section === 'purposes' || section === 'documents') && actorMay(actor, 'casefile.record_purpose', { centreId: unit.centreId, unitId: unit.id });
}
