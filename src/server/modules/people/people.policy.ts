import type { Action } from '../../../shared/access.js';
import { centresOf, type Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

export type PeopleAction = Extract<Action, `people.${string}`>;

/**
 * Who may do what with the people registry (DESIGN §5: the shared core of a person is shared with
 * every unit at the person's home centre):
 * - people.read: staff who serve people (reception and support mediators, agency officers, phone
 *   operators, unit and centre managers) with any grant placing them in the home centre — a unit
 *   grant places them in its centre; a network grant (a national phone line) reaches every centre;
 * - people.register (register, correct): the same serving roles, managers excepted;
 * - people.merge: reception mediators and centre managers, on both records' home centres.
 * Network administrators, auditors, editors and statisticians do not read people here: the
 * auditor sees who read whom in the journal, not the files.
 */
export function can(actor: Actor, action: PeopleAction, homeCentreId: string): boolean {
  const centres = centresOf(actor, action);
  return centres.everywhere || centres.centreIds.includes(homeCentreId);
}

/** The home centres whose people the actor may read; searches are filtered in SQL by this. */
export function readableHomeCentres(actor: Actor): { everywhere: boolean; centreIds: string[] } {
  return centresOf(actor, 'people.read');
}

export function mayReadSomePeople(actor: Actor): boolean {
  const reach = readableHomeCentres(actor);
  return reach.everywhere || reach.centreIds.length > 0;
}

/** A person one may not read looks exactly like a person that does not exist. */
export function ensureCanRead(actor: Actor, homeCentreId: string): void {
  if (!can(actor, 'people.read', homeCentreId)) throw AppError.notFound('The person');
}

/** 404 when the actor may not even read the person, 403 when they read but may not act. */
export function ensureCan(actor: Actor, action: Exclude<PeopleAction, 'people.read'>, homeCentreId: string): void {
  ensureCanRead(actor, homeCentreId);
  if (!can(actor, action, homeCentreId)) throw AppError.forbidden();
}
