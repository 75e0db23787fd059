import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { createQueueWorld, session, type QueueWorld } from '../queue/queue.test-fixtures.js';
import type { RetentionReport } from './people.data-protection.schemas.js';
import { insertAppointment, insertVisit, registerPerson } from './people.data-protection.test-fixtures.js';
import { anonymisationTask } from './people.retention.service.js';

let t: TestApp;
let w: QueueWorld;
let admin: Session;
let manager: Session;
const OLD_DAY = '2019-03-04';
const ids = { due: '', longKept: '', open: '', recent: '' };

async function backdate(personId: string, at: string) {
  await t.db.updateTable('people').set({ created_at: new Date(at), updated_at: new Date(at) }).where('id', '=', personId).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  const networkId = (await t.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
  admin = await session(t, [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }], 'admin');
  manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
  const counter = w.counters[0]!;
  const at = new Date(`${OLD_DAY}T10:00:00Z`);
  // Served in 2019 by unit 1 only (no rule of its own: the network default applies).
  ids.due = await registerPerson(w.reception, w.centreId);
  const dueVisit = await insertVisit(t.db, { personId: ids.due, centreId: w.centreId, at, purpose: 'Renewal for Olena Kovalenko', tickets: [{ unitId: w.unitId, serviceId: w.serviceA, counterId: counter, state: 'done', outcome: 'resolved' }, { unitId: w.unitId, serviceId: w.serviceA, counterId: counter, state: 'no_show' }] });
  await insertAppointment(t.db, { personId: ids.due, centreId: w.centreId, serviceId: w.serviceA, startsAt: new Date(`${OLD_DAY}T09:45:00Z`), bookedAt: new Date('2019-02-20T10:00:00Z'), state: 'booked', visitId: dueVisit.visitId });
  // Served in 2019 by unit 2, which keeps its files 20 years.
  ids.longKept = await registerPerson(w.reception, w.centreId, { givenNames: 'Amina', familyNames: 'Diallo', nativeGivenNames: '', nativeFamilyNames: '', nativeScript: null });
  await insertVisit(t.db, { personId: ids.longKept, centreId: w.centreId, at, tickets: [{ unitId: w.unit2Id, serviceId: w.serviceB, counterId: w.counterB, state: 'done', outcome: 'resolved' }] });
  // Past retention but a ticket is still waiting.
  ids.open = await registerPerson(w.reception, w.centreId, { givenNames: 'Rahul', familyNames: 'Sharma', nativeGivenNames: 'राहुल', nativeFamilyNames: 'शर्मा', nativeScript: 'Deva' });
  await insertVisit(t.db, { personId: ids.open, centreId: w.centreId, at, tickets: [{ unitId: w.unitId, serviceId: w.serviceA, counterId: counter, state: 'waiting' }] });
  // Seen three years ago: kept, but passports are kept one year only.
  ids.recent = await registerPerson(w.reception, w.centreId, { givenNames: 'Li', familyNames: 'Wei', nativeGivenNames: '伟', nativeFamilyNames: '李', nativeScript: 'Hans' });
  for (const id of Object.values(ids)) await backdate(id, '2019-01-15T10:00:00Z');
  await backdate(ids.recent, '2023-10-01T10:00:00Z');
});
afterAll(() => t?.close());

const put = (who: Session, payload: Record<string, unknown>) => who.request({ method: 'PUT', url: '/api/v1/people/retention/rules', payload });

