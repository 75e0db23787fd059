import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, type TestApp, createTestApp } from '../../../../test/app.js';
import type { StaffContext } from '../../http/request-context.js';
import { findDuplicates } from './people.match.service.js';
import { contactRows, documentRows, storedBirth } from './people.presenters.js';
import { PersonInput } from './people.schemas.js';
import { registerPerson } from './people.service.js';
import { confusion, loadLabelledPairs, personBody } from './people.test-fixtures.js';

/**
 * The labelled pairs through the real path: every pair's first record is registered, then the second
 * is checked for duplicates the way registration does (SQL candidates, then scoring). A pair counts
 * as predicted-same when its first record comes back as a likely duplicate of the second.
 */

let t: TestApp;
let context: StaffContext;
let centreId: string;
beforeAll(async () => {
  t = await createTestApp();
  centreId = (await createNetworkFixture(t.db, 'P')).centreId;
  const staffId = await createStaff(t.db, 'matcher', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }]);
  context = { actor: { staffId, username: 'matcher', displayName: 'matcher', sessionId: null, grants: [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId, centreId }] }, ip: null, requestId: null };
});
afterAll(() => t?.close());

describe('duplicate detection on the held-out pairs', () => {
  it('keeps precision ≥ 0.9 and recall ≥ 0.85 on pairs the tuning never saw', async () => {
    const pairs = loadLabelledPairs('people-pairs-heldout.json');
    expect(pairs.length).toBeGreaterThanOrEqual(35);
    const results: { expected: boolean; predicted: boolean; note: string }[] = [];
    for (const pair of pairs) {
      const { result } = await registerPerson(t.db, context, PersonInput.parse(personBody(pair.a, centreId, { confirmNotDuplicate: true })));
      const firstId = result.person!.id;
      const second = PersonInput.parse(personBody(pair.b, centreId));
      const { documents, contacts, ...rest } = second;
      const birth = storedBirth(second.birthDate);
      const candidates = await findDuplicates(t.db, {
        ...rest,
        birthDate: birth.date,
        birthPrecision: birth.precision,
        documents: documentRows(documents).map((d) => ({ type: d.type, numberKey: d.number_key, issuingCountry: d.issuing_country })),
        contacts: contactRows(contacts).map((c) => ({ kind: c.kind, valueKey: c.value_key })),
      }, { everywhere: false, centreIds: [centreId] });
      results.push({ expected: pair.match, predicted: candidates.some((c) => c.record.row.id === firstId), note: pair.note });
    }
    const measured = confusion(results);
    const wrong = results.filter((r) => r.expected !== r.predicted).map((r) => `${r.expected ? 'missed' : 'false match'}: ${r.note}`);
    console.info(`people-pairs-heldout: ${pairs.length} pairs, precision ${measured.precision.toFixed(3)}, recall ${measured.recall.toFixed(3)}`, measured, wrong);
    expect(measured.precision).toBeGreaterThanOrEqual(0.9);
    expect(measured.recall).toBeGreaterThanOrEqual(0.85);
  });
});
