import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { anonymisePerson } from '../people/people.anonymise.js';
import { purgeDocumentsPastRetention, retentionReport } from '../people/people.retention.service.js';
import { session } from '../queue/queue.test-fixtures.js';
import { ANONYMISED_WITNESS, eraseCasefile } from './casefile.data-protection.js';
import { addPerson, addUnit, tinyPdf, tinyPng } from './casefile.test-fixtures.js';

let t: TestApp;
let immigration: string;
let immigrationService: string;
let social: string;
let officer: Session;
let mediator: Session;
let centreManager: Session;
let admin: Session;
let networkId: string;
let amina: string;
let other: string;
const documents: { id: string; bytes: Buffer; name: string }[] = [];
let otherDocument: string;

beforeAll(async () => {
  t = await createTestApp();
  const place = await createNetworkFixture(t.db, 'D');
  immigration = place.unitId;
  immigrationService = place.serviceId;
  social = (await addUnit(t.db, place.centreId, 'SOC', 'Social office')).unitId;
  officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: immigration }], 'officer');
  mediator = await session(t, [{ role: 'support_mediator', scopeType: 'unit', scopeId: social }], 'mediator');
  centreManager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: place.centreId }], 'manager');
  networkId = place.networkId;
  admin = await session(t, [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }], 'admin');
  amina = await addPerson(t.db, place.centreId, 'Amina', 'Haddad');
  other = await addPerson(t.db, place.centreId, 'Yusuf', 'Karimi');

  const upload = async (personId: string, documentType: string, fileName: string, bytes: Buffer) => {
    const response = await post(officer, `/api/v1/people/${personId}/documents`, { unitId: immigration, documentType, fileName, contentBase64: bytes.toString('base64') });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  for (const [type, name, bytes] of [['passport', 'passport.png', tinyPng()], ['contract', 'work/contract.pdf', tinyPdf()]] as const) {
    documents.push({ id: await upload(amina, type, name, bytes), bytes, name });
  }
  otherDocument = await upload(other, 'passport', 'yusuf-passport.pdf', Buffer.concat([tinyPdf(), Buffer.from('% Yusuf\n')]));

  expect((await post(officer, `/api/v1/people/${amina}/file/notes`, { unitId: immigration, text: 'Fled with two children; husband still in Kabul.' })).statusCode).toBe(201);
  expect((await post(officer, `/api/v1/people/${other}/file/notes`, { unitId: immigration, text: 'Yusuf note' })).statusCode).toBe(201);
  const procedure = await post(officer, `/api/v1/people/${amina}/procedures`, { serviceId: immigrationService });
  expect(procedure.statusCode, procedure.body).toBe(201);
  expect((await post(officer, `/api/v1/procedures/${procedure.json().id}/transitions`, { to: 'in_review', note: 'waiting for the criminal record from Afghanistan' })).statusCode).toBe(200);
  expect((await post(officer, `/api/v1/people/${amina}/consents`, { purpose: 'share_with_unit', sourceUnitId: immigration, targetUnitId: social, givenHow: 'verbal_witnessed', witnessName: 'Rui Costa' })).statusCode).toBe(201);
  const referral = await post(officer, `/api/v1/people/${amina}/referrals`, { fromUnitId: immigration, toUnitId: social, sharedSections: ['notes'], message: 'Needs housing; sleeps at a friend’s place.' });
  expect(referral.statusCode, referral.body).toBe(201);
  expect((await post(mediator, `/api/v1/referrals/${referral.json().id}/accept`, { note: 'Appointment on Monday' })).statusCode).toBe(200);
});
afterAll(() => t?.close());

const get = (who: Session, url: string) => who.request({ method: 'GET', url });
const post = (who: Session, url: string, payload: unknown = {}) => who.request({ method: 'POST', url, payload: payload as Record<string, unknown> });

async function statistics(personId: string) {
  const count = async (query: ReturnType<typeof sql>) => Number(((await query.execute(t.db)).rows[0] as { n: string | number }).n);
  return {
    entries: await count(sql`SELECT count(*) AS n FROM casefile_entries WHERE person_id = ${personId}`),
    procedures: await count(sql`SELECT count(*) AS n FROM casefile_procedures WHERE person_id = ${personId} AND state = 'in_review'`),
    moves: await count(sql`SELECT count(*) AS n FROM casefile_procedure_transitions t JOIN casefile_procedures p ON p.id = t.procedure_id WHERE p.person_id = ${personId}`),
    referrals: await count(sql`SELECT count(*) AS n FROM casefile_referrals WHERE person_id = ${personId} AND status = 'accepted' AND answered_at IS NOT NULL`),
    consents: await count(sql`SELECT count(*) AS n FROM casefile_consents WHERE person_id = ${personId}`),
  };
}

