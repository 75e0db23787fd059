import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/access.js';
import type { Actor, Grant } from '../../access/actor.js';
import { auditReachOf, can, mayReadSomeOfTheJournal } from './audit.policy.js';

const CENTRE_A = '00000000-0000-7000-8000-00000000000a';
const UNIT_A = '00000000-0000-7000-8000-0000000000a1';
const CENTRE_B = '00000000-0000-7000-8000-00000000000b';
const UNIT_B = '00000000-0000-7000-8000-0000000000b1';

function actor(...grants: Grant[]): Actor {
  return { staffId: 's', username: 's', displayName: 's', grants, sessionId: null };
}
const networkAuditor = actor({ role: 'auditor', scopeType: 'network', scopeId: 'n', centreId: null });
const centreAuditor = actor({ role: 'auditor', scopeType: 'centre', scopeId: CENTRE_A, centreId: CENTRE_A });
const unitAuditor = actor({ role: 'auditor', scopeType: 'unit', scopeId: UNIT_A, centreId: CENTRE_A });
const admin = actor({ role: 'network_admin', scopeType: 'network', scopeId: 'n', centreId: null });

describe('who may read the audit journal', () => {
  it('lets a network auditor read every event, including those with no place', () => {
    expect(can(networkAuditor, 'audit.read', {})).toBe(true);
    expect(can(networkAuditor, 'audit.read', { centreId: CENTRE_B, unitId: UNIT_B })).toBe(true);
  });

  it('lets a centre auditor read the centre and its units, nothing else', () => {
    expect(can(centreAuditor, 'audit.read', { centreId: CENTRE_A })).toBe(true);
    expect(can(centreAuditor, 'audit.read', { centreId: CENTRE_A, unitId: UNIT_A })).toBe(true);
    expect(can(centreAuditor, 'audit.read', { centreId: CENTRE_B, unitId: UNIT_B })).toBe(false);
    expect(can(centreAuditor, 'audit.read', {})).toBe(false);
  });

  it('lets a unit auditor read only the unit', () => {
    expect(can(unitAuditor, 'audit.read', { centreId: CENTRE_A, unitId: UNIT_A })).toBe(true);
    expect(can(unitAuditor, 'audit.read', { centreId: CENTRE_A })).toBe(false);
  });

  it('gives roles without audit.read nothing, however wide their scope', () => {
    expect(mayReadSomeOfTheJournal(admin)).toBe(false);
    expect(can(admin, 'audit.read', { centreId: CENTRE_A })).toBe(false);
  });

  it('agrees with the reach used to filter lists in SQL, for any grants and any place', () => {
    const grant = fc.record({
      role: fc.constantFrom(...ROLES),
      scope: fc.constantFrom(
        { scopeType: 'network' as const, scopeId: 'n', centreId: null },
        { scopeType: 'centre' as const, scopeId: CENTRE_A, centreId: CENTRE_A },
        { scopeType: 'centre' as const, scopeId: CENTRE_B, centreId: CENTRE_B },
        { scopeType: 'unit' as const, scopeId: UNIT_A, centreId: CENTRE_A },
        { scopeType: 'unit' as const, scopeId: UNIT_B, centreId: CENTRE_B },
      ),
    });
    const place = fc.constantFrom<{ centreId?: string; unitId?: string }>({}, { centreId: CENTRE_A }, { centreId: CENTRE_A, unitId: UNIT_A }, { centreId: CENTRE_B, unitId: UNIT_B });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 4 }), place, (grants, placement) => {
        const someone = actor(...grants.map((g) => ({ role: g.role, ...g.scope })));
        const reach = auditReachOf(someone);
        // The SQL filter: everything, or centre_id in the centres, or unit_id in the units.
        const sqlWouldShow =
          reach.everywhere ||
          (placement.centreId !== undefined && reach.centreIds.includes(placement.centreId)) ||
          (placement.unitId !== undefined && reach.unitIds.includes(placement.unitId));
        expect(can(someone, 'audit.read', placement)).toBe(sqlWouldShow);
      }),
    );
  });
});
