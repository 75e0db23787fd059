import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_ACTIONS, ROLES, roleAllows, type Action, type Role } from '../../../shared/access.js';
import type { Actor, Grant } from '../../access/actor.js';
import { can, isAdministrativeAction, managesWholeNetwork, mayGrant, type StaffTarget } from './staff.policy.js';

// A small world: one network, two centres, one unit in each.
const NETWORK = '00000000-0000-7000-8000-000000000000';
const CENTRES = ['00000000-0000-7000-8000-0000000000c1', '00000000-0000-7000-8000-0000000000c2'] as const;
const UNITS = [
  { id: '00000000-0000-7000-8000-0000000000a1', centreId: CENTRES[0] },
  { id: '00000000-0000-7000-8000-0000000000a2', centreId: CENTRES[1] },
] as const;

const grantOn = (role: Role, place: 'network' | 0 | 1 | 'unit0' | 'unit1'): Grant => {
  if (place === 'network') return { role, scopeType: 'network', scopeId: NETWORK, centreId: null };
  if (place === 'unit0' || place === 'unit1') {
    const unit = UNITS[place === 'unit0' ? 0 : 1];
    return { role, scopeType: 'unit', scopeId: unit.id, centreId: unit.centreId };
  }
  return { role, scopeType: 'centre', scopeId: CENTRES[place], centreId: CENTRES[place] };
};
const actor = (staffId: string, grants: Grant[]): Actor => ({ staffId, username: staffId, displayName: staffId, grants, sessionId: null });

const arbitraryGrant = fc
  .tuple(fc.constantFrom(...ROLES), fc.constantFrom('network' as const, 0 as const, 1 as const, 'unit0' as const, 'unit1' as const))
  .map(([role, place]) => grantOn(role, place));
const arbitraryActor = fc.array(arbitraryGrant, { maxLength: 4 }).map((grants) => actor('actor', grants));
const arbitraryTarget = fc.array(arbitraryGrant, { maxLength: 4 }).map((grants): StaffTarget => ({ id: 'target', grants }));

/** Whether a grant of the actor covers that place for an action (the rule written out again, plainly). */
function holdsAt(subject: Actor, action: Parameters<typeof roleAllows>[1], grant: Grant): boolean {
  return subject.grants.some((own) => {
    if (!roleAllows(own.role, action)) return false;
    if (own.scopeType === 'network') return true;
    if (own.scopeType === 'centre') return grant.centreId === own.scopeId;
    return grant.scopeType === 'unit' && grant.scopeId === own.scopeId;
  });
}

