import type { Kysely } from 'kysely';
import type { CasefileMergeMovesTable, Database } from '../../db/types.js';

/** Every case-file table whose rows belong to one person and follow a merge. */
const FILE_TABLES: CasefileMergeMovesTable['record_table'][] = ['casefile_entries', 'casefile_consents', 'casefile_referrals', 'casefile_procedures', 'casefile_documents'];

/**
 * A merge moves the duplicate's case-file records (entries, consents, referrals, procedures,
 * documents) to the surviving record, in the merge's transaction, and notes each move. Break-glass
 * accesses stay where they were opened: they are evidence of what happened, not part of the file.
 */
export async function moveFileRecords(trx: Kysely<Database>, mergeId: string, fromPersonId: string, toPersonId: string): Promise<number> {
  let moved = 0;
  for (const table of FILE_TABLES) {
    const rows = await trx.updateTable(table).set({ person_id: toPersonId }).where('person_id', '=', fromPersonId).returning('id').execute();
    if (rows.length === 0) continue;
    await trx.insertInto('casefile_merge_moves').values(rows.map((row) => ({ merge_id: mergeId, record_table: table, record_id: row.id }))).execute();
    moved += rows.length;
  }
  return moved;
}

/** The undo: exactly the records the merge moved go back; what was added to the survivor since stays. */
export async function returnFileRecords(trx: Kysely<Database>, mergeId: string, toPersonId: string): Promise<number> {
  let returned = 0;
  for (const table of FILE_TABLES) {
    const moved = trx.selectFrom('casefile_merge_moves').select('record_id').where('merge_id', '=', mergeId).where('record_table', '=', table);
    const rows = await trx.updateTable(table).set({ person_id: toPersonId }).where('id', 'in', moved).returning('id').execute();
    returned += rows.length;
  }
  return returned;
}
