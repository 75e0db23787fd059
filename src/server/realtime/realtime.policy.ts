import { isAction, roleAllows } from '../../shared/access.js';
import { actorMay, centresOf, type Actor } from '../access/actor.js';
import type { PublishedEvent } from './events.js';

/**
 * Who receives an event on a stream ('realtime.subscribe'):
 * - an event with no place (network-wide) reaches every signed-in staff member;
 * - a unit's event reaches those whose grant covers that unit or its centre (or the network);
 * - a centre's event (no unit) reaches everyone working at that centre, whatever unit they are in:
 *   "the centre closes early" concerns the whole house;
 * - an event with an audience (about records behind need-to-know, such as a referral) reaches only
 *   those whose grant on that very unit allows the audience action: the unit's staff, as for the
 *   records themselves. An unknown action reaches nobody.
 */
export function mayReceive(actor: Actor, event: Pick<PublishedEvent, 'centreId' | 'unitId' | 'audience'>): boolean {
  if (event.audience) {
    const action = event.audience;
    if (event.unitId == null || !isAction(action)) return false;
    return actor.grants.some((grant) => grant.scopeType === 'unit' && grant.scopeId === event.unitId && roleAllows(grant.role, action));
  }
  if (event.centreId == null && event.unitId == null) return true;
  if (event.unitId != null) return actorMay(actor, 'realtime.subscribe', { centreId: event.centreId, unitId: event.unitId });
  const centres = centresOf(actor, 'realtime.subscribe');
  return centres.everywhere || centres.centreIds.includes(event.centreId as string);
}
