import fc from 'fast-check';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleAllows, type Role } from '../../../shared/access.js';
import { createNetworkFixture, createStaff, createTestApp, signIn, testConfig, type Session, type TestApp } from '../../../../test/app.js';
import { testDatabaseKind } from '../../../../test/database.js';
import type { ReferralStatus, SectionName } from '../../db/types.js';
import { sealDocument } from './casefile.documents.crypto.js';
import { DEFAULT_WORKFLOW } from './casefile.workflows.js';
import { addPerson, addUnit, tinyPng } from './casefile.test-fixtures.js';

/**
 * Need-to-know, checked against an independent model: random actors (any role, any scope), random
 * consents (live, expired, not yet given, withdrawn), referrals in every state with random shared
 * sections and break-glass grants (open or expired). For every actor and person, every list and
 * every single read answers exactly the records the model allows, and writes succeed only for the
 * owning unit's staff. Referrals are read one by one as well as in the work list; the people search
 * carries the shared core only; the subject-access export (which holds the whole file, for the
 * person) answers only centre managers of the home centre. The event streams are checked in
 * casefile.realtime.property.db.test.ts.
 */
const RUNS = testDatabaseKind() === 'postgres' ? 12 : 30;
type Kind = 'notes' | 'purposes' | 'forms' | 'documents' | 'procedures';

interface WorldRecord { id: string; personId: string; unitId: string; kind: Kind }
let t: TestApp;
let units: string[] = [];
let centres: string[] = [];
let people: string[] = [];
const records: WorldRecord[] = [];
const staff: { id: string; session: Session }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const a = await createNetworkFixture(t.db, 'A');
  const b = await createNetworkFixture(t.db, 'B');
  centres = [a.centreId, b.centreId];
  const a2 = await addUnit(t.db, a.centreId, 'SOC', 'Social');
  const a3 = await addUnit(t.db, a.centreId, 'VIC', 'Victims support');
  const services = new Map([[a.unitId, a.serviceId], [a2.unitId, a2.serviceId], [a3.unitId, a3.serviceId], [b.unitId, b.serviceId]]);
  units = [...services.keys()];
  people = [await addPerson(t.db, a.centreId, 'Amina', 'Haddad'), await addPerson(t.db, a.centreId, 'Oleh', 'Bondar'), await addPerson(t.db, b.centreId, 'Rahim', 'Uddin')];
  const png = tinyPng();
  for (const [unitId, serviceId] of services) {
    const workflowId = uuidv7();
    await t.db.insertInto('casefile_workflows').values({ id: workflowId, service_id: serviceId, version: 1, states: JSON.stringify(DEFAULT_WORKFLOW.states), transitions: JSON.stringify(DEFAULT_WORKFLOW.transitions), initial_state: 'received' }).execute();
    const formId = uuidv7();
    await t.db.insertInto('casefile_forms').values({ id: formId, unit_id: unitId, service_id: serviceId, version: 1, title: JSON.stringify({ pt: 'Ficha' }), fields: JSON.stringify([{ key: 'income', label: { pt: 'Rendimento' }, type: 'text', required: false }]) }).execute();
    for (const personId of people) {
      for (const section of ['notes', 'purposes'] as const) {
        const id = uuidv7();
        await t.db.insertInto('casefile_entries').values({ id, person_id: personId, unit_id: unitId, section, service_id: null, form_id: null, body: `${section} of ${unitId}`, answers: null }).execute();
        records.push({ id, personId, unitId, kind: section });
      }
      const formEntryId = uuidv7();
      await t.db.insertInto('casefile_entries').values({ id: formEntryId, person_id: personId, unit_id: unitId, section: 'forms', service_id: serviceId, form_id: formId, body: '', answers: JSON.stringify({ income: `forms of ${unitId}` }) }).execute();
      records.push({ id: formEntryId, personId, unitId, kind: 'forms' });
      const documentId = uuidv7();
      const sealed = await sealDocument(testConfig(), documentId, png);
      await t.db.insertInto('casefile_documents').values({ id: documentId, person_id: personId, unit_id: unitId, document_type: 'passport', file_name: 'p.png', content_type: 'image/png', size_bytes: png.length, sha256: 'x' }).execute();
      await t.db.insertInto('casefile_document_contents').values({ document_id: documentId, key_id: sealed.keyId, iv: sealed.iv, auth_tag: sealed.authTag, ciphertext: sealed.ciphertext }).execute();
      records.push({ id: documentId, personId, unitId, kind: 'documents' });
      const procedureId = uuidv7();
      await t.db.insertInto('casefile_procedures').values({ id: procedureId, person_id: personId, unit_id: unitId, service_id: serviceId, workflow_id: workflowId, state: 'received' }).execute();
      records.push({ id: procedureId, personId, unitId, kind: 'procedures' });
    }
  }
  for (const name of ['ana', 'bruno', 'carla']) {
    const username = `${name}.${uuidv7().slice(-8)}`;
    const id = await createStaff(t.db, username, []);
    staff.push({ id, session: await signIn(t.app, username) });
  }
}, 120_000);
afterAll(() => t?.close());

