import { roleAllows, type Action, type Role, type ScopeType } from '../../shared/access.js';

/** One role granted to a staff member, with the centre it lies in (null for the whole network). */
export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  centreId: string | null;
}

/** The staff member behind a request, as every policy sees them. */
export interface Actor {
  staffId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  sessionId: string | null;
}

/** Where a record sits in the network; a network-level record has neither. */
export interface Placement {
  centreId?: string | null;
  unitId?: string | null;
}

/** The places where an actor may perform an action; lists are filtered in SQL by this. */
export interface Reach {
  everywhere: boolean;
  centreIds: string[];
  unitIds: string[];
}

export function grantCovers(grant: Grant, placement: Placement): boolean {
  switch (grant.scopeType) {
    case 'network':
      return true;
    case 'centre':
      return placement.centreId != null && placement.centreId === grant.scopeId;
    case 'unit':
      return placement.unitId != null && placement.unitId === grant.scopeId;
  }
}

/** True when one of the actor's grants allows the action at that place. */
export function actorMay(actor: Actor, action: Action, placement: Placement): boolean {
  return actor.grants.some((grant) => roleAllows(grant.role, action) && grantCovers(grant, placement));
}

export function reachOf(actor: Actor, action: Action): Reach {
  const reach: Reach = { everywhere: false, centreIds: [], unitIds: [] };
  for (const grant of actor.grants) {
    if (!roleAllows(grant.role, action)) continue;
    if (grant.scopeType === 'network') reach.everywhere = true;
    else if (grant.scopeType === 'centre') reach.centreIds.push(grant.scopeId);
    else reach.unitIds.push(grant.scopeId);
  }
  reach.centreIds = [...new Set(reach.centreIds)];
  reach.unitIds = [...new Set(reach.unitIds)];
  return reach;
}

/** Centres the actor works in through any grant: a unit grant places the actor in that unit's centre. */
export function centresOf(actor: Actor, action: Action): { everywhere: boolean; centreIds: string[] } {
  let everywhere = false;
  const centreIds = new Set<string>();
  for (const grant of actor.grants) {
    if (!roleAllows(grant.role, action)) continue;
    if (grant.scopeType === 'network') everywhere = true;
    else if (grant.centreId) centreIds.add(grant.centreId);
  }
  return { everywhere, centreIds: [...centreIds] };
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((grant) => roles.includes(grant.role));
}
