import { setTimeout as tick } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, TEST_PASSWORD, type TestApp } from './app.js';
import { testDatabaseKind } from './database.js';

const TRANSACTIONS = 50;

/**
 * PGlite has one connection: Kysely's PGlite dialect must run each transaction alone, and a query
 * outside a transaction must never run inside someone else's. On PostgreSQL the same guarantee comes
 * from row locks (FOR UPDATE) and isolation. The test states it once and runs on both.
 */
describe(`concurrent transactions on ${testDatabaseKind()}`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await sql`CREATE TABLE test_counter (id int PRIMARY KEY, value int NOT NULL, writing text)`.execute(t.db);
    await sql`INSERT INTO test_counter VALUES (1, 0, NULL)`.execute(t.db);
  });
  afterAll(() => t?.close());

  it(`runs ${TRANSACTIONS} read-wait-write transactions without losing an update or seeing uncommitted data`, async () => {
    const problems: string[] = [];
    const readCounter = async (db: typeof t.db, lock: boolean) => {
      const result = await sql<{ value: number; writing: string | null }>`SELECT value, writing FROM test_counter WHERE id = 1 ${lock ? sql`FOR UPDATE` : sql``}`.execute(db);
      return result.rows[0]!;
    };

    const transactions = Array.from({ length: TRANSACTIONS }, (_, i) =>
      t.db.transaction().execute(async (trx) => {
        const before = await readCounter(trx, true);
        if (before.writing !== null) problems.push(`transaction ${i} saw the uncommitted write of ${before.writing}`);
        // Mark the row as mid-change; the mark is cleared before commit, so nobody else may ever see it.
        await sql`UPDATE test_counter SET value = ${before.value + 1}, writing = ${`tx${i}`} WHERE id = 1`.execute(trx);
        await tick(1); // other requests get the event loop here
        const after = await readCounter(trx, false);
        if (after.value !== before.value + 1 || after.writing !== `tx${i}`) problems.push(`transaction ${i} saw another's write in the middle of its own`);
        await sql`UPDATE test_counter SET writing = NULL WHERE id = 1`.execute(trx);
      }),
    );
    // Reads outside any transaction, racing the transactions: they must only ever see committed rows.
    const readers = Array.from({ length: TRANSACTIONS }, async (_, i) => {
      await tick(i % 5);
      const seen = await readCounter(t.db, false);
      if (seen.writing !== null) problems.push(`a plain read saw the uncommitted write of ${seen.writing}`);
      return seen.value;
    });

    await Promise.all([...transactions, ...readers]);
    expect(problems).toEqual([]);
    expect((await readCounter(t.db, false)).value).toBe(TRANSACTIONS);
  });

  it('keeps concurrent API requests whole: every sign-in has exactly its session and its audit event', async () => {
    const { networkId } = await createNetworkFixture(t.db);
    await createStaff(t.db, 'busy', [{ role: 'reception_mediator', scopeType: 'network', scopeId: networkId }]);
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'busy', password: TEST_PASSWORD }, remoteAddress: `198.51.100.${i}` }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(30).fill(200));
    const sessions = await t.db.selectFrom('staff_sessions').innerJoin('staff', 'staff.id', 'staff_sessions.staff_id').select('staff_sessions.ip').where('staff.username', '=', 'busy').execute();
    const audits = await t.db.selectFrom('audit_events').select('ip').where('action', '=', 'auth.login').where('resource_type', '=', 'staff').execute();
    expect(sessions.map((row) => row.ip).sort()).toEqual(audits.map((row) => row.ip).sort());
    expect(sessions).toHaveLength(30);
  });
});