// ── The model ────────────────────────────────────────────────────────────────────────────────────
interface GrantSpec { role: Role; scope: { type: 'network' } | { type: 'centre'; index: number } | { type: 'unit'; index: number } }
type Timing = 'live' | 'expired' | 'future' | 'withdrawn';
interface ConsentSpec { person: number; source: number; target: number; timing: Timing }
interface ReferralSpec { person: number; from: number; to: number; status: ReferralStatus; sections: SectionName[] }
interface GlassSpec { staff: number; person: number; open: boolean }
interface World { grants: GrantSpec[][]; consents: ConsentSpec[]; referrals: ReferralSpec[]; glass: GlassSpec[] }

const grantArb: fc.Arbitrary<GrantSpec> = fc.record({
  role: fc.constantFrom(...ROLES),
  scope: fc.oneof(fc.constant({ type: 'network' as const }), fc.record({ type: fc.constant('centre' as const), index: fc.nat(1) }), fc.record({ type: fc.constant('unit' as const), index: fc.nat(3) })),
});
const worldArb: fc.Arbitrary<World> = fc.record({
  grants: fc.tuple(fc.array(grantArb, { maxLength: 3 }), fc.array(grantArb, { maxLength: 3 }), fc.array(grantArb, { maxLength: 3 })).map((g) => g as GrantSpec[][]),
  consents: fc.array(fc.record({ person: fc.nat(2), source: fc.nat(3), target: fc.nat(3), timing: fc.constantFrom<Timing>('live', 'expired', 'future', 'withdrawn') }).filter((c) => c.source !== c.target), { maxLength: 4 }),
  referrals: fc.array(fc.record({ person: fc.nat(2), from: fc.nat(3), to: fc.nat(3), status: fc.constantFrom<ReferralStatus>('sent', 'accepted', 'rejected', 'done', 'revoked'), sections: fc.subarray(['notes', 'forms', 'purposes', 'documents', 'procedures'] as SectionName[]) }).filter((r) => r.from !== r.to), { maxLength: 5 }),
  glass: fc.array(fc.record({ staff: fc.nat(2), person: fc.nat(2), open: fc.boolean() }), { maxLength: 2 }),
});

function readUnits(grants: GrantSpec[], action: 'casefile.read' | 'casefile.write'): string[] {
  return grants.filter((g) => g.scope.type === 'unit' && roleAllows(g.role, action)).map((g) => units[(g.scope as { index: number }).index]!);
}

function modelMaySee(world: World, who: number, record: WorldRecord): boolean {
  const mine = readUnits(world.grants[who]!, 'casefile.read');
  const person = people.indexOf(record.personId);
  if (mine.includes(record.unitId)) return true;
  if (world.consents.some((c) => c.timing === 'live' && c.person === person && units[c.source] === record.unitId && mine.includes(units[c.target]!))) return true;
  if (world.referrals.some((r) => r.status === 'accepted' && r.person === person && units[r.from] === record.unitId && mine.includes(units[r.to]!) && r.sections.includes(record.kind))) return true;
  return world.glass.some((g) => g.open && g.staff === who && g.person === person);
}

