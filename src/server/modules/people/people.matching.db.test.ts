import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, type TestApp, createTestApp } from '../../../../test/app.js';
import type { StaffContext } from '../../http/request-context.js';
import { loadLabelledPairs, matcherContext, scoreLabelledPairs } from './people.test-fixtures.js';

/** The tuning pairs (test/fixtures/people-pairs.json) through registration's real path: see scoreLabelledPairs. */

let t: TestApp;
let context: StaffContext;
let centreId: string;
beforeAll(async () => {
  t = await createTestApp();
  centreId = (await createNetworkFixture(t.db, 'P')).centreId;
  context = matcherContext(await createStaff(t.db, 'matcher', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }]), centreId);
});
afterAll(() => t?.close());

describe('duplicate detection on the labelled pairs', () => {
  it('reaches precision ≥ 0.95 and recall ≥ 0.9', async () => {
    const pairs = loadLabelledPairs();
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    const { measured, wrong } = await scoreLabelledPairs(t.db, context, centreId, pairs);
    console.info(`people-pairs: ${pairs.length} pairs, precision ${measured.precision.toFixed(3)}, recall ${measured.recall.toFixed(3)}`, measured, wrong);
    expect(measured.precision).toBeGreaterThanOrEqual(0.95);
    expect(measured.recall).toBeGreaterThanOrEqual(0.9);
  });
});
