import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleAllows, type Role } from '../../../shared/access.js';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';
import { testDatabaseKind } from '../../../../test/database.js';
import { openSse, type SseClient, type SseMessage } from '../../../../test/sse.js';
import { partnerRows } from '../../demo/demo-directory.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { writeDataset } from '../directory/directory.import.js';
import { derivedId } from '../directory/directory.network-sync.js';
import { session } from '../queue/queue.test-fixtures.js';
import { addPerson, addUnit } from './casefile.test-fixtures.js';

/**
 * Need-to-know on the staff event stream (docs/realtime.md, docs/casefile.md "Realtime"): random
 * actors (any role at any scope) keep a stream open while the units' own staff send referrals (to
 * units, or to a partner association with the person's consent) and move them at random, valid
 * moves or not. Every case-file event an actor's stream carries — live
 * or replayed with Last-Event-ID — must be about a referral that actor may open
 * (`GET /referrals/:id` answers 200), and it must carry ids and a status only; conversely each actor
 * receives exactly the events of the units whose referrals they work on, so the filter is not
 * simply "nothing".
 */
const RUNS = testDatabaseKind() === 'postgres' ? 8 : 20;
const MOVES = ['accept', 'reject', 'complete', 'revoke'] as const;
const PARTNER = derivedId('demo-partner/kalyna', 'organization');

let t: TestApp;
let url: string;
let networkId: string;
let centres: string[] = [];
/** Units 0–2 at centre A, 3–4 at centre B. */
let units: string[] = [];
let people: { id: string; centre: number }[] = [];
const officers = new Map<string, Session>();
const subjects: { id: string; session: Session }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const a = await createNetworkFixture(t.db, 'A');
  const b = await createNetworkFixture(t.db, 'B');
  networkId = a.networkId;
  centres = [a.centreId, b.centreId];
  units = [a.unitId, (await addUnit(t.db, a.centreId, 'SOC', 'Social')).unitId, (await addUnit(t.db, a.centreId, 'VIC', 'Victims support')).unitId, b.unitId, (await addUnit(t.db, b.centreId, 'HAB', 'Housing')).unitId];
  people = [
    { id: await addPerson(t.db, a.centreId, 'Amina', 'Haddad'), centre: 0 },
    { id: await addPerson(t.db, a.centreId, 'Oleh', 'Bondar'), centre: 0 },
    { id: await addPerson(t.db, b.centreId, 'Rahim', 'Uddin'), centre: 1 },
  ];
  // The staff of each unit, who send and answer referrals.
  for (const unitId of units) officers.set(unitId, await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: unitId }], 'officer'));
  for (const name of ['ana', 'bruno', 'carla']) {
    const username = `${name}.${uuidv7().slice(-8)}`;
    const id = await createStaff(t.db, username, []);
    subjects.push({ id, session: await signIn(t.app, username) });
  }
  await writeDataset(t.db, partnerRows(new Date().toISOString()));
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(() => t?.close());

interface GrantSpec { role: Role; scope: { type: 'network' } | { type: 'centre'; index: number } | { type: 'unit'; index: number } }
type Op = { kind: 'send'; person: number; from: number; to: number; partner: boolean } | { kind: 'move'; referral: number; move: (typeof MOVES)[number] };

const grantArb: fc.Arbitrary<GrantSpec> = fc.record({
  role: fc.constantFrom(...ROLES),
  scope: fc.oneof(fc.constant({ type: 'network' as const }), fc.record({ type: fc.constant('centre' as const), index: fc.nat(1) }), fc.record({ type: fc.constant('unit' as const), index: fc.nat(4) })),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), person: fc.nat(2), from: fc.nat(2), to: fc.nat(4), partner: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), referral: fc.nat(7), move: fc.constantFrom(...MOVES) }),
);
const worldArb = fc.record({
  grants: fc.tuple(fc.array(grantArb, { maxLength: 3 }), fc.array(grantArb, { maxLength: 3 }), fc.array(grantArb, { maxLength: 3 })),
  ops: fc.array(opArb, { minLength: 1, maxLength: 7 }),
});

/** The model: who works on a unit's referrals — staff whose own grant on that unit allows casefile.refer. */
function modelReceives(grants: GrantSpec[], unitId: string): boolean {
  return grants.some((g) => g.scope.type === 'unit' && units[g.scope.index] === unitId && roleAllows(g.role, 'casefile.refer'));
}

