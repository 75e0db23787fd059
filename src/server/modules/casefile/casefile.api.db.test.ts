import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { session } from '../queue/queue.test-fixtures.js';
import { addPerson, addUnit, auditOf, tinyPdf, tinyPng } from './casefile.test-fixtures.js';

let t: TestApp;
let centreId: string;
let immigration: string;
let immigrationService: string;
let social: string;
let officer: Session;
let mediator: Session;
let reception: Session;
let manager: Session;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  const place = await createNetworkFixture(t.db, 'H');
  centreId = place.centreId;
  immigration = place.unitId;
  immigrationService = place.serviceId;
  social = (await addUnit(t.db, centreId, 'SOC', 'Social office')).unitId;
  officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: immigration }], 'officer');
  mediator = await session(t, [{ role: 'support_mediator', scopeType: 'unit', scopeId: social }], 'mediator');
  reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }], 'reception');
  manager = await session(t, [{ role: 'unit_manager', scopeType: 'unit', scopeId: immigration }], 'manager');
  personId = await addPerson(t.db, centreId);
});
afterAll(() => t?.close());

const get = (who: Session, url: string) => who.request({ method: 'GET', url });
const post = (who: Session, url: string, payload: unknown = {}) => who.request({ method: 'POST', url, payload: payload as Record<string, unknown> });
const entryIds = async (who: Session) => {
  const response = await get(who, `/api/v1/people/${personId}/file/entries`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((e: { id: string }) => e.id) as string[];
};

describe('case file: sections, referrals, consent, break-glass', () => {
  let noteId: string;
  let documentId: string;

  it('lets a unit write and read its own section, and nobody else', async () => {
    const note = await post(officer, `/api/v1/people/${personId}/file/notes`, { unitId: immigration, text: 'Permit expires in May; asked for renewal.' });
    expect(note.statusCode, note.body).toBe(201);
    noteId = note.json().id;
    expect(await entryIds(officer)).toEqual([noteId]);
    expect(await entryIds(mediator)).toEqual([]);
    expect((await get(mediator, `/api/v1/casefile/entries/${noteId}`)).statusCode).toBe(404);
    expect((await post(mediator, `/api/v1/people/${personId}/file/notes`, { unitId: immigration, text: 'x' })).statusCode).toBe(403);
    const overview = (await get(mediator, `/api/v1/people/${personId}/file`)).json();
    expect(overview).toMatchObject({ visible: [], hiddenUnits: 1, coreReadable: true });
    expect((await auditOf(t, personId, 'casefile.section_read')).length).toBeGreaterThanOrEqual(1);
  });

  it('lets reception record a purpose into the unit the person is sent to, without reading it back', async () => {
    const purpose = await post(reception, `/api/v1/people/${personId}/file/purposes`, { unitId: immigration, serviceId: immigrationService, text: 'Renewal of residence permit' });
    expect(purpose.statusCode, purpose.body).toBe(201);
    expect(await entryIds(reception)).toEqual([]);
    expect(await entryIds(officer)).toContain(purpose.json().id);
    expect((await post(reception, `/api/v1/people/${personId}/file/notes`, { unitId: immigration, text: 'x' })).statusCode).toBe(403);
  });

  it('stores documents encrypted, checks their type by content and audits every download', async () => {
    const png = tinyPng();
    const bad = await post(officer, `/api/v1/people/${personId}/documents`, { unitId: immigration, documentType: 'passport', fileName: 'x.png', contentBase64: Buffer.from('just text pretending to be a picture').toString('base64') });
    expect(bad.statusCode).toBe(400);
    const uploaded = await post(officer, `/api/v1/people/${personId}/documents`, { unitId: immigration, documentType: 'passport', fileName: 'scan.jpg', contentBase64: `data:image/jpeg;base64,${png.toString('base64')}` });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ contentType: 'image/png', sizeBytes: png.length });
    documentId = uploaded.json().id;
    const stored = await t.db.selectFrom('casefile_document_contents').selectAll().where('document_id', '=', documentId).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.ciphertext).equals(png)).toBe(false);
    expect(Buffer.from(stored.ciphertext).includes(Buffer.from('IHDR'))).toBe(false);
    const download = await get(officer, `/api/v1/casefile/documents/${documentId}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(png)).toBe(true);
    expect((await get(mediator, `/api/v1/casefile/documents/${documentId}/content`)).statusCode).toBe(404);
    expect((await auditOf(t, personId, 'casefile.document_upload')).length).toBe(1);
    expect((await auditOf(t, personId, 'casefile.document_download')).length).toBe(1);
    const pdf = await post(officer, `/api/v1/people/${personId}/documents`, { unitId: immigration, documentType: 'contract', fileName: 'c.pdf', contentBase64: tinyPdf().toString('base64') });
    expect(pdf.json().contentType).toBe('application/pdf');
  });

  it('opens the chosen sections to the receiving unit while a referral is accepted, and closes them when done', async () => {
    const sent = await post(officer, `/api/v1/people/${personId}/referrals`, { fromUnitId: immigration, toUnitId: social, sharedSections: ['notes'], message: 'Needs housing support' });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json().id;
    expect(await entryIds(mediator)).toEqual([]);
    const worklist = (await get(mediator, '/api/v1/referrals?box=incoming&status=sent')).json().items;
    expect(worklist).toMatchObject([{ id: referralId, status: 'sent', ageDays: 0, waitingDays: 0, person: { name: 'Amina Haddad' } }]);
    expect((await post(officer, `/api/v1/referrals/${referralId}/accept`)).statusCode).toBe(403);
    expect((await post(mediator, `/api/v1/referrals/${referralId}/accept`, { note: 'ok' })).statusCode).toBe(200);
    expect(await entryIds(mediator)).toEqual([noteId]);
    // Only the sections chosen at sending: documents stay closed.
    expect((await get(mediator, `/api/v1/casefile/documents/${documentId}/content`)).statusCode).toBe(404);
    expect((await post(mediator, `/api/v1/referrals/${referralId}/accept`)).statusCode).toBe(409);
    expect((await post(mediator, `/api/v1/referrals/${referralId}/complete`)).statusCode).toBe(200);
    expect(await entryIds(mediator)).toEqual([]);
  });

  it('shares by consent only while the consent holds', async () => {
    const recorded = await post(officer, `/api/v1/people/${personId}/consents`, { purpose: 'share_with_unit', sourceUnitId: immigration, targetUnitId: social, givenHow: 'verbal_witnessed', witnessName: 'Rui Costa' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(await entryIds(mediator)).toContain(noteId);
    // The social office cannot open the immigration section by recording a consent itself.
    expect((await post(mediator, `/api/v1/people/${personId}/consents`, { purpose: 'share_with_unit', sourceUnitId: immigration, targetUnitId: social, givenHow: 'online' })).statusCode).toBe(403);
    await t.db.updateTable('casefile_consents').set({ expires_at: new Date(Date.now() - 1000), given_at: new Date(Date.now() - 60_000) }).where('id', '=', recorded.json().id).execute();
    expect(await entryIds(mediator)).toEqual([]);
    await t.db.updateTable('casefile_consents').set({ expires_at: null }).where('id', '=', recorded.json().id).execute();
    expect(await entryIds(mediator)).toContain(noteId);
    expect((await post(mediator, `/api/v1/casefile/consents/${recorded.json().id}/withdraw`, { note: 'asked at the desk' })).statusCode).toBe(200);
    expect(await entryIds(mediator)).toEqual([]);
    const invalid = await post(officer, `/api/v1/people/${personId}/consents`, { purpose: 'contact_sms', givenHow: 'verbal_witnessed' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields[0].path).toContain('witnessName');
  });

  it('opens the file by break-glass with a reason, for a limited time, flagged for the auditor', async () => {
    expect((await post(mediator, `/api/v1/people/${personId}/break-glass`, { reason: 'urgent' })).statusCode).toBe(400);
    const opened = await post(mediator, `/api/v1/people/${personId}/break-glass`, { reason: 'Person in crisis at the desk, needs the permit status now' });
    expect(opened.statusCode, opened.body).toBe(201);
    const minutes = (Date.parse(opened.json().expiresAt) - Date.parse(opened.json().openedAt)) / 60_000;
    expect(minutes).toBe(30);
    const entries = (await get(mediator, `/api/v1/people/${personId}/file/entries`)).json().items;
    expect(entries.map((e: { id: string }) => e.id)).toContain(noteId);
    expect(entries.every((e: { breakGlass: boolean }) => e.breakGlass)).toBe(true);
    expect((await post(mediator, `/api/v1/people/${personId}/file/notes`, { unitId: immigration, text: 'x' })).statusCode).toBe(403);
    const flagged = await t.db.selectFrom('audit_events').selectAll().where('resource_id', '=', personId).where('break_glass', '=', true).execute();
    expect(flagged.map((e) => e.action)).toEqual(expect.arrayContaining(['casefile.break_glass_open', 'casefile.section_read']));
    expect(flagged.every((e) => e.reason?.startsWith('Person in crisis'))).toBe(true);
    await t.db.updateTable('casefile_break_glass').set({ opened_at: new Date(Date.now() - 3_600_000), expires_at: new Date(Date.now() - 1000) }).execute();
    expect(await entryIds(mediator)).toEqual([]);
  });
});

describe('forms and procedures', () => {
  it('validates answers against the unit administrator\'s form and keeps versions', async () => {
    const form = { serviceId: immigrationService, title: { pt: 'Renovação', en: 'Renewal' }, fields: [
      { key: 'permit_number', label: { pt: 'Número' }, type: 'text', required: true },
      { key: 'children', label: { pt: 'Filhos' }, type: 'number' },
      { key: 'entry_date', label: { pt: 'Entrada' }, type: 'date' },
      { key: 'status', label: { pt: 'Situação' }, type: 'choice', options: [{ value: 'worker', label: { pt: 'Trabalhador' } }, { value: 'student', label: { pt: 'Estudante' } }] },
      { key: 'employed', label: { pt: 'Empregado' }, type: 'yes_no', required: true },
    ] };
    expect((await post(officer, `/api/v1/units/${immigration}/forms`, form)).statusCode).toBe(403);
    const v1 = await post(manager, `/api/v1/units/${immigration}/forms`, form);
    expect(v1.statusCode, v1.body).toBe(201);
    const v2 = await post(manager, `/api/v1/units/${immigration}/forms`, form);
    expect(v2.json().version).toBe(2);
    const wrong = await post(officer, `/api/v1/people/${personId}/file/forms`, { formId: v2.json().id, answers: { children: 'two', entry_date: '2024-02-30', status: 'tourist', employed: 'yes', extra: 1 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['answers.children', 'answers.employed', 'answers.entry_date', 'answers.extra', 'answers.permit_number', 'answers.status']);
    const filled = await post(officer, `/api/v1/people/${personId}/file/forms`, { formId: v2.json().id, answers: { permit_number: ' AB123 ', children: '2', entry_date: '2024-02-29', status: 'worker', employed: true } });
    expect(filled.statusCode, filled.body).toBe(201);
    expect(filled.json().answers).toEqual({ permit_number: 'AB123', children: 2, entry_date: '2024-02-29', status: 'worker', employed: true });
  });

  it('moves a procedure along its workflow and shows the person only labels in their language', async () => {
    const opened = await post(officer, `/api/v1/people/${personId}/procedures`, { serviceId: immigrationService });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id;
    expect(opened.json()).toMatchObject({ state: 'received', allowedMoves: ['in_review', 'cancelled'] });
    expect((await post(officer, `/api/v1/procedures/${id}/transitions`, { to: 'approved' })).statusCode).toBe(400);
    expect((await post(mediator, `/api/v1/procedures/${id}/transitions`, { to: 'in_review' })).statusCode).toBe(404);
    const moved = await post(officer, `/api/v1/procedures/${id}/transitions`, { to: 'in_review', note: 'internal: documents complete' });
    expect(moved.json().history.map((h: { to: string }) => h.to)).toEqual(['received', 'in_review']);
    const { listPersonVisibleProcedures } = await import('./casefile.procedures.service.js');
    const [ar] = await listPersonVisibleProcedures(t.db, personId, 'ar');
    expect(ar).toMatchObject({ status: { key: 'in_review', label: 'قيد الدراسة', final: false }, service: { name: 'Renovação' } });
    expect(JSON.stringify(ar)).not.toContain('internal');
    const [fr] = await listPersonVisibleProcedures(t.db, personId, 'fr');
    expect(fr!.status.label).toBe('En cours d’examen');
    // A language the default workflow has no label in reads the host language's.
    const [sw] = await listPersonVisibleProcedures(t.db, personId, 'sw');
    expect(sw!.status.label).toBe('Em análise');
    const [en] = await listPersonVisibleProcedures(t.db, personId, 'en-GB');
    expect(en!.steps.map((s) => s.label)).toEqual(['Request received', 'Under review']);
  });

  it('lets a unit administrator define a workflow and refuses a broken one', async () => {
    const broken = await manager.request({ method: 'PUT', url: `/api/v1/services/${immigrationService}/workflow`, payload: { initialState: 'done', states: [{ key: 'open', labels: { pt: 'Aberto' } }, { key: 'done', labels: { pt: 'Feito' }, final: true }], transitions: [{ from: 'done', to: 'open' }] } });
    expect(broken.statusCode).toBe(400);
    const defined = await manager.request({ method: 'PUT', url: `/api/v1/services/${immigrationService}/workflow`, payload: { initialState: 'open', states: [{ key: 'open', labels: { pt: 'Aberto', en: 'Open', ar: 'مفتوح' } }, { key: 'done', labels: { pt: 'Feito' }, final: true }], transitions: [{ from: 'open', to: 'done' }] } });
    expect(defined.statusCode, defined.body).toBe(200);
    expect(defined.json().version).toBe(2);
    const opened = await post(officer, `/api/v1/people/${personId}/procedures`, { serviceId: immigrationService });
    expect(opened.json()).toMatchObject({ state: 'open', workflowVersion: 2, allowedMoves: ['done'] });
  });
});
