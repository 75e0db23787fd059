import { actorMay, reachOf, type Actor, type Placement, type Reach } from '../../access/actor.js';

export type AuditAction = 'audit.read';

/**
 * Reading the journal ('audit.read', held by auditors): a network-scope auditor sees every event; a
 * centre-scope auditor sees the events of that centre and its units; a unit-scope auditor those of
 * the unit. Events with no place (sign-ins, network changes) are for network-scope auditors only.
 */
export function can(actor: Actor, action: AuditAction, resource: Placement): boolean {
  if (resource.centreId == null && resource.unitId == null) return reachOf(actor, action).everywhere;
  return actorMay(actor, action, resource);
}

/** Where the actor may read the journal: lists are filtered in SQL by this. */
export function auditReachOf(actor: Actor): Reach {
  return reachOf(actor, 'audit.read');
}

/** True when the actor may read at least part of the journal. */
export function mayReadSomeOfTheJournal(actor: Actor): boolean {
  const reach = auditReachOf(actor);
  return reach.everywhere || reach.centreIds.length > 0 || reach.unitIds.length > 0;
}