describe('retention rules', () => {
  it('are set by network administrators only, validated, and replaced when set again', async () => {
    expect((await put(manager, { retainYears: 5 })).statusCode).toBe(403);
    expect((await put(admin, { retainYears: 0 })).statusCode).toBe(400);
    // Any document type of the case file is accepted, in the shape the case file names them.
    for (const documentType of ['Visa', 'x', 'proof of address', '9lives', 'a'.repeat(41)]) {
      expect((await put(admin, { retainYears: 5, documentType })).statusCode, documentType).toBe(400);
    }
    expect((await put(admin, { retainYears: 3 })).statusCode).toBe(200);
    expect((await put(admin, { retainYears: 5, note: 'Network default' })).json()).toMatchObject({ unit: null, documentType: null, retainYears: 5 });
    expect((await put(admin, { unitId: w.unit2Id, retainYears: 20 })).json()).toMatchObject({ unit: { id: w.unit2Id }, retainYears: 20 });
    const passports = (await put(admin, { documentType: 'passport', retainYears: 1 })).json();
    const temporary = (await put(admin, { unitId: w.unitId, documentType: 'other', retainYears: 2 })).json();
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/people/retention/rules/${temporary.id}` })).statusCode).toBe(204);
    const payslips = (await put(admin, { unitId: w.unitId, documentType: 'payslip', retainYears: 3, note: 'Labour cases' })).json();
    expect(payslips).toMatchObject({ unit: { id: w.unitId }, documentType: 'payslip', retainYears: 3, note: 'Labour cases' });
    expect((await put(admin, { unitId: w.unitId, documentType: 'payslip', retainYears: 4 })).json()).toMatchObject({ id: payslips.id, retainYears: 4 });
    const listed = (await admin.request({ method: 'GET', url: '/api/v1/people/retention/rules' })).json().items;
    expect(listed).toHaveLength(4);
    expect(listed.map((r: { id: string }) => r.id)).toContain(passports.id);
    expect((await t.db.selectFrom('audit_events').select('id').where('action', 'like', 'retention_rule.%').execute()).length).toBe(8);
    // The database holds the same shape, whatever the caller.
    await expect(t.db.insertInto('retention_rules').values({ id: '01900000-0000-7000-8000-00000000b001', unit_id: null, document_type: 'Payslip', retain_years: 2, note: '' }).execute()).rejects.toThrow(/retention_rules_document_type_check/);
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/people/retention/rules/${payslips.id}` })).statusCode).toBe(204);
  });

  it('suggests the document types in use, with the identity types and those rules name', async () => {
    expect((await manager.request({ method: 'GET', url: '/api/v1/people/retention/document-types' })).statusCode).toBe(403);
    const response = await admin.request({ method: 'GET', url: '/api/v1/people/retention/document-types' });
    expect(response.statusCode, response.body).toBe(200);
    const types = response.json().items as { type: string; identity: boolean; casefileDocuments: number; rules: number }[];
    const byType = new Map(types.map((entry) => [entry.type, entry]));
    expect(byType.get('passport')).toMatchObject({ identity: true, rules: 1 });
    expect(byType.get('national_id')).toMatchObject({ identity: true, rules: 0 });
    expect(byType.get('proof_of_address')).toMatchObject({ identity: false, casefileDocuments: 0 });
    expect(types.map((entry) => entry.type)).toEqual([...types.map((entry) => entry.type)].sort());
  });
});