describe('the case file in data protection', () => {
  it('lists a break-glass read in "who accessed my file", flagged with its reason', async () => {
    const stranger = await session(t, [{ role: 'support_mediator', scopeType: 'unit', scopeId: (await addUnit(t.db, (await t.db.selectFrom('units').select('centre_id').where('id', '=', immigration).executeTakeFirstOrThrow()).centre_id, 'LEG', 'Legal aid')).unitId }], 'stranger');
    const reason = 'Person in crisis at the desk, needs the permit status now';
    expect((await post(stranger, `/api/v1/people/${amina}/break-glass`, { reason })).statusCode).toBe(201);
    expect((await get(stranger, `/api/v1/people/${amina}/file/entries`)).statusCode).toBe(200);
    const report = await get(centreManager, `/api/v1/people/${amina}/access-report`);
    expect(report.statusCode, report.body).toBe(200);
    const items = report.json().items as { action: string; breakGlass: boolean; reason: string | null; staff: { name: string } }[];
    expect(items.filter((e) => e.breakGlass && e.reason === reason).map((e) => e.action)).toEqual(expect.arrayContaining(['casefile.break_glass_open', 'casefile.section_read']));
    expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['casefile.document_upload', 'casefile.notes_add', 'casefile.referral_accept']));
  });

  it('exports the case file readably, with both documents byte-identical and nothing of another person', async () => {
    const response = await get(centreManager, `/api/v1/people/${amina}/export.zip`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const stored = Object.keys(files).filter((p) => p.startsWith('files/'));
    expect(stored).toHaveLength(2);
    for (const document of documents) {
      const path = `files/casefile-documents/${document.id}-${document.name.replace('/', '_')}`;
      expect(Buffer.from(files[path]!).equals(document.bytes), path).toBe(true);
    }
    const everything = Object.values(files).map((f) => Buffer.from(f).toString('latin1')).join('\n');
    expect(everything).not.toContain(other);
    expect(everything).not.toContain(otherDocument);
    expect(everything).not.toContain('Yusuf');
    const json = (name: string) => JSON.parse(strFromU8(files[name]!));
    expect(json('casefile-documents.json')).toHaveLength(2);
    expect(JSON.stringify(json('casefile-documents.json'))).not.toMatch(/ciphertext|auth_tag/);
    const [procedure] = json('casefile-procedures.json');
    expect(procedure).toMatchObject({ state: 'in_review', state_labels: expect.objectContaining({ en: expect.any(String) }) });
    expect(procedure.history.map((h: { to: string }) => h.to)).toContain('in_review');
    expect(json('casefile-consents.json')[0]).toMatchObject({ purpose: 'share_with_unit', shared_with_unit: 'Social office', witness_name: 'Rui Costa' });
    expect(json('casefile-referrals.json')[0]).toMatchObject({ to_unit: 'Social office', status: 'accepted', answer_note: 'Appointment on Monday' });
    expect(json('casefile-referrals.json')[0]).not.toHaveProperty('sent_by');
    expect(json('casefile-entries.json').map((e: { body: string }) => e.body)).toContain('Fled with two children; husband still in Kabul.');
    expect(json('break-glass.json')).toHaveLength(1);
    // Every case-file table has its own readable part: nothing falls into the raw dump.
    expect(Object.keys(files['other-records.json'] ? json('other-records.json') : {}).filter((k) => k.startsWith('casefile'))).toEqual([]);
  });

  it('anonymisation removes the personal content and keeps the counts, once', async () => {
    const before = await statistics(amina);
    expect(await anonymisePerson(t.db, amina, new Date('2100-01-01T00:00:00Z'))).toBe(true);
    expect(await statistics(amina)).toEqual(before);
    expect(await t.db.selectFrom('casefile_documents').select('id').where('person_id', '=', amina).execute()).toEqual([]);
    expect(await t.db.selectFrom('casefile_document_contents').select('document_id').where('document_id', 'in', documents.map((d) => d.id)).execute()).toEqual([]);
    const texts = await sql<{ text: string }>`
      SELECT body AS text FROM casefile_entries WHERE person_id = ${amina}
      UNION ALL SELECT coalesce(answers::text, '') FROM casefile_entries WHERE person_id = ${amina}
      UNION ALL SELECT note FROM casefile_procedure_transitions t JOIN casefile_procedures p ON p.id = t.procedure_id WHERE p.person_id = ${amina}
      UNION ALL SELECT message || coalesce(answer_note, '') || coalesce(close_note, '') FROM casefile_referrals WHERE person_id = ${amina}
      UNION ALL SELECT coalesce(witness_name, '') || coalesce(withdrawal_note, '') FROM casefile_consents WHERE person_id = ${amina}`.execute(t.db);
    expect(texts.rows.map((r) => r.text).filter((text) => text !== '' && text !== '{}' && text !== ANONYMISED_WITNESS)).toEqual([]);
    // The other person's file is untouched.
    expect(await t.db.selectFrom('casefile_documents').select('id').where('person_id', '=', other).execute()).toHaveLength(1);
    expect(await anonymisePerson(t.db, amina, new Date('2100-01-01T00:00:00Z'))).toBe(false);
    await t.db.transaction().execute((trx) => eraseCasefile(trx, [amina]));
    expect(await statistics(amina)).toEqual(before);
  });

  it("deletes a case-file document when its type's rule runs out, before the person", async () => {
    await t.db.insertInto('retention_rules').values({ id: '01900000-0000-7000-8000-00000000a001', unit_id: null, document_type: 'passport', retain_years: 1, note: 'passport copies kept one year' }).execute();
    const inTwoYears = new Date(Date.now() + 2 * 366 * 86_400_000);
    expect(await purgeDocumentsPastRetention(t.db, inTwoYears)).toBe(1);
    expect(await t.db.selectFrom('casefile_documents').select('id').where('id', '=', otherDocument).execute()).toEqual([]);
    expect(await t.db.selectFrom('people').select('anonymised_at').where('id', '=', other).executeTakeFirstOrThrow()).toEqual({ anonymised_at: null });
    const journal = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'person.document_purge').where('resource_id', '=', other).execute();
    expect(journal).toMatchObject([{ details: { casefileDocuments: [{ id: otherDocument, type: 'passport' }] } }]);
    expect(await purgeDocumentsPastRetention(t.db, inTwoYears)).toBe(0);
  });

  it('keeps a case-file type of its own (a contract) by the longest rule that applies, and reports it in the dry run first', async () => {
    const upload = async (documentType: string) => {
      const response = await post(officer, `/api/v1/people/${other}/documents`, { unitId: immigration, documentType, fileName: `${documentType}.pdf`, contentBase64: tinyPdf().toString('base64') });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const contract = await upload('contract');
    const payslip = await upload('payslip');
    const put = (payload: Record<string, unknown>) => admin.request({ method: 'PUT', url: '/api/v1/people/retention/rules', payload });
    expect((await put({ documentType: 'contract', retainYears: 1 })).statusCode).toBe(200);
    expect((await put({ unitId: immigration, documentType: 'contract', retainYears: 2, note: 'Immigration keeps contracts two years' })).statusCode).toBe(200);
    // A unit that neither served the person nor holds the document does not keep it.
    expect((await put({ unitId: social, documentType: 'contract', retainYears: 50 })).statusCode).toBe(200);
    const types = (await get(admin, '/api/v1/people/retention/document-types')).json().items as { type: string; casefileDocuments: number; rules: number }[];
    expect(types.find((entry) => entry.type === 'contract')).toMatchObject({ casefileDocuments: 1, rules: 3 });
    expect(types.find((entry) => entry.type === 'payslip')).toMatchObject({ casefileDocuments: 1, rules: 0 });

    const context = { actor: { staffId: '01900000-0000-7000-8000-0000000000ad', username: 'admin', displayName: 'Admin', sessionId: null, grants: [{ role: 'network_admin' as const, scopeType: 'network' as const, scopeId: networkId, centreId: null }] }, ip: null, requestId: null };
    const year = 366 * 86_400_000;
    const inAYearAndAHalf = await retentionReport(t.db, context, new Date(Date.now() + 1.5 * year));
    expect(inAYearAndAHalf.documents.map((d) => d.documentId)).not.toContain(contract);
    const inThreeYears = await retentionReport(t.db, context, new Date(Date.now() + 3 * year));
    expect(inThreeYears.documents.filter((d) => d.personId === other)).toEqual([
      { documentId: contract, personId: other, store: 'casefile', type: 'contract', unit: { id: immigration, name: expect.any(String), centre: { id: expect.any(String), name: expect.any(String) } }, retainYears: 2, dueSince: expect.any(String) },
    ]);
    // A type without a rule (payslip) follows the person.
    expect(await purgeDocumentsPastRetention(t.db, new Date(Date.now() + 3 * year))).toBe(1);
    expect((await t.db.selectFrom('casefile_documents').select('id').where('person_id', '=', other).execute()).map((d) => d.id)).toEqual([payslip]);
  });
});
