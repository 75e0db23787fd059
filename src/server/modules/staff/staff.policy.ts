import { ROLE_ACTIONS, type Action } from '../../../shared/access.js';
import { actorMay, centresOf, reachOf, type Actor, type Grant, type Placement } from '../../access/actor.js';

/**
 * Who may do what with staff accounts.
 *
 * - Reading: whoever has `staff.read` over the whole network sees everyone; otherwise those who hold
 *   a grant in one of the reader's centres (a unit grant counts for the unit's centre).
 * - Managing an account (profile, disable, password): `staff.manage` over every place the person
 *   works in. An account with no role at all is managed from the network level only.
 * - Granting and revoking: the role must lie within the manager's reach — the place is covered by their
 *   `staff.manage`, and the role carries no administrative power (see isAdministrativeAction) there
 *   that the manager lacks — and the person must work within that reach. Network-level managers may
 *   grant anything anywhere.
 * - Nobody changes their own roles, disables themselves or resets their own password or second factor
 *   here (they use "My account").
 * - Ending all sessions of someone and resetting a second factor: network-level managers only.
 */
export type StaffAction =
  | 'list'
  | 'read'
  | 'create'
  | 'update'
  | 'disable'
  | 'enable'
  | 'reset_password'
  | 'grant'
  | 'revoke'
  | 'end_sessions'
  | 'reset_second_factor';

/** The account an action is about, with where its grants sit. */
export interface StaffTarget {
  id: string;
  grants: Grant[];
}

export interface StaffResource {
  target?: StaffTarget;
  /** The grant being given or taken away (grant, revoke), or the grants given at creation. */
  grants?: Grant[];
}

export function placementOfGrant(grant: Grant): Placement {
  if (grant.scopeType === 'network') return {};
  return { centreId: grant.centreId, unitId: grant.scopeType === 'unit' ? grant.scopeId : null };
}

export function managesWholeNetwork(actor: Actor): boolean {
  return reachOf(actor, 'staff.manage').everywhere;
}

export function mayReadStaff(actor: Actor, target: StaffTarget): boolean {
  if (actor.staffId === target.id) return true;
  const readable = centresOf(actor, 'staff.read');
  if (readable.everywhere) return true;
  return target.grants.some((grant) => grant.centreId !== null && readable.centreIds.includes(grant.centreId));
}

/** Account-wide changes touch the person everywhere, so every place they work in must be the manager's. */
export function mayManageAccount(actor: Actor, target: StaffTarget): boolean {
  if (managesWholeNetwork(actor)) return true;
  if (target.grants.length === 0) return false;
  return target.grants.every((grant) => actorMay(actor, 'staff.manage', placementOfGrant(grant)));
}

/** The person holds at least one role in a place the manager manages. */
function worksWithinReach(actor: Actor, target: StaffTarget): boolean {
  return managesWholeNetwork(actor) || target.grants.some((grant) => actorMay(actor, 'staff.manage', placementOfGrant(grant)));
}

/**
 * Powers over other people or over the set-up: managing staff, reading the audit journal, and every
 * `*.manage…` action. The daily work of a role (issuing tickets, serving at a counter) is not one: a
 * centre manager assigns mediators without serving at a counter themselves.
 */
export function isAdministrativeAction(action: Action): boolean {
  return action.startsWith('staff.') || action.startsWith('audit.') || /\.manage(_|$)/.test(action);
}

/** A manager can hand out (or take back) only administrative powers they hold themselves at that place. */
export function mayGrant(actor: Actor, grant: Grant): boolean {
  if (managesWholeNetwork(actor)) return true;
  if (grant.scopeType === 'network') return false;
  const placement = placementOfGrant(grant);
  if (!actorMay(actor, 'staff.manage', placement)) return false;
  return ROLE_ACTIONS[grant.role].filter(isAdministrativeAction).every((action) => actorMay(actor, action, placement));
}

export function can(actor: Actor, action: StaffAction, resource: StaffResource = {}): boolean {
  const { target, grants = [] } = resource;
  const self = target !== undefined && target.id === actor.staffId;
  switch (action) {
    case 'list': {
      const reach = reachOf(actor, 'staff.read');
      return reach.everywhere || reach.centreIds.length > 0 || reach.unitIds.length > 0;
    }
    case 'read':
      return target !== undefined && mayReadStaff(actor, target);
    case 'create':
      // Outside the network level an account is born with a role, or nobody below could manage it.
      return managesWholeNetwork(actor) || (grants.length > 0 && grants.every((grant) => mayGrant(actor, grant)));
    case 'update':
      return target !== undefined && mayManageAccount(actor, target);
    case 'disable':
    case 'enable':
    case 'reset_password':
      return target !== undefined && !self && mayManageAccount(actor, target);
    case 'grant':
    case 'revoke':
      return target !== undefined && !self && grants.length > 0 && worksWithinReach(actor, target) && grants.every((grant) => mayGrant(actor, grant));
    case 'end_sessions':
      return target !== undefined && managesWholeNetwork(actor);
    case 'reset_second_factor':
      return target !== undefined && !self && managesWholeNetwork(actor);
  }
}

