import { describe, expect, it } from 'vitest';
import type { Role, ScopeType } from '../../../shared/access.js';
import type { Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';
import { can, ensureCanChange, readableCentres } from './network.policy.js';

const NETWORK = 'net';
const LISBON = 'lisbon';
const PORTO = 'porto';
const IMMIGRATION = 'lisbon-immigration';
const LEGAL = 'lisbon-legal';
const unitCentre: Record<string, string> = { [IMMIGRATION]: LISBON, [LEGAL]: LISBON };

function actor(...grants: [Role, ScopeType, string][]): Actor {
  return {
    staffId: 's',
    username: 'someone',
    displayName: 'Someone',
    sessionId: null,
    grants: grants.map(([role, scopeType, scopeId]) => ({
      role,
      scopeType,
      scopeId,
      centreId: scopeType === 'network' ? null : scopeType === 'centre' ? scopeId : unitCentre[scopeId]!,
    })),
  };
}

const lisbon = { centreId: LISBON };
const porto = { centreId: PORTO };
const immigration = { centreId: LISBON, unitId: IMMIGRATION };
const legal = { centreId: LISBON, unitId: LEGAL };

describe('network policy', () => {
  it('lets a network admin do everything everywhere', () => {
    const admin = actor(['network_admin', 'network', NETWORK]);
    expect(can(admin, 'network.manage_centres', null)).toBe(true);
    expect(can(admin, 'network.manage_units', porto)).toBe(true);
    expect(can(admin, 'network.manage_services', immigration)).toBe(true);
    expect(readableCentres(admin).everywhere).toBe(true);
  });

  it('lets a statistician at network scope read everything and change nothing', () => {
    const statistician = actor(['statistician', 'network', NETWORK]);
    expect(can(statistician, 'network.read', porto)).toBe(true);
    expect(can(statistician, 'network.manage_centres', null)).toBe(false);
    expect(can(statistician, 'network.manage_services', immigration)).toBe(false);
  });

  it('lets a centre manager manage units and services of their centre only, never centres', () => {
    const manager = actor(['centre_manager', 'centre', LISBON]);
    expect(can(manager, 'network.manage_units', lisbon)).toBe(true);
    expect(can(manager, 'network.manage_services', legal)).toBe(true);
    expect(can(manager, 'network.manage_units', porto)).toBe(false);
    expect(can(manager, 'network.read', porto)).toBe(false);
    expect(can(manager, 'network.manage_centres', null)).toBe(false);
  });

  it('lets a unit manager manage the services of their unit, not of a sibling, and no units', () => {
    const manager = actor(['unit_manager', 'unit', IMMIGRATION]);
    expect(can(manager, 'network.manage_services', immigration)).toBe(true);
    expect(can(manager, 'network.manage_services', legal)).toBe(false);
    expect(can(manager, 'network.manage_units', immigration)).toBe(false);
  });

  it('lets someone working in one unit read their centre and its sibling units', () => {
    const officer = actor(['agency_officer', 'unit', IMMIGRATION]);
    expect(can(officer, 'network.read', lisbon)).toBe(true);
    expect(can(officer, 'network.read', legal)).toBe(true);
    expect(can(officer, 'network.read', porto)).toBe(false);
    expect(readableCentres(officer)).toEqual({ everywhere: false, centreIds: [LISBON] });
  });

  it('gives a role granted on a centre no power over a unit grant of another role', () => {
    const mixed = actor(['reception_mediator', 'centre', PORTO], ['unit_manager', 'unit', LEGAL]);
    expect(can(mixed, 'network.read', porto)).toBe(true);
    expect(can(mixed, 'network.manage_services', { centreId: PORTO, unitId: 'porto-legal' })).toBe(false);
    expect(can(mixed, 'network.manage_services', legal)).toBe(true);
  });

  it('refuses with 404 where the actor cannot see, 403 where they see but may not change', () => {
    const officer = actor(['agency_officer', 'unit', IMMIGRATION]);
    const status = (place: { centreId: string; unitId?: string }) => {
      try {
        ensureCanChange(officer, 'network.manage_services', place, 'The service');
        return 200;
      } catch (error) {
        return (error as AppError).status;
      }
    };
    expect(status(immigration)).toBe(403);
    expect(status({ centreId: PORTO, unitId: 'porto-unit' })).toBe(404);
    expect(() => ensureCanChange(actor(), 'network.manage_centres', null, 'The centre')).toThrow(AppError);
  });
});
