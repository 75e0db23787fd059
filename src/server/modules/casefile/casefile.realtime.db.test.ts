import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import type { Actor, Grant } from '../../access/actor.js';
import { mayReceive } from '../../realtime/realtime.policy.js';
import { session } from '../queue/queue.test-fixtures.js';
import { addPerson, addUnit } from './casefile.test-fixtures.js';

let t: TestApp;
let centreId: string;
let immigration: string;
let social: string;
let legal: string;
let officer: Session;
let mediator: Session;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  const place = await createNetworkFixture(t.db, 'R');
  centreId = place.centreId;
  immigration = place.unitId;
  social = (await addUnit(t.db, centreId, 'SOC', 'Social office')).unitId;
  legal = (await addUnit(t.db, centreId, 'LEG', 'Legal office')).unitId;
  officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: immigration }], 'officer');
  mediator = await session(t, [{ role: 'support_mediator', scopeType: 'unit', scopeId: social }], 'mediator');
  personId = await addPerson(t.db, centreId, 'Omar', 'Haddad');
});
afterAll(() => t?.close());

const eventsOf = (referralId: string) =>
  t.db.selectFrom('realtime_events').select(['type', 'unit_id', 'centre_id', 'audience', 'payload']).where('type', '=', 'casefile.referral_changed').orderBy('id').execute()
    .then((rows) => rows.filter((row) => (row.payload as { referralId?: string }).referralId === referralId));

const unitStaff = (unitId: string): Actor => ({ staffId: 'x', username: 'x', displayName: 'x', sessionId: null, grants: [{ role: 'support_mediator', scopeType: 'unit', scopeId: unitId, centreId }] });

describe('referral events for live work lists', () => {
  it('tells the sending and the receiving unit, with ids and status only, in the transaction of the change', async () => {
    const sent = await officer.request({ method: 'POST', url: `/api/v1/people/${personId}/referrals`, payload: { fromUnitId: immigration, toUnitId: social, sharedSections: ['notes'], message: 'Housing support, private detail' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    const afterSend = await eventsOf(id);
    expect(afterSend.map((e) => e.unit_id).sort()).toEqual([immigration, social].sort());
    expect(afterSend.every((e) => e.centre_id === centreId)).toBe(true);
    expect(afterSend.map((e) => e.payload)).toEqual([{ referralId: id, status: 'sent' }, { referralId: id, status: 'sent' }]);
    expect(JSON.stringify(afterSend)).not.toMatch(/Omar|Haddad|Housing/);

    const accepted = await mediator.request({ method: 'POST', url: `/api/v1/referrals/${id}/accept`, payload: {} });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await eventsOf(id)).filter((e) => (e.payload as { status: string }).status === 'accepted')).toHaveLength(2);

    // Delivered to the two units' staff only: not to a third unit of the centre, nor to the
    // centre's or the network's grants, which do not open the referral either.
    expect(afterSend.every((e) => e.audience === 'casefile.refer')).toBe(true);
    const [toSocial] = afterSend.filter((e) => e.unit_id === social);
    const event = { centreId, unitId: toSocial!.unit_id, audience: toSocial!.audience };
    expect(mayReceive(unitStaff(social), event)).toBe(true);
    expect(mayReceive(unitStaff(legal), event)).toBe(false);
    const grantedOn = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string): Actor => ({ ...unitStaff(social), grants: [{ role, scopeType, scopeId, centreId: scopeType === 'network' ? null : centreId }] });
    expect(mayReceive(grantedOn('centre_manager', 'centre', centreId), event)).toBe(false);
    expect(mayReceive(grantedOn('reception_mediator', 'centre', centreId), event)).toBe(false);
    expect(mayReceive(grantedOn('network_admin', 'network', 'n'), event)).toBe(false);
    // On the unit itself, a role that does not work on referrals (a statistician) does not hear of them.
    expect(mayReceive(grantedOn('statistician', 'unit', social), event)).toBe(false);
    for (const who of [officer, mediator]) {
      expect((await who.request({ method: 'GET', url: `/api/v1/referrals/${id}` })).statusCode).toBe(200);
    }
  });

  it('writes no event when the change is refused', async () => {
    const before = (await t.db.selectFrom('realtime_events').select('id').where('type', '=', 'casefile.referral_changed').execute()).length;
    const refused = await mediator.request({ method: 'POST', url: `/api/v1/people/${personId}/referrals`, payload: { fromUnitId: immigration, toUnitId: social, sharedSections: [] } });
    expect(refused.statusCode).toBe(403);
    expect((await t.db.selectFrom('realtime_events').select('id').where('type', '=', 'casefile.referral_changed').execute()).length).toBe(before);
  });
});
