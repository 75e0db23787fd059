import type { Action } from '../../../shared/access.js';
import { actorMay, centresOf, type Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

/** Where a network record sits: a centre, and for units, services and counters their unit. */
export interface NetworkPlace {
  centreId: string;
  unitId?: string | null;
}

export type NetworkAction = Extract<Action, `network.${string}`>;

/**
 * Who may do what with the network model:
 * - network.read: anyone who works in the centre, through a grant on the network, on the centre or
 *   on any of its units (people under one roof see their centre and its sibling units);
 * - network.manage_centres: only at network scope (creating, changing, archiving centres);
 * - network.manage_units: at network scope or on that centre (units, opening hours, calendar);
 * - network.manage_services: at network scope, on that centre or on that unit (services, counters).
 */
export function can(actor: Actor, action: NetworkAction, place: NetworkPlace | null): boolean {
  switch (action) {
    case 'network.read': {
      const works = centresOf(actor, 'network.read');
      if (place === null) return works.everywhere || works.centreIds.length > 0;
      return works.everywhere || works.centreIds.includes(place.centreId);
    }
    case 'network.manage_centres':
      // An empty placement is covered by network-scope grants only.
      return actorMay(actor, action, {});
    case 'network.manage_units':
      // The unit is left out on purpose: a grant on a unit does not manage units.
      return place !== null && actorMay(actor, action, { centreId: place.centreId });
    case 'network.manage_services':
      return place !== null && actorMay(actor, action, { centreId: place.centreId, unitId: place.unitId ?? null });
  }
}

/** The centres an actor may read; lists are filtered in SQL by this. */
export function readableCentres(actor: Actor): { everywhere: boolean; centreIds: string[] } {
  return centresOf(actor, 'network.read');
}

/** Reading something one may not read looks exactly like reading something that does not exist. */
export function ensureCanRead(actor: Actor, place: NetworkPlace, what: string): void {
  if (!can(actor, 'network.read', place)) throw AppError.notFound(what);
}

/** A write: 404 when the actor may not even see the place, 403 when they see it but may not change it. */
export function ensureCanChange(actor: Actor, action: NetworkAction, place: NetworkPlace | null, what: string): void {
  if (place !== null) ensureCanRead(actor, place, what);
  if (!can(actor, action, place)) throw AppError.forbidden();
}
