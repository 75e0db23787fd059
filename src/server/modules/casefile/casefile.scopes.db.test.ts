import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/access.js';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { session } from '../queue/queue.test-fixtures.js';
import { addPerson, addUnit } from './casefile.test-fixtures.js';

/**
 * Who may call each case-file endpoint, role by role and scope by scope, against the rules as
 * docs/casefile.md states them (written out here, not derived from the code under test).
 */
type Scope = 'unit' | 'centre' | 'network' | 'elsewhere';
const CASE_WORKERS: Role[] = ['unit_manager', 'support_mediator', 'agency_officer'];
const CORE_READERS: Role[] = ['centre_manager', 'unit_manager', 'reception_mediator', 'support_mediator', 'agency_officer', 'phone_operator'];
const FORM_ADMINS: Role[] = ['centre_manager', 'unit_manager'];
const CONSENT_TAKERS: Role[] = ['reception_mediator', ...CASE_WORKERS];

let t: TestApp;
let place: Awaited<ReturnType<typeof createNetworkFixture>>;
let otherCentre: string;
let social: string;
let personId: string;
let networkId: string;

beforeAll(async () => {
  t = await createTestApp();
  place = await createNetworkFixture(t.db, 'H');
  otherCentre = (await createNetworkFixture(t.db, 'O')).centreId;
  networkId = place.networkId;
  social = (await addUnit(t.db, place.centreId, 'SOC', 'Social')).unitId;
  personId = await addPerson(t.db, place.centreId);
}, 60_000);
afterAll(() => t?.close());

function scopeOf(scope: Scope) {
  switch (scope) {
    case 'unit': return { scopeType: 'unit' as const, scopeId: place.unitId };
    case 'centre': return { scopeType: 'centre' as const, scopeId: place.centreId };
    case 'network': return { scopeType: 'network' as const, scopeId: networkId };
    case 'elsewhere': return { scopeType: 'centre' as const, scopeId: otherCentre };
  }
}

describe('case file endpoints by role and scope', () => {
  const cases = ROLES.flatMap((role) => (['unit', 'centre', 'network', 'elsewhere'] as Scope[]).map((scope) => ({ role, scope })));

  it.each(cases)('$role on $scope', async ({ role, scope }) => {
    const who: Session = await session(t, [{ role, ...scopeOf(scope) }], `${role}-${scope}`);
    const here = scope !== 'elsewhere';
    const readsCore = here && CORE_READERS.includes(role);
    const unitStaff = scope === 'unit' && CASE_WORKERS.includes(role);
    const outside = (allowed: boolean, visible: boolean) => (allowed ? undefined : visible ? 403 : 404);
    const call = (method: string, url: string, payload?: unknown) => who.request({ method: method as 'GET', url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });

    const overview = await call('GET', `/api/v1/people/${personId}/file`);
    expect(overview.statusCode).toBe(readsCore ? 200 : 404);

    const note = await call('POST', `/api/v1/people/${personId}/file/notes`, { unitId: place.unitId, text: 'note' });
    expect(note.statusCode).toBe(unitStaff ? 201 : outside(false, readsCore));

    const purpose = await call('POST', `/api/v1/people/${personId}/file/purposes`, { unitId: place.unitId, text: 'renewal' });
    const recordsPurpose = unitStaff || (role === 'reception_mediator' && here);
    expect(purpose.statusCode).toBe(recordsPurpose ? 201 : outside(false, readsCore));

    const consent = await call('POST', `/api/v1/people/${personId}/consents`, { purpose: 'contact_sms', givenHow: 'online' });
    // A unit grant places its holder in the unit's centre.
    expect(consent.statusCode).toBe(readsCore && CONSENT_TAKERS.includes(role) ? 201 : outside(false, readsCore));

    const referral = await call('POST', `/api/v1/people/${personId}/referrals`, { fromUnitId: place.unitId, toUnitId: social, sharedSections: ['notes'] });
    expect(referral.statusCode).toBe(unitStaff ? 201 : outside(false, readsCore));

    const glass = await call('POST', `/api/v1/people/${personId}/break-glass`, { reason: 'Checking a reported emergency with the person present' });
    expect(glass.statusCode).toBe(readsCore && CASE_WORKERS.includes(role) ? 201 : outside(false, readsCore));

    const form = await call('POST', `/api/v1/units/${place.unitId}/forms`, { serviceId: place.serviceId, title: { pt: 'Ficha' }, fields: [{ key: 'a', label: { pt: 'A' }, type: 'text' }] });
    expect(form.statusCode).toBe(here && FORM_ADMINS.includes(role) ? 201 : here ? 403 : 404);

    const workflow = await call('GET', `/api/v1/services/${place.serviceId}/workflow`);
    expect(workflow.statusCode).toBe(here ? 200 : 404);

    const worklist = await call('GET', '/api/v1/referrals?box=incoming');
    expect(worklist.statusCode).toBe(200);
    const procedure = await call('POST', `/api/v1/people/${personId}/procedures`, { serviceId: place.serviceId });
    expect(procedure.statusCode).toBe(unitStaff ? 201 : outside(false, readsCore));
  });
});
