import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, type TestApp, createTestApp } from '../../../../test/app.js';
import type { StaffContext } from '../../http/request-context.js';
import { loadLabelledPairs, matcherContext, scoreLabelledPairs } from './people.test-fixtures.js';

/** The held-out pairs, which the tuning never saw, through the same path as people.matching.db.test.ts. */

let t: TestApp;
let context: StaffContext;
let centreId: string;
beforeAll(async () => {
  t = await createTestApp();
  centreId = (await createNetworkFixture(t.db, 'P')).centreId;
  context = matcherContext(await createStaff(t.db, 'matcher', [{ role: 'reception_mediator', scopeType: 'centre', scopeId: centreId }]), centreId);
});
afterAll(() => t?.close());

describe('duplicate detection on the held-out pairs', () => {
  it('keeps precision ≥ 0.9 and recall ≥ 0.85 on pairs the tuning never saw', async () => {
    const pairs = loadLabelledPairs('people-pairs-heldout.json');
    expect(pairs.length).toBeGreaterThanOrEqual(35);
    const { measured, wrong } = await scoreLabelledPairs(t.db, context, centreId, pairs);
    console.info(`people-pairs-heldout: ${pairs.length} pairs, precision ${measured.precision.toFixed(3)}, recall ${measured.recall.toFixed(3)}`, measured, wrong);
    expect(measured.precision).toBeGreaterThanOrEqual(0.9);
    expect(measured.recall).toBeGreaterThanOrEqual(0.85);
  });
});
