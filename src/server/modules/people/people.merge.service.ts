import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataChange, recordPersonalDataRead } from '../audit/audit.service.js';
import { moveFileRecords, returnFileRecords } from '../casefile/casefile.merge.js';
import { ensureCan, ensureCanRead } from './people.policy.js';
import { presentMerge } from './people.presenters.js';
import { countMergedInto, findMerge, findPersonRow, listMerges, lockPersonRow } from './people.repo.js';
import type { MergeInput, MergeView } from './people.schemas.js';

/**
 * Merging links the duplicate to the survivor (merged_into) and records who did it and why; the
 * duplicate's documents and contacts stay its own rows and show on the survivor, while its case-file
 * records move to the survivor (and back on undo, docs/casefile.md). An undo unlinks.
 * Chains are refused so an undo never has to untangle more than one link.
 */
export async function mergePeople(db: Kysely<Database>, context: StaffContext, input: MergeInput): Promise<MergeView> {
  if (input.survivorId === input.mergedId) throw AppError.invalid([{ path: 'mergedId', message: 'a record cannot be merged into itself' }]);
  return db.transaction().execute(async (trx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock or both succeed.
    const [first, second] = [input.survivorId, input.mergedId].sort();
    const locked = new Map([[first!, await lockPersonRow(trx, first!)], [second!, await lockPersonRow(trx, second!)]]);
    const survivor = locked.get(input.survivorId);
    const merged = locked.get(input.mergedId);
    if (!survivor || !merged) throw AppError.notFound('The person');
    ensureCan(context.actor, 'people.merge', survivor.home_centre_id);
    ensureCan(context.actor, 'people.merge', merged.home_centre_id);
    if (survivor.merged_into || merged.merged_into) throw AppError.conflict('One of the records is already merged into another');
    if ((await countMergedInto(trx, merged.id)) > 0) throw AppError.conflict('Other records are merged into the duplicate; undo those merges first');
    const id = uuidv7();
    await trx.insertInto('person_merges').values({ id, survivor_id: survivor.id, merged_id: merged.id, reason: input.reason, merged_by: context.actor.staffId }).execute();
    await trx.updateTable('people').set({ merged_into: survivor.id, updated_at: new Date() }).where('id', '=', merged.id).execute();
    const fileRecords = await moveFileRecords(trx, id, merged.id, survivor.id);
    for (const person of [survivor, merged]) {
      await recordPersonalDataChange(trx, context, { action: 'person.merge', resourceType: 'person', resourceId: person.id, centreId: person.home_centre_id, details: { mergeId: id, survivorId: survivor.id, mergedId: merged.id, fileRecords } });
    }
    return presentMerge((await findMerge(trx, id))!);
  });
}

export async function undoMerge(db: Kysely<Database>, context: StaffContext, mergeId: string): Promise<MergeView> {
  return db.transaction().execute(async (trx) => {
    const merge = await findMerge(trx, mergeId, true);
    if (!merge) throw AppError.notFound('The merge');
    const survivor = await findPersonRow(trx, merge.survivor_id);
    const merged = await findPersonRow(trx, merge.merged_id);
    if (!survivor || !merged) throw AppError.notFound('The merge');
    ensureCan(context.actor, 'people.merge', survivor.home_centre_id);
    ensureCan(context.actor, 'people.merge', merged.home_centre_id);
    if (merge.undone_at) throw AppError.conflict('This merge was already undone');
    await trx.updateTable('person_merges').set({ undone_at: new Date(), undone_by: context.actor.staffId }).where('id', '=', merge.id).execute();
    await trx.updateTable('people').set({ merged_into: null, updated_at: new Date() }).where('id', '=', merged.id).where('merged_into', '=', survivor.id).execute();
    const fileRecords = await returnFileRecords(trx, merge.id, merged.id);
    for (const person of [survivor, merged]) {
      await recordPersonalDataChange(trx, context, { action: 'person.merge_undo', resourceType: 'person', resourceId: person.id, centreId: person.home_centre_id, details: { mergeId: merge.id, fileRecords } });
    }
    return presentMerge((await findMerge(trx, merge.id))!);
  });
}

/** The merges a person took part in, newest first. */
export async function mergeHistory(db: Kysely<Database>, context: StaffContext, personId: string): Promise<MergeView[]> {
  const person = await findPersonRow(db, personId);
  if (!person) throw AppError.notFound('The person');
  ensureCanRead(context.actor, person.home_centre_id);
  const merges = await listMerges(db, personId);
  await db.transaction().execute((trx) =>
    recordPersonalDataRead(trx, context, { action: 'person.merge_history', resourceType: 'person', resourceId: personId, centreId: person.home_centre_id }),
  );
  return merges.map(presentMerge);
}
