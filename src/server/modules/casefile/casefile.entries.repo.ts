import { sql, type Kysely, type Selectable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { CasefileEntriesTable, Database, SectionName } from '../../db/types.js';
import { sectionByNeed, sectionVisible, visibleRecordsOf, type SectionRefs } from './casefile.access.js';

export type EntryRow = Selectable<CasefileEntriesTable>;
export type VisibleEntryRow = EntryRow & { by_need: boolean };

const ENTRY_REFS: SectionRefs = { person: 'e.person_id', unit: 'e.unit_id', section: { column: 'e.section' } };

/** The person's entries the actor may see, oldest first; `by_need` false means break-glass only. */
export async function findVisibleEntries(db: Kysely<Database>, actor: Actor, personId: string, now: Date, filter: { unitId?: string; section?: EntryRow['section'] }): Promise<VisibleEntryRow[]> {
  let query = visibleRecordsOf(db.selectFrom('casefile_entries as e').selectAll('e'), actor, ENTRY_REFS, personId, now);
  if (filter.unitId) query = query.where('e.unit_id', '=', filter.unitId);
  if (filter.section) query = query.where('e.section', '=', filter.section);
  return query.orderBy('e.created_at').orderBy('e.id').execute();
}

export async function findEntry(db: Kysely<Database>, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('casefile_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface SectionSummaryRow {
  unit_id: string;
  section: SectionName;
  records: number;
  visible: boolean;
  by_need: boolean;
}

/** Every (unit, section) of the person's file with its size and whether the actor may see it. */
export async function summariseFile(db: Kysely<Database>, actor: Actor, personId: string, now: Date): Promise<SectionSummaryRow[]> {
  const refs: SectionRefs = { person: 's.person_id', unit: 's.unit_id', section: { column: 's.section' } };
  const rows = await db
    .selectFrom(
      sql<{ person_id: string; unit_id: string; section: SectionName }>`(
        SELECT person_id, unit_id, section FROM casefile_entries WHERE person_id = ${personId}
        UNION ALL SELECT person_id, unit_id, 'documents' FROM casefile_documents WHERE person_id = ${personId}
        UNION ALL SELECT person_id, unit_id, 'procedures' FROM casefile_procedures WHERE person_id = ${personId}
      )`.as('s'),
    )
    .select(['s.unit_id', 's.section', sql<string>`count(*)`.as('records'), sectionVisible(actor, refs, now).as('visible'), sectionByNeed(actor, refs, now).as('by_need')])
    .groupBy(['s.person_id', 's.unit_id', 's.section'])
    .orderBy('s.unit_id')
    .orderBy('s.section')
    .execute();
  return rows.map((row) => ({ unit_id: row.unit_id, section: row.section, records: Number(row.records), visible: Boolean(row.visible), by_need: Boolean(row.by_need) }));
}

/** The reason of the actor's open break-glass access to the person, if any. */
export async function openBreakGlass(db: Kysely<Database>, actor: Actor, personId: string, now: Date): Promise<{ reason: string; expires_at: Date } | undefined> {
  return db
    .selectFrom('casefile_break_glass')
    .select(['reason', 'expires_at'])
    .where('staff_id', '=', actor.staffId)
    .where('person_id', '=', personId)
    .where('opened_at', '<=', now)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}
