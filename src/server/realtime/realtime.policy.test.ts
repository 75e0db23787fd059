import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../access/actor.js';
import { mayReceive } from './realtime.policy.js';

const CENTRE_A = 'centre-a';
const UNIT_A = 'unit-a';
const UNIT_A2 = 'unit-a2';
const CENTRE_B = 'centre-b';

function actor(...grants: Grant[]): Actor {
  return { staffId: 's', username: 's', displayName: 's', grants, sessionId: null };
}

describe('who receives a realtime event', () => {
  const network = actor({ role: 'statistician', scopeType: 'network', scopeId: 'n', centreId: null });
  const centre = actor({ role: 'reception_mediator', scopeType: 'centre', scopeId: CENTRE_A, centreId: CENTRE_A });
  const unit = actor({ role: 'support_mediator', scopeType: 'unit', scopeId: UNIT_A, centreId: CENTRE_A });
  const noRoles = actor();

  it('sends network-wide events to everyone signed in', () => {
    for (const someone of [network, centre, unit, noRoles]) expect(mayReceive(someone, { centreId: null, unitId: null })).toBe(true);
  });

  it('sends a centre event to everyone working at that centre, and the network', () => {
    const event = { centreId: CENTRE_A, unitId: null };
    expect([network, centre, unit, noRoles].map((someone) => mayReceive(someone, event))).toEqual([true, true, true, false]);
    expect(mayReceive(centre, { centreId: CENTRE_B, unitId: null })).toBe(false);
  });

  it('sends a unit event to that unit, its centre and the network, not to a sibling unit', () => {
    expect([network, centre, unit, noRoles].map((someone) => mayReceive(someone, { centreId: CENTRE_A, unitId: UNIT_A }))).toEqual([true, true, true, false]);
    expect(mayReceive(unit, { centreId: CENTRE_A, unitId: UNIT_A2 })).toBe(false);
  });

  it('sends an event with an audience only to those holding that action through a grant on the unit itself', () => {
    const event = { centreId: CENTRE_A, unitId: UNIT_A, audience: 'casefile.refer' };
    expect([network, centre, unit, noRoles].map((someone) => mayReceive(someone, event))).toEqual([false, false, true, false]);
    const unitStatistician = actor({ role: 'statistician', scopeType: 'unit', scopeId: UNIT_A, centreId: CENTRE_A });
    expect(mayReceive(unitStatistician, event)).toBe(false);
    expect(mayReceive(unit, { ...event, unitId: UNIT_A2 })).toBe(false);
    // Fails closed: an action nobody knows, or an audience without a unit, reaches nobody.
    expect(mayReceive(unit, { ...event, audience: 'casefile.no_such_action' })).toBe(false);
    expect(mayReceive(unit, { centreId: CENTRE_A, unitId: null, audience: 'casefile.refer' })).toBe(false);
  });
});
