import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { session } from '../queue/queue.test-fixtures.js';

let t: TestApp;
let centreId: string;
let otherCentreId: string;
let reception: Session;
let officer: Session;
let elsewhere: Session;
let translator: Session;
beforeAll(async () => {
  t = await createTestApp();
  const home = await createNetworkFixture(t.db, 'H');
  centreId = home.centreId;
  otherCentreId = (await createNetworkFixture(t.db, 'O')).centreId;
  reception = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }], 'reception');
  officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: home.unitId }], 'officer');
  elsewhere = await session(t, [{ role: 'reception_mediator', scopeType: 'centre', scopeId: otherCentreId }], 'elsewhere');
  translator = await session(t, [{ role: 'translator', scopeType: 'centre', scopeId: centreId }], 'translator');
});
afterAll(() => t?.close());

const register = (who: Session, body: Record<string, unknown>) => who.request({ method: 'POST', url: '/api/v1/people', payload: body });
const search = (who: Session, q: string) => who.request({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` });
const arabicPerson = (extra: Record<string, unknown> = {}) => ({
  homeCentreId: centreId,
  nativeGivenNames: 'محمد',
  nativeFamilyNames: 'الحسن',
  nativeScript: 'Arab',
  birthDate: '1987-03-05',
  sex: 'male',
  contacts: [{ kind: 'phone', value: '912 345 678' }],
  documents: [{ type: 'passport', number: 'N 0012345', issuingCountry: 'sy' }],
  ...extra,
});

async function auditRows(action: string, resourceId: string) {
  return t.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('resource_id', '=', resourceId).execute();
}

describe('people registry API', () => {
  let arabicId: string;

  it('registers a person typed in Arabic script and finds them by Latin name, phone and document number', async () => {
    const created = await register(reception, arabicPerson());
    expect(created.statusCode, created.body).toBe(201);
    const person = created.json().person;
    arabicId = person.id;
    expect(person).toMatchObject({ birthDate: '1987-03-05', latinName: 'mhmd lhsn', contacts: [{ normalised: '+351912345678' }], documents: [{ issuingCountry: 'SY' }] });
    expect((await auditRows('person.register', arabicId)).length).toBe(1);

    for (const query of ['Mohammed Al-Hassan', 'Muhammad', 'محمد', '+351 912 345 678', 'n0012345']) {
      const found = await search(officer, query);
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json().items.map((hit: { person: { id: string } }) => hit.person.id), query).toContain(arabicId);
    }
    expect((await search(officer, 'Olena Petrenko')).json().items).toEqual([]);
    // Every hit shown is a read of personal data.
    expect((await auditRows('person.search_hit', arabicId)).length).toBe(5);
  });

  it('answers a second registration in Latin letters with the duplicate and its reasons, and registers only when confirmed', async () => {
    const latin = { homeCentreId: centreId, givenNames: 'Mohamed', familyNames: 'Alhassan', birthDate: '1987-05-03', contacts: [{ kind: 'phone', value: '+351912345678' }] };
    const warned = await register(reception, latin);
    expect(warned.statusCode, warned.body).toBe(200);
    const body = warned.json();
    expect(body.person).toBeNull();
    expect(body.duplicates[0].person.id).toBe(arabicId);
    expect(body.duplicates[0].reasons.map((r: { text: string }) => r.text)).toEqual(
      expect.arrayContaining(['similar name written in Arabic and in Latin letters', 'date of birth matches with day and month swapped', 'phone matches']),
    );
    const confirmed = await register(reception, { ...latin, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    const audit = await auditRows('person.register', confirmed.json().person.id);
    expect(audit[0]!.details).toMatchObject({ overriddenDuplicates: [{ id: arabicId }] });
  });

  it('merges two records with a history and undoes the merge', async () => {
    const latinId = (await search(reception, 'Mohamed Alhassan')).json().items.find((hit: { person: { id: string } }) => hit.person.id !== arabicId).person.id;
    const duplicates = await reception.request({ method: 'GET', url: `/api/v1/people/${arabicId}/duplicates` });
    expect(duplicates.json().items.map((c: { person: { id: string } }) => c.person.id)).toContain(latinId);

    expect((await officer.request({ method: 'POST', url: '/api/v1/people/merges', payload: { survivorId: arabicId, mergedId: latinId, reason: 'same passport' } })).statusCode).toBe(403);
    const merged = await reception.request({ method: 'POST', url: '/api/v1/people/merges', payload: { survivorId: arabicId, mergedId: latinId, reason: 'same person, same phone' } });
    expect(merged.statusCode, merged.body).toBe(201);
    const viaDuplicate = (await reception.request({ method: 'GET', url: `/api/v1/people/${latinId}` })).json();
    expect(viaDuplicate.id).toBe(arabicId);
    expect(viaDuplicate.mergedPeople).toEqual([latinId]);
    expect(viaDuplicate.contacts).toHaveLength(2);
    expect((await search(reception, 'Mohamed Alhassan')).json().items.map((hit: { person: { id: string } }) => hit.person.id)).toEqual([arabicId]);
    const again = await reception.request({ method: 'POST', url: '/api/v1/people/merges', payload: { survivorId: arabicId, mergedId: latinId, reason: 'twice' } });
    expect(again.statusCode).toBe(409);

    const undone = await reception.request({ method: 'POST', url: `/api/v1/people/merges/${merged.json().id}/undo` });
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().undoneAt).not.toBeNull();
    expect((await reception.request({ method: 'GET', url: `/api/v1/people/${latinId}` })).json().id).toBe(latinId);
    const history = (await reception.request({ method: 'GET', url: `/api/v1/people/${arabicId}/merges` })).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ survivorId: arabicId, mergedId: latinId, reason: 'same person, same phone' });
    expect((await reception.request({ method: 'POST', url: `/api/v1/people/merges/${merged.json().id}/undo` })).statusCode).toBe(409);
  });

  it('updates names and keys, audits the read of one person', async () => {
    const updated = await officer.request({ method: 'PATCH', url: `/api/v1/people/${arabicId}`, payload: { givenNames: 'Mohammed', familyNames: 'Al-Hassan', birthDate: '1987' } });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ birthDate: '1987', givenNames: 'Mohammed' });
    expect((await auditRows('person.update', arabicId))[0]!.details).toEqual({ fields: ['givenNames', 'familyNames', 'birthDate'] });
    const before = (await auditRows('person.read', arabicId)).length;
    expect((await officer.request({ method: 'GET', url: `/api/v1/people/${arabicId}` })).statusCode).toBe(200);
    const reads = await auditRows('person.read', arabicId);
    expect(reads.length).toBe(before + 1);
    expect(reads.every((row) => row.personal_data && row.centre_id === centreId)).toBe(true);
  });

  it('keeps people to the staff of their home centre', async () => {
    expect((await elsewhere.request({ method: 'GET', url: `/api/v1/people/${arabicId}` })).statusCode).toBe(404);
    expect((await elsewhere.request({ method: 'PATCH', url: `/api/v1/people/${arabicId}`, payload: { givenNames: 'X' } })).statusCode).toBe(404);
    expect((await search(elsewhere, 'Mohammed')).json().items).toEqual([]);
    expect((await search(elsewhere, '912345678')).json().items).toEqual([]);
    // A duplicate check at another centre does not reveal people it may not read.
    const there = await register(elsewhere, { ...arabicPerson(), homeCentreId: otherCentreId });
    expect(there.statusCode).toBe(201);
    expect(there.json().duplicates).toEqual([]);
    expect((await register(elsewhere, arabicPerson())).statusCode).toBe(403);
    expect((await translator.request({ method: 'GET', url: `/api/v1/people/${arabicId}` })).statusCode).toBe(404);
    expect((await search(translator, 'Mohammed')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/people?q=Mohammed' })).statusCode).toBe(401);
  });

  it('rejects records without a name and impossible dates', async () => {
    const noName = await register(reception, { homeCentreId: centreId, birthDate: '1990' });
    expect(noName.statusCode).toBe(400);
    const badDate = await register(reception, { homeCentreId: centreId, givenNames: 'Ana', birthDate: '1990-02-30' });
    expect(badDate.statusCode).toBe(400);
  });
});