describe('anonymisation', () => {
  let reportBefore: unknown;

  it('reports in a dry run who and which documents it would treat, without changing anything', async () => {
    reportBefore = (await manager.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue-report?day=${OLD_DAY}` })).json();
    expect((await manager.request({ method: 'GET', url: '/api/v1/people/retention/report' })).statusCode).toBe(403);
    const response = await admin.request({ method: 'GET', url: '/api/v1/people/retention/report' });
    expect(response.statusCode, response.body).toBe(200);
    const report: RetentionReport = response.json();
    expect(report.defaultYears).toBe(5);
    expect(report.people.map((p) => p.personId)).toEqual([ids.due]);
    expect(report.people[0]!.retainYears).toBe(5);
    expect(report.people[0]!.homeCentre).toEqual({ id: w.centreId, name: expect.any(String) });
    expect(report.people[0]!.homeCentre.name).not.toBe('');
    expect(report.blockedByOpenActivity).toBe(1);
    expect(report.heldBack.map((p) => p.personId)).toEqual([ids.open]);
    expect(report.documents.map((d) => d.personId).sort()).toEqual([ids.longKept, ids.recent].sort());
    expect(report.documents.every((d) => d.store === 'identity' && d.type === 'passport' && d.unit === null && d.retainYears === 1)).toBe(true);
    const person = await t.db.selectFrom('people').select(['given_names', 'anonymised_at']).where('id', '=', ids.due).executeTakeFirstOrThrow();
    expect(person).toEqual({ given_names: 'Olena', anonymised_at: null });
  });

  it('removes names, contacts and documents, keeps the quarter of birth and every statistic, once', async () => {
    const counts = async () => ({
      visits: (await t.db.selectFrom('visits').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      tickets: (await t.db.selectFrom('ticket_events').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      appointments: (await t.db.selectFrom('appointments').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const before = await counts();
    expect(await anonymisationTask.run(t.deps, new Date())).toEqual({ anonymised: 1, blocked: 1, documentsDeleted: 2 });

    const row = await t.db.selectFrom('people').selectAll().where('id', '=', ids.due).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ given_names: '', family_names: '', native_given_names: '', native_family_names: '', name_key: '', skeleton_keys: [], phonetic_keys: [], needs_notes: '', address: null, birth_date: '1988-04-01', birth_precision: 'quarter', sex: 'female', nationalities: ['UA'], languages: ['uk'] });
    expect(row.anonymised_at).toBeInstanceOf(Date);
    expect(await t.db.selectFrom('person_contacts').select('id').where('person_id', '=', ids.due).execute()).toEqual([]);
    expect(await t.db.selectFrom('person_documents').select('id').where('person_id', 'in', [ids.due, ids.longKept, ids.recent]).execute()).toEqual([]);
    expect(await t.db.selectFrom('person_documents').select('id').where('person_id', '=', ids.open).execute()).toHaveLength(1);
    const appointment = await t.db.selectFrom('appointments').selectAll().where('person_id', '=', ids.due).executeTakeFirstOrThrow();
    expect(appointment).toMatchObject({ contact_name: '', contact_email: null, contact_phone: null, phone_key: null, state: 'booked' });
    expect((await t.db.selectFrom('visits').select('purpose').where('person_id', '=', ids.due).executeTakeFirstOrThrow()).purpose).toBe('');
    expect(await counts()).toEqual(before);
    const reportAfter = (await manager.request({ method: 'GET', url: `/api/v1/centres/${w.centreId}/queue-report?day=${OLD_DAY}` })).json();
    expect(reportAfter).toEqual(reportBefore);

    const shown = (await w.reception.request({ method: 'GET', url: `/api/v1/people/${ids.due}` })).json();
    expect(shown).toMatchObject({ birthDate: '1988-Q2', contacts: [], documents: [] });
    const found = (await w.reception.request({ method: 'GET', url: '/api/v1/people?q=Olena%20Kovalenko' })).json();
    expect(found.items.map((hit: { person: { id: string } }) => hit.person.id)).not.toContain(ids.due);
    const byPhone = (await w.reception.request({ method: 'GET', url: '/api/v1/people?q=%2B380671234567' })).json();
    expect(byPhone.items.map((hit: { person: { id: string } }) => hit.person.id)).not.toContain(ids.due);

    const journal = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'person.anonymise').execute();
    expect(journal).toMatchObject([{ resource_id: ids.due, actor_id: null, personal_data: true, centre_id: w.centreId }]);
    expect(JSON.stringify(journal[0]!.details)).not.toContain('Olena');
    expect((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'person.document_purge').execute()).length).toBe(2);

    // Idempotent: nothing left to do, nothing journalled again.
    expect(await anonymisationTask.run(t.deps, new Date())).toEqual({ anonymised: 0, blocked: 1, documentsDeleted: 0 });
    expect((await t.db.selectFrom('audit_events').select('id').where('action', '=', 'person.anonymise').execute()).length).toBe(1);
  });
});