async function install(grants: GrantSpec[][]): Promise<void> {
  await t.db.deleteFrom('staff_roles').where('staff_id', 'in', subjects.map((s) => s.id)).execute();
  for (const [i, list] of grants.entries()) {
    for (const g of list) {
      const scopeId = g.scope.type === 'network' ? networkId : g.scope.type === 'centre' ? centres[g.scope.index]! : units[g.scope.index]!;
      await t.db.insertInto('staff_roles').values({ id: uuidv7(), staff_id: subjects[i]!.id, role: g.role, scope_type: g.scope.type, scope_id: scopeId }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}

/** Sends and moves referrals as the units' own staff; a move that does not fit the state answers 409 and publishes nothing. */
async function perform(ops: Op[]): Promise<void> {
  const sent: { id: string; from: string; to: string | null }[] = [];
  for (const op of ops) {
    if (op.kind === 'send') {
      const person = people[op.person]!;
      const own = units.filter((_, index) => (index < 3 ? 0 : 1) === person.centre);
      const from = own[op.from % own.length]!;
      const to = op.partner ? null : units[op.to] === from ? units[(op.to + 1) % units.length]! : units[op.to]!;
      const officer = officers.get(from)!;
      if (!to) {
        const consent = await officer.request({ method: 'POST', url: `/api/v1/people/${person.id}/consents`, payload: { purpose: 'share_with_partner', sourceUnitId: from, partnerOrganizationId: PARTNER, givenHow: 'in_person_signed' } });
        expect(consent.statusCode, consent.body).toBe(201);
      }
      const target = to ? { toUnitId: to } : { partnerOrganizationId: PARTNER };
      const response = await officer.request({ method: 'POST', url: `/api/v1/people/${person.id}/referrals`, payload: { fromUnitId: from, ...target, sharedSections: ['notes'], message: 'A private message' } });
      expect(response.statusCode, response.body).toBe(201);
      sent.push({ id: response.json().id, from, to });
    } else if (sent.length > 0) {
      const referral = sent[op.referral % sent.length]!;
      // A partner has no account: the sending unit records its answer.
      const actingUnit = op.move === 'revoke' || referral.to === null ? referral.from : referral.to;
      const response = await officers.get(actingUnit)!.request({ method: 'POST', url: `/api/v1/referrals/${referral.id}/${op.move}`, payload: {} });
      expect(response.statusCode, response.body).toBeOneOf([200, 409]);
    }
  }
}

const isMarker = (marker: string) => (message: SseMessage) => message.event === 'test.end' && JSON.parse(message.data).payload.marker === marker;
const stream = async (who: Session, query = ''): Promise<SseClient> => {
  const client = await openSse(`${url}/api/v1/events/stream${query}`, { cookie: who.cookie });
  await client.next();
  return client;
};

describe('need-to-know on the event streams (property)', () => {
  it('a stream carries an event about a referral only to those who may open that referral, live and replayed', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async ({ grants, ops }) => {
        const marker = `run-${++run}`;
        await install(grants);
        const before = Number((await t.db.selectFrom('realtime_events').select((eb) => eb.fn.max('position').as('p')).executeTakeFirstOrThrow()).p ?? 0);
        const live = await Promise.all(subjects.map((s) => stream(s.session)));
        try {
          await perform(ops);
          await t.db.transaction().execute((trx) => writeRealtimeEvent(trx, { type: 'test.end', payload: { marker } }));
          const written = await t.db.selectFrom('realtime_events').select(['position', 'type', 'unit_id', 'payload']).where('position', '>', before).where('type', 'like', 'casefile.%').orderBy('position').execute();
          for (const [who, subject] of subjects.entries()) {
            const replayed = await stream(subject.session, `?lastEventId=${before}`);
            const received = { live: await live[who]!.until(isMarker(marker)), replayed: await replayed.until(isMarker(marker)) };
            replayed.close();
            const expected = written.filter((row) => modelReceives(grants[who]!, row.unit_id!)).map((row) => String(row.position));
            for (const messages of [received.live, received.replayed]) {
              const casefile = messages.filter((message) => message.event.startsWith('casefile.'));
              expect(casefile.map((message) => message.id)).toEqual(expected);
              for (const message of casefile) {
                const { payload } = JSON.parse(message.data) as { payload: { referralId: string; status: string } };
                expect(Object.keys(payload).sort()).toEqual(['referralId', 'status']);
                const opened = await subject.session.request({ method: 'GET', url: `/api/v1/referrals/${payload.referralId}` });
                expect(opened.statusCode, `${message.event} reached someone who cannot open referral ${payload.referralId}`).toBe(200);
              }
            }
          }
        } finally {
          for (const client of live) client.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
