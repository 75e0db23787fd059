import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { session } from '../queue/queue.test-fixtures.js';
import { addPerson, addUnit, tinyPdf } from './casefile.test-fixtures.js';

let t: TestApp;
let immigration: string;
let immigrationService: string;
let social: string;
let officer: Session;
let reception: Session;
let survivor: string;
let duplicate: string;

beforeAll(async () => {
  t = await createTestApp();
  const place = await createNetworkFixture(t.db, 'M');
  immigration = place.unitId;
  immigrationService = place.serviceId;
  social = (await addUnit(t.db, place.centreId, 'SOC', 'Social office')).unitId;
  officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: immigration }], 'officer');
  reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: place.centreId }], 'reception');
  survivor = await addPerson(t.db, place.centreId, 'Fatima', 'Al-Zahra');
  duplicate = await addPerson(t.db, place.centreId, 'Fatma', 'Zahra');
});
afterAll(() => t?.close());

const post = (who: Session, url: string, payload: unknown = {}) => who.request({ method: 'POST', url, payload: payload as Record<string, unknown> });

/** The ids of the person's case-file records, table by table, read straight from the database. */
async function fileOf(personId: string) {
  const ids = async (table: 'casefile_entries' | 'casefile_consents' | 'casefile_referrals' | 'casefile_documents' | 'casefile_procedures') =>
    (await t.db.selectFrom(table).select('id').where('person_id', '=', personId).orderBy('id').execute()).map((row) => row.id);
  return { entries: await ids('casefile_entries'), consents: await ids('casefile_consents'), referrals: await ids('casefile_referrals'), documents: await ids('casefile_documents'), procedures: await ids('casefile_procedures') };
}

describe('case-file records follow a people merge', () => {
  it('moves the duplicate\'s records to the survivor and back on undo, leaving later records where they were added', async () => {
    const created = [
      await post(officer, `/api/v1/people/${duplicate}/file/notes`, { unitId: immigration, text: 'Renewal started under the other record.' }),
      await post(officer, `/api/v1/people/${duplicate}/documents`, { unitId: immigration, documentType: 'passport', fileName: 'p.pdf', contentBase64: tinyPdf().toString('base64') }),
      await post(officer, `/api/v1/people/${duplicate}/consents`, { purpose: 'share_with_unit', sourceUnitId: immigration, targetUnitId: social, givenHow: 'in_person_signed' }),
      await post(officer, `/api/v1/people/${duplicate}/referrals`, { fromUnitId: immigration, toUnitId: social, sharedSections: ['notes'], message: 'Housing' }),
      await post(officer, `/api/v1/people/${duplicate}/procedures`, { serviceId: immigrationService }),
    ];
    for (const response of created) expect(response.statusCode, response.body).toBe(201);
    const before = await fileOf(duplicate);
    expect(before.entries).toHaveLength(1);
    expect(before.documents).toHaveLength(1);
    expect(before.consents).toHaveLength(1);
    expect(before.referrals).toHaveLength(1);
    expect(before.procedures).toHaveLength(1);

    const merge = await post(reception, '/api/v1/people/merges', { survivorId: survivor, mergedId: duplicate, reason: 'Same passport number' });
    expect(merge.statusCode, merge.body).toBe(201);
    expect(await fileOf(duplicate)).toEqual({ entries: [], consents: [], referrals: [], documents: [], procedures: [] });
    expect(await fileOf(survivor)).toEqual(before);
    // The officer now reads the note on the surviving record.
    const entries = await officer.request({ method: 'GET', url: `/api/v1/people/${survivor}/file/entries` });
    expect(entries.json().items.map((e: { text: string }) => e.text)).toEqual(['Renewal started under the other record.']);

    // A note written after the merge belongs to the survivor and stays there on undo.
    const later = await post(officer, `/api/v1/people/${survivor}/file/notes`, { unitId: immigration, text: 'Seen after the merge.' });
    expect(later.statusCode).toBe(201);
    const undo = await post(reception, `/api/v1/people/merges/${merge.json().id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await fileOf(duplicate)).toEqual(before);
    expect((await fileOf(survivor)).entries).toEqual([later.json().id]);
    const journal = await t.db.selectFrom('audit_events').select('details').where('action', '=', 'person.merge_undo').where('resource_id', '=', survivor).executeTakeFirstOrThrow();
    expect(journal.details).toMatchObject({ fileRecords: 5 });
  });
});
