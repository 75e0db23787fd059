import type { Kysely } from 'kysely';
import type { Database, SectionName } from '../../db/types.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataChange, recordPersonalDataRead } from '../audit/audit.service.js';
import { openBreakGlass } from './casefile.entries.repo.js';

/**
 * Every case-file event names the person as its resource (resource_type "person", resource_id the
 * person's id), so "who accessed my file" is one filter on the journal; the record ids, the section
 * and the owning unit are in the details and in unit_id (which also gives the centre).
 */
export interface FileEvent {
  action: string;
  personId: string;
  unitId?: string | null;
  section?: SectionName;
  /** Set when only a break-glass access opened what was read: flagged for the auditor. */
  breakGlassReason?: string | null;
  details?: Record<string, unknown>;
}

function entry(event: FileEvent) {
  return {
    action: event.action,
    resourceType: 'person',
    resourceId: event.personId,
    unitId: event.unitId ?? null,
    breakGlass: Boolean(event.breakGlassReason),
    reason: event.breakGlassReason ?? null,
    details: { ...(event.section ? { section: event.section } : {}), ...event.details },
  };
}

export async function auditFileRead(db: Kysely<Database>, context: StaffContext, event: FileEvent): Promise<void> {
  await recordPersonalDataRead(db, context, entry(event));
}

export async function auditFileChange(db: Kysely<Database>, context: StaffContext, event: FileEvent): Promise<void> {
  await recordPersonalDataChange(db, context, entry(event));
}

/**
 * A list shows records of several sections (and maybe people): one journal row per person, unit and
 * section shown, with the ids of the records, written in one transaction.
 */
export async function auditListed<T>(
  db: Kysely<Database>,
  context: StaffContext,
  action: string,
  records: T[],
  describe: (record: T) => { personId: string; unitId: string | null; section?: SectionName; id: string; breakGlassReason?: string | null },
): Promise<void> {
  if (records.length === 0) return;
  const groups = new Map<string, { event: FileEvent; ids: string[] }>();
  for (const record of records) {
    const d = describe(record);
    const key = `${d.personId}|${d.unitId}|${d.section ?? ''}|${d.breakGlassReason ? 'glass' : ''}`;
    const group = groups.get(key) ?? { event: { action, personId: d.personId, unitId: d.unitId, section: d.section, breakGlassReason: d.breakGlassReason ?? null }, ids: [] };
    group.ids.push(d.id);
    groups.set(key, group);
  }
  await db.transaction().execute(async (trx) => {
    for (const { event, ids } of groups.values()) await auditFileRead(trx, context, { ...event, details: { ids } });
  });
}

/**
 * The journal of a list of one person's section records: records that only the viewer's break-glass
 * access opened (`by_need` false) are flagged with the reason given when it was opened.
 */
export async function auditSectionRead<T extends { id: string; person_id: string; unit_id: string; by_need: boolean }>(
  db: Kysely<Database>,
  context: StaffContext,
  personId: string,
  now: Date,
  rows: T[],
  sectionOf: (row: T) => SectionName,
): Promise<void> {
  const glass = rows.some((r) => !r.by_need) ? await openBreakGlass(db, context.actor, personId, now) : undefined;
  await auditListed(db, context, 'casefile.section_read', rows, (r) => ({ personId: r.person_id, unitId: r.unit_id, section: sectionOf(r), id: r.id, breakGlassReason: r.by_need ? null : glass?.reason }));
}
