import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createQueueWorld, issue, post, type QueueWorld } from '../queue/queue.test-fixtures.js';
import { addPerson, auditOf, tinyPdf } from './casefile.test-fixtures.js';

let t: TestApp;
let w: QueueWorld;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t);
  personId = await addPerson(t.db, w.centreId, 'Layla', 'Nasser');
});
afterAll(() => t?.close());

const entries = async (as: QueueWorld['reception']) => {
  const response = await as.request({ method: 'GET', url: `/api/v1/people/${personId}/file/entries` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { unitId: string; section: string; text: string; serviceId: string }[];
};

describe('reception digitises the purpose and the documents once', () => {
  it('writes the purpose of a visit into the file of every unit the tickets go to, with the visit', async () => {
    const visit = await issue(w, [w.serviceA, w.serviceB], { personId, purpose: 'Renovação do título de residência' });
    expect(visit.statusCode, visit.body).toBe(201);
    const [officerA] = w.officers;
    expect((await entries(officerA!)).map((e) => [e.section, e.text, e.serviceId])).toEqual([['purposes', 'Renovação do título de residência', w.serviceA]]);
    expect((await entries(w.officerB)).map((e) => [e.section, e.serviceId])).toEqual([['purposes', w.serviceB]]);
    // Reception writes, and does not read the sections back.
    expect(await entries(w.reception)).toEqual([]);
    const journal = await auditOf(t, personId, 'casefile.purposes_add');
    expect(journal.map((row) => row.details)).toEqual(expect.arrayContaining([expect.objectContaining({ visitId: visit.json().id })]));
  });

  it('writes nothing into the file for a visit without a purpose or without a person', async () => {
    const before = await t.db.selectFrom('casefile_entries').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect((await issue(w, [w.serviceA], { personId, purpose: '   ' })).statusCode).toBe(201);
    expect((await issue(w, [w.serviceA], { purpose: 'Sem pessoa registada' })).statusCode).toBe(201);
    const after = await t.db.selectFrom('casefile_entries').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets reception upload a scanned document into the unit\'s file, which the unit reads and reception does not', async () => {
    const upload = await post(w.reception, `/api/v1/people/${personId}/documents`, { unitId: w.unitId, documentType: 'passport', title: 'Passaporte', fileName: 'scan.pdf', contentBase64: tinyPdf().toString('base64') });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({ contentType: 'application/pdf', unitId: w.unitId });
    const id = upload.json().id as string;
    const officerList = await w.officers[0]!.request({ method: 'GET', url: `/api/v1/people/${personId}/documents` });
    expect(officerList.json().items.map((d: { id: string }) => d.id)).toContain(id);
    const officerDownload = await w.officers[0]!.request({ method: 'GET', url: `/api/v1/casefile/documents/${id}/content` });
    expect(officerDownload.statusCode).toBe(200);
    expect((await w.reception.request({ method: 'GET', url: `/api/v1/casefile/documents/${id}/content` })).statusCode).toBe(404);
    expect((await w.officerB.request({ method: 'GET', url: `/api/v1/casefile/documents/${id}/content` })).statusCode).toBe(404);
    // Reception writes documents and purposes only: not notes.
    expect((await post(w.reception, `/api/v1/people/${personId}/file/notes`, { unitId: w.unitId, text: 'x' })).statusCode).toBe(403);
  });
});
