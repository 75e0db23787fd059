import type { Action } from '../../../shared/access.js';
import { actorMay, centresOf, reachOf, type Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

export type AppointmentAction = Extract<Action, `appointments.${string}`>;

/** Where an appointment or a service's booking settings sit. */
export interface AppointmentPlace {
  centreId: string;
  unitId?: string | null;
}

/**
 * Who may do what with appointments:
 * - appointments.book_for_others: the phone line (network-wide grant) and reception (any grant placing
 *   the mediator at the centre) book, change and cancel on a person's behalf;
 * - appointments.read: where the grant covers the place (a unit manager sees their unit's services),
 *   and everyone who may book there;
 * - appointments.manage (schedules, policies): where the grant covers the service's unit.
 */
export function can(actor: Actor, action: AppointmentAction, place: AppointmentPlace): boolean {
  const placement = { centreId: place.centreId, unitId: place.unitId ?? null };
  if (action === 'appointments.book_for_others') {
    const centres = centresOf(actor, action);
    return centres.everywhere || centres.centreIds.includes(place.centreId);
  }
  if (action === 'appointments.read') return actorMay(actor, action, placement) || can(actor, 'appointments.book_for_others', place);
  return actorMay(actor, action, placement);
}

/** Someone who does not work at the centre gets the same 404 as for nothing; a colleague without the right, 403. */
export function ensureWorksAt(actor: Actor, centreId: string, what: string): void {
  const works = centresOf(actor, 'network.read');
  if (!works.everywhere && !works.centreIds.includes(centreId)) throw AppError.notFound(what);
}

export function ensureCan(actor: Actor, action: AppointmentAction, place: AppointmentPlace, what: string): void {
  ensureWorksAt(actor, place.centreId, what);
  if (!can(actor, action, place)) throw AppError.forbidden();
}

/** The units of a centre whose appointments the actor may list: null for all of them. */
export function readableUnitsAt(actor: Actor, centreId: string): string[] | null {
  if (can(actor, 'appointments.book_for_others', { centreId })) return null;
  const reach = reachOf(actor, 'appointments.read');
  if (reach.everywhere || reach.centreIds.includes(centreId)) return null;
  return reach.unitIds;
}

/**
 * Checking an appointment in issues a queue ticket, so it takes what issuing takes: queue.issue at
 * the centre (reception mediators, whatever their grant places them at the centre). Others who work
 * there get 403; anyone else 404.
 */
export function ensureMayCheckIn(actor: Actor, centreId: string): void {
  ensureWorksAt(actor, centreId, 'The centre');
  const centres = centresOf(actor, 'queue.issue');
  if (!centres.everywhere && !centres.centreIds.includes(centreId)) throw AppError.forbidden();
}
