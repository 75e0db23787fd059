import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { recordAudit } from '../audit/audit.service.js';
import { findUnitById } from '../network/network.units.service.js';
import { ensureCan } from './queue.policy.js';
import * as repo from './queue.repo.js';
import type { QueuePolicyInput, QueuePolicyView } from './queue.schemas.js';

/** A unit's ordering policy (docs/queue.md): the defaults until a manager sets one. */
export async function getQueuePolicy(db: Kysely<Database>, context: StaffContext, unitId: string): Promise<QueuePolicyView> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw AppError.notFound('The unit');
  ensureCan(context.actor, 'queue.read', { centreId: unit.centreId, unitId }, 'The unit');
  return { unitId, ...(await repo.policyOf(db, unitId)) };
}

export async function setQueuePolicy(db: Kysely<Database>, context: StaffContext, unitId: string, input: QueuePolicyInput): Promise<QueuePolicyView> {
  const unit = await findUnitById(db, unitId);
  if (!unit) throw AppError.notFound('The unit');
  ensureCan(context.actor, 'queue.manage', { centreId: unit.centreId, unitId }, 'The unit');
  await db.transaction().execute(async (trx) => {
    await repo.savePolicy(trx, unitId, input, context.actor.staffId);
    await recordAudit(trx, context, { action: 'queue.policy.update', resourceType: 'queue_policy', resourceId: unitId, centreId: unit.centreId, unitId, details: { ...input } });
    // Counters re-read their lists: the order may have changed.
    await writeRealtimeEvent(trx, { type: 'queue.policy_changed', centreId: unit.centreId, unitId, payload: { unitId } });
  });
  return { unitId, ...(await repo.policyOf(db, unitId)) };
}