describe('staff policy', () => {
  it('never lets anyone below the network level grant beyond their reach', () => {
    fc.assert(
      fc.property(arbitraryActor, arbitraryGrant, (subject, grant) => {
        if (!mayGrant(subject, grant) || managesWholeNetwork(subject)) return;
        expect(grant.scopeType).not.toBe('network');
        expect(holdsAt(subject, 'staff.manage', grant)).toBe(true);
        for (const action of ROLE_ACTIONS[grant.role].filter(isAdministrativeAction)) expect(holdsAt(subject, action, grant)).toBe(true);
      }),
    );
  });

  it('never lets anyone change their own roles, disable themselves or reset their own password', () => {
    fc.assert(
      fc.property(arbitraryActor, arbitraryGrant, (subject, grant) => {
        const self: StaffTarget = { id: subject.staffId, grants: subject.grants };
        for (const action of ['grant', 'revoke', 'disable', 'enable', 'reset_password', 'reset_second_factor'] as const) {
          expect(can(subject, action, { target: self, grants: [grant] })).toBe(false);
        }
      }),
    );
  });

  it('manages an account only when every place the person works in is within reach', () => {
    fc.assert(
      fc.property(arbitraryActor, arbitraryTarget, (subject, target) => {
        if (!can(subject, 'update', { target }) || managesWholeNetwork(subject)) return;
        expect(target.grants.length).toBeGreaterThan(0);
        for (const grant of target.grants) expect(holdsAt(subject, 'staff.manage', grant)).toBe(true);
      }),
    );
  });

  it('shows an account only to readers of the whole network or of a centre where the person works', () => {
    fc.assert(
      fc.property(arbitraryActor, arbitraryTarget, (subject, target) => {
        if (!can(subject, 'read', { target })) return;
        const networkReader = subject.grants.some((g) => g.scopeType === 'network' && roleAllows(g.role, 'staff.read'));
        const readerCentres = subject.grants.filter((g) => g.scopeType !== 'network' && roleAllows(g.role, 'staff.read')).map((g) => g.centreId);
        expect(networkReader || target.grants.some((g) => readerCentres.includes(g.centreId))).toBe(true);
      }),
    );
  });

  const admin = actor('admin', [grantOn('network_admin', 'network')]);
  const lisbonManager = actor('lisbon', [grantOn('centre_manager', 0)]);
  const mediatorInLisbon: StaffTarget = { id: 'm', grants: [grantOn('reception_mediator', 0)] };
  const mediatorInBoth: StaffTarget = { id: 'b', grants: [grantOn('reception_mediator', 0), grantOn('reception_mediator', 1)] };

  it('lets a network administrator grant anything anywhere, to anyone else', () => {
    expect(can(admin, 'grant', { target: mediatorInBoth, grants: [grantOn('auditor', 'network')] })).toBe(true);
    expect(can(admin, 'create', { grants: [] })).toBe(true);
    expect(can(admin, 'end_sessions', { target: mediatorInBoth })).toBe(true);
  });

  it('lets a centre manager run the staff of the centre, and nothing more', () => {
    expect(can(lisbonManager, 'grant', { target: mediatorInLisbon, grants: [grantOn('support_mediator', 'unit0')] })).toBe(true);
    expect(can(lisbonManager, 'grant', { target: mediatorInLisbon, grants: [grantOn('support_mediator', 1)] })).toBe(false);
    expect(can(lisbonManager, 'grant', { target: mediatorInLisbon, grants: [grantOn('auditor', 0)] })).toBe(false);
    expect(can(lisbonManager, 'grant', { target: mediatorInLisbon, grants: [grantOn('network_admin', 'network')] })).toBe(false);
    expect(can(lisbonManager, 'reset_password', { target: mediatorInLisbon })).toBe(true);
    // The person also works in Porto: account-wide changes are for someone who manages both.
    expect(can(lisbonManager, 'reset_password', { target: mediatorInBoth })).toBe(false);
    expect(can(lisbonManager, 'grant', { target: mediatorInBoth, grants: [grantOn('phone_operator', 0)] })).toBe(true);
    expect(can(lisbonManager, 'create', { grants: [] })).toBe(false);
    expect(can(lisbonManager, 'create', { grants: [grantOn('reception_mediator', 0)] })).toBe(true);
    expect(can(lisbonManager, 'end_sessions', { target: mediatorInLisbon })).toBe(false);
  });

  it('counts powers over people and set-up as administrative, daily work not', () => {
    expect(['staff.manage', 'staff.read', 'audit.read', 'network.manage_units', 'queue.manage'].every((a) => isAdministrativeAction(a as Action))).toBe(true);
    expect(['network.read', 'realtime.subscribe', 'queue.issue', 'queue.serve', 'queue.read'].some((a) => isAdministrativeAction(a as Action))).toBe(false);
  });

  it('lets readers read but not change', () => {
    const auditor = actor('auditor', [grantOn('auditor', 'network')]);
    expect(can(auditor, 'list')).toBe(true);
    expect(can(auditor, 'read', { target: mediatorInBoth })).toBe(true);
    expect(can(auditor, 'update', { target: mediatorInBoth })).toBe(false);
    const mediator = actor('mediator', [grantOn('reception_mediator', 0)]);
    expect(can(mediator, 'list')).toBe(false);
    expect(can(mediator, 'read', { target: mediatorInLisbon })).toBe(false);
  });
});
