import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';
import { createQueueWorld, type QueueWorld } from '../queue/queue.test-fixtures.js';
import { registerPerson } from './people.data-protection.test-fixtures.js';
import { namePrefixes } from './people.search.repo.js';

/** Search by the first letters of a name, in any script, through the prefix index (migration 0027). */

let t: TestApp;
let w: QueueWorld;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await createQueueWorld(t, 1);
  ids.olena = await registerPerson(w.reception, w.centreId);
  ids.rahul = await registerPerson(w.reception, w.centreId, { givenNames: 'Rahul', familyNames: 'Sharma', nativeGivenNames: 'राहुल', nativeFamilyNames: 'शर्मा', nativeScript: 'Deva', contacts: [], documents: [] });
  ids.ibrahim = await registerPerson(w.reception, w.centreId, { givenNames: 'Ibrahim', familyNames: 'Diallo', nativeGivenNames: '', nativeFamilyNames: '', nativeScript: null, contacts: [], documents: [] });
});
afterAll(() => t?.close());

const found = async (q: string) => {
  const response = await w.reception.request({ method: 'GET', url: `/api/v1/people?q=${encodeURIComponent(q)}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { person: { id: string } }[] }>().items.map((hit) => hit.person.id);
};

describe('search by the beginning of a name', () => {
  it('keeps the first 3 to 6 letters of each typed word', () => {
    expect(namePrefixes('ibrahimovic di kov')).toEqual(['ibrahi', 'kov']);
  });

  it('finds people from the first letters of a name in Latin letters or in their script', async () => {
    expect(await found('Ibrah')).toEqual([ids.ibrahim]);
    expect(await found('Kova')).toContain(ids.olena);
    expect(await found('Олен')).toContain(ids.olena);
    expect(await found('Rahul Shar')).toContain(ids.rahul);
    expect(await found('Kova')).not.toContain(ids.rahul);
  });
});
