import { sql } from 'kysely';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { createQueueWorld, session, type QueueWorld } from '../queue/queue.test-fixtures.js';
import { insertAppointment, insertVisit, registerPerson } from './people.data-protection.test-fixtures.js';
import { PERSON_FILE_SOURCES } from './people.export.sources.js';
import { SUBJECT_EXPORT_MAX_BYTES } from './people.export.service.js';

let t: TestApp;
let w: QueueWorld;
let manager: Session;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  manager = await session(t, [{ role: 'centre_manager', scopeType: 'centre', scopeId: w.centreId }], 'manager');
  personId = await registerPerson(w.reception, w.centreId);
  const visit = await insertVisit(t.db, { personId, centreId: w.centreId, at: new Date('2026-02-03T09:00:00Z'), tickets: [{ unitId: w.unitId, serviceId: w.serviceA, counterId: w.counters[0]!, state: 'done', outcome: 'resolved' }] });
  await insertAppointment(t.db, { personId, centreId: w.centreId, serviceId: w.serviceA, startsAt: new Date('2026-02-03T08:45:00Z'), bookedAt: new Date('2026-01-20T10:00:00Z'), state: 'booked', visitId: visit.visitId });
  // A table another module adds later, keyed by person: it must not be left out of the export.
  await sql`CREATE TABLE case_notes_example (id uuid PRIMARY KEY, person_id uuid NOT NULL, body text NOT NULL, scan bytea)`.execute(t.db);
  await sql`INSERT INTO case_notes_example VALUES (gen_random_uuid(), ${personId}, 'Asked about family reunification', '\\x00010203'::bytea)`.execute(t.db);
});
const registeredFileSources = [...PERSON_FILE_SOURCES];
afterEach(() => {
  PERSON_FILE_SOURCES.splice(0, PERSON_FILE_SOURCES.length, ...registeredFileSources);
});
afterAll(() => t?.close());

const exportOf = (who: Session, id = personId) => who.request({ method: 'GET', url: `/api/v1/people/${id}/export.zip` });

describe('subject-access export', () => {
  it('hands over a ZIP with everything held about the person, their files, and is journalled', async () => {
    PERSON_FILE_SOURCES.push({
      name: 'documents',
      list: async (_db, recordIds) => (recordIds.includes(personId) ? [{ path: 'passport-scan.txt', size: 11, async *open() { yield new TextEncoder().encode('hello '); yield new TextEncoder().encode('scan'); } }] : []),
    });
    const response = await exportOf(manager);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'access-log.json', 'break-glass.json', 'casefile-consents.json', 'casefile-documents.json', 'casefile-entries.json', 'casefile-procedures.json', 'casefile-referrals.json', 'appointments.json', 'contacts.json', 'files/documents/passport-scan.txt', 'identity-documents.json', 'merges.json', 'messages.json', 'other-records.json', 'person.json', 'tickets.json', 'visits.json'].sort());
    const json = (name: string) => JSON.parse(strFromU8(files[name]!));
    expect(json('person.json')[0]).toMatchObject({ id: personId, given_names: 'Olena', native_family_names: 'Коваленко' });
    expect(json('contacts.json').map((c: { value_key: string }) => c.value_key).sort()).toEqual(['+380671234567', 'olena@example.org']);
    expect(json('identity-documents.json')).toHaveLength(1);
    expect(json('tickets.json')[0]).toMatchObject({ outcome: 'resolved' });
    expect(json('tickets.json')[0].moments.map((m: { kind: string }) => m.kind)).toContain('ended');
    expect(json('appointments.json')[0]).toMatchObject({ contact_name: 'Olena Kovalenko' });
    expect(json('appointments.json')[0]).not.toHaveProperty('token_hash');
    expect(json('access-log.json').map((e: { action: string }) => e.action)).toContain('person.register');
    expect(json('other-records.json').case_notes_example).toEqual([expect.objectContaining({ body: 'Asked about family reunification', scan_bytes: 4 })]);
    expect(strFromU8(files['files/documents/passport-scan.txt']!)).toBe('hello scan');
    const journal = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'person.subject_export').execute();
    expect(journal).toMatchObject([{ resource_id: personId, personal_data: true }]);
  });

  it('refuses an archive above the size limit before anything leaves', async () => {
    PERSON_FILE_SOURCES.push({ name: 'documents', list: async () => [{ path: 'huge.pdf', size: SUBJECT_EXPORT_MAX_BYTES, async *open() { yield new Uint8Array(0); } }] });
    const before = await t.db.selectFrom('audit_events').select('id').where('action', '=', 'person.subject_export').execute();
    const response = await exportOf(manager);
    expect(response.statusCode).toBe(413);
    expect(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'person.subject_export').execute()).toHaveLength(before.length);
  });

  it('is for centre managers of the home centre only', async () => {
    expect((await exportOf(w.reception)).statusCode).toBe(403);
    expect((await exportOf(w.officers[0]!)).statusCode).toBe(403);
    const auditor = await session(t, [{ role: 'auditor', scopeType: 'centre', scopeId: w.centreId }], 'auditor');
    expect((await exportOf(auditor)).statusCode).toBe(404);
    expect((await exportOf(manager, '01900000-0000-7000-8000-00000000dead')).statusCode).toBe(404);
    expect((await manager.request({ method: 'GET', url: '/api/v1/people/not-a-uuid/export.zip' })).statusCode).toBe(400);
  });
});