/** Installs the world; returns the referrals' ids in the order of world.referrals. */
async function install(world: World): Promise<string[]> {
  const now = Date.now();
  const hour = 3_600_000;
  await t.db.deleteFrom('casefile_consents').execute();
  await t.db.deleteFrom('casefile_referrals').execute();
  await t.db.deleteFrom('casefile_break_glass').execute();
  await t.db.deleteFrom('staff_roles').where('staff_id', 'in', staff.map((s) => s.id)).execute();
  for (const [i, grants] of world.grants.entries()) {
    for (const g of grants) {
      const scopeId = g.scope.type === 'network' ? (await t.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id : g.scope.type === 'centre' ? centres[g.scope.index]! : units[g.scope.index]!;
      await t.db.insertInto('staff_roles').values({ id: uuidv7(), staff_id: staff[i]!.id, role: g.role, scope_type: g.scope.type, scope_id: scopeId }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  for (const c of world.consents) {
    const given = c.timing === 'future' ? now + hour : now - 2 * hour;
    await t.db.insertInto('casefile_consents').values({
      id: uuidv7(), person_id: people[c.person]!, purpose: 'share_with_unit', source_unit_id: units[c.source]!, target_unit_id: units[c.target]!, given_how: 'online',
      given_at: new Date(given), expires_at: c.timing === 'expired' ? new Date(now - hour) : c.timing === 'future' ? new Date(now + 2 * hour) : null, withdrawn_at: c.timing === 'withdrawn' ? new Date(now - 60_000) : null,
    }).execute();
  }
  const referralIds: string[] = [];
  for (const r of world.referrals) {
    const id = uuidv7();
    await t.db.insertInto('casefile_referrals').values({ id, person_id: people[r.person]!, from_unit_id: units[r.from]!, to_unit_id: units[r.to]!, shared_sections: r.sections, message: `message of referral ${id}`, status: r.status, sent_at: new Date(now - 3 * 86_400_000) }).execute();
    referralIds.push(id);
  }
  for (const g of world.glass) {
    await t.db.insertInto('casefile_break_glass').values({ id: uuidv7(), staff_id: staff[g.staff]!.id, person_id: people[g.person]!, reason: 'A reason long enough for the rule', opened_at: new Date(now - (g.open ? 60_000 : 2 * hour)), expires_at: new Date(now + (g.open ? hour : -hour)) }).execute();
  }
  return referralIds;
}

/** The subject-access export: people.export on a grant placing the actor at the person's home centre (centre managers). */
function modelMayExport(grants: GrantSpec[], personId: string): boolean {
  const home = personId === people[2] ? 1 : 0;
  const centreOfUnit = (index: number) => (index === 3 ? 1 : 0);
  return grants.some((g) => roleAllows(g.role, 'people.export') && (g.scope.type === 'network' || (g.scope.type === 'centre' ? g.scope.index === home : centreOfUnit(g.scope.index) === home)));
}

const sorted = (ids: string[]) => [...ids].sort();
async function listed(session: Session, url: string): Promise<string[]> {
  const response = await session.request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBeOneOf([200, 404]);
  return response.statusCode === 404 ? [] : response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
}

describe('need-to-know holds through every endpoint (property)', () => {
  it('reads: lists and single records show exactly what the model allows', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.nat(records.length - 1), async (world, pick) => {
        const referralIds = await install(world);
        for (const [who, { session }] of staff.entries()) {
          for (const personId of people) {
            const expected = records.filter((r) => r.personId === personId && modelMaySee(world, who, r));
            const ofKind = (kinds: Kind[]) => sorted(expected.filter((r) => kinds.includes(r.kind)).map((r) => r.id));
            expect(sorted(await listed(session, `/api/v1/people/${personId}/file/entries`))).toEqual(ofKind(['notes', 'purposes', 'forms']));
            expect(sorted(await listed(session, `/api/v1/people/${personId}/documents`))).toEqual(ofKind(['documents']));
            expect(sorted(await listed(session, `/api/v1/people/${personId}/procedures`))).toEqual(ofKind(['procedures']));
            const overview = await session.request({ method: 'GET', url: `/api/v1/people/${personId}/file` });
            if (overview.statusCode === 200) {
              const shown = overview.json<{ visible: { unitId: string; section: string; records: number }[] }>().visible;
              expect(shown.reduce((sum, s) => sum + s.records, 0)).toBe(expected.length);
            } else expect(overview.statusCode).toBe(404);
          }
          // Single reads of a few records, visible or not.
          for (const record of [records[pick]!, records[(pick * 7 + who) % records.length]!]) {
            const url = { notes: `/api/v1/casefile/entries/${record.id}`, purposes: `/api/v1/casefile/entries/${record.id}`, forms: `/api/v1/casefile/entries/${record.id}`, documents: `/api/v1/casefile/documents/${record.id}/content`, procedures: `/api/v1/procedures/${record.id}` }[record.kind];
            const response = await session.request({ method: 'GET', url });
            expect(response.statusCode, `${record.kind} ${response.body}`).toBe(modelMaySee(world, who, record) ? 200 : 404);
          }
          // The people search carries the shared core only, never a section's content.
          const found = await session.request({ method: 'GET', url: '/api/v1/people?q=Amina' });
          expect(found.statusCode).toBeOneOf([200, 403]);
          expect(found.body).not.toMatch(/notes of|purposes of|forms of|casefile/);
          // The referral work list: referrals sent to (incoming) or by (outgoing) the actor's units only.
          const referUnits = world.grants[who]!.filter((g) => g.scope.type === 'unit' && roleAllows(g.role, 'casefile.refer')).map((g) => units[(g.scope as { index: number }).index]!);
          const incoming = await session.request({ method: 'GET', url: '/api/v1/referrals?box=incoming' });
          expect(incoming.statusCode).toBe(200);
          expect(incoming.json<{ items: { toUnit: { id: string } }[] }>().items.length).toBe(world.referrals.filter((r) => referUnits.includes(units[r.to]!)).length);
          const all = await session.request({ method: 'GET', url: '/api/v1/referrals' });
          expect(all.json<{ items: unknown[] }>().items.length).toBe(world.referrals.filter((r) => referUnits.includes(units[r.to]!) || referUnits.includes(units[r.from]!)).length);
          // One by one: a referral (its message, its shared sections) opens to the two units only.
          for (const [index, r] of world.referrals.entries()) {
            const one = await session.request({ method: 'GET', url: `/api/v1/referrals/${referralIds[index]}` });
            const involved = referUnits.includes(units[r.to]!) || referUnits.includes(units[r.from]!);
            expect(one.statusCode, one.body).toBe(involved ? 200 : 404);
            if (!involved) expect(one.body).not.toContain('message of referral');
          }
          // The subject-access export holds the whole file: only for those who hand it to the person.
          const exported = people[pick % people.length]!;
          const zip = await session.request({ method: 'GET', url: `/api/v1/people/${exported}/export.zip` });
          expect(zip.statusCode === 200, `export ${zip.statusCode}`).toBe(modelMayExport(world.grants[who]!, exported));
          if (zip.statusCode !== 200) expect(zip.body).not.toMatch(/notes of|purposes of|forms of/);
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('writes: only the owning unit\'s staff change a section, whatever consent, referral or break-glass exists', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.nat(2), fc.nat(3), fc.nat(records.length - 1), async (world, person, unit, pick) => {
        await install(world);
        for (const [who, { session }] of staff.entries()) {
          const writer = readUnits(world.grants[who]!, 'casefile.write');
          const note = await session.request({ method: 'POST', url: `/api/v1/people/${people[person]}/file/notes`, payload: { unitId: units[unit], text: 'written in a property run' } });
          expect(note.statusCode, note.body).toBe(writer.includes(units[unit]!) ? 201 : note.statusCode === 404 ? 404 : 403);
          const record = records[pick]!;
          const allowed = writer.includes(record.unitId);
          if (record.kind === 'notes' || record.kind === 'purposes') {
            const patch = await session.request({ method: 'PATCH', url: `/api/v1/casefile/entries/${record.id}`, payload: { text: `${record.kind} of ${record.unitId}` } });
            expect(patch.statusCode, patch.body).toBe(allowed ? 200 : modelMaySee(world, who, record) ? 403 : 404);
          } else if (record.kind === 'procedures') {
            const move = await session.request({ method: 'POST', url: `/api/v1/procedures/${record.id}/transitions`, payload: { to: 'in_review' } });
            expect(move.statusCode, move.body).toBe(allowed ? 200 : modelMaySee(world, who, record) ? 403 : 404);
            if (allowed) {
              await t.db.updateTable('casefile_procedures').set({ state: 'received', is_final: false }).where('id', '=', record.id).execute();
            }
          }
        }
        // What the run wrote is removed so the next run's model still describes the world.
        await t.db.deleteFrom('casefile_entries').where('body', '=', 'written in a property run').execute();
        await t.db.deleteFrom('casefile_procedure_transitions').execute();
        expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM casefile_entries`.execute(t.db)).rows[0]!.n)).toBe(records.filter((r) => r.kind === 'notes' || r.kind === 'purposes' || r.kind === 'forms').length);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
