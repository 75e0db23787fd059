import type { Action } from '../../../shared/access.js';
import { actorMay, centresOf, reachOf, type Actor, type Reach } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

export type QueueAction = Extract<Action, `queue.${string}`>;

/** Where a queue record sits: its centre and, for tickets and counters, a unit. */
export interface QueuePlace {
  centreId: string;
  unitId?: string | null;
}

/**
 * Who may do what with queues:
 * - queue.issue: reception works for the whole centre, so any grant placing the actor in the centre
 *   (on the centre, on the reception unit, or network-wide) lets them issue tickets there;
 * - queue.serve: at counters of the unit the grant covers (or any unit of a centre / the network);
 * - queue.read and queue.manage: where the grant covers the place (a unit manager sees their unit).
 */
export function can(actor: Actor, action: QueueAction, place: QueuePlace): boolean {
  if (action === 'queue.issue') {
    const centres = centresOf(actor, action);
    return centres.everywhere || centres.centreIds.includes(place.centreId);
  }
  return actorMay(actor, action, { centreId: place.centreId, unitId: place.unitId ?? null });
}

/** Anyone who works at the centre sees that a counter or ticket exists; others get the same 404 as for nothing. */
export function ensureCanSee(actor: Actor, place: QueuePlace, what: string): void {
  const works = centresOf(actor, 'network.read');
  if (!works.everywhere && !works.centreIds.includes(place.centreId)) throw AppError.notFound(what);
}

export function ensureCan(actor: Actor, action: QueueAction, place: QueuePlace, what: string): void {
  ensureCanSee(actor, place, what);
  if (!can(actor, action, place)) throw AppError.forbidden();
}

/** The units of a centre whose queue figures the actor may read: all of them, or those listed. */
export function readableUnitsAt(actor: Actor, centreId: string): { allUnits: boolean; unitIds: string[] } {
  const reach: Reach = reachOf(actor, 'queue.read');
  if (reach.everywhere || reach.centreIds.includes(centreId)) return { allUnits: true, unitIds: [] };
  return { allUnits: false, unitIds: reach.unitIds };
}
