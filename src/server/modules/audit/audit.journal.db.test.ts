import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type TestApp } from '../../../../test/app.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordAudit, recordPersonalDataRead } from './audit.service.js';

const context: RequestContext = {
  actor: { staffId: '01890000-0000-7000-8000-000000000001', username: 'ana', displayName: 'Ana', grants: [], sessionId: null },
  ip: '192.0.2.7',
  requestId: 'request-0001',
};

describe('the audit journal in the database', () => {
  let t: TestApp;
  let place: { centreId: string; unitId: string };

  beforeAll(async () => {
    t = await createTestApp();
    place = await createNetworkFixture(t.db);
    await recordAudit(t.db, context, { action: 'test.seed', resourceType: 'thing', resourceId: 'one' });
  });
  afterAll(() => t?.close());

  async function eventCount(): Promise<number> {
    const row = await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it.each([
    ['UPDATE', sql`UPDATE audit_events SET action = 'tampered'`],
    ['DELETE', sql`DELETE FROM audit_events`],
    ['TRUNCATE', sql`TRUNCATE audit_events`],
  ])('refuses %s: the journal is append-only', async (operation, statement) => {
    const before = await eventCount();
    await expect(statement.execute(t.db)).rejects.toThrow(`the audit journal is append-only: ${operation} is refused`);
    expect(await eventCount()).toBe(before);
    const tampered = await t.db.selectFrom('audit_events').select('id').where('action', '=', 'tampered').execute();
    expect(tampered).toEqual([]);
  });

  it('refuses a change even inside a transaction that would otherwise commit', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, context, { action: 'test.inside', resourceType: 'thing' });
        await sql`UPDATE audit_events SET reason = 'rewritten' WHERE action = 'test.seed'`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'test.inside').execute()).toEqual([]);
  });

  it('writes the event in the transaction of the change: a change that rolls back leaves no event', async () => {
    const failure = new Error('the change fails after its audit event was written');
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('networks').values({ id: '01890000-0000-7000-8000-0000000000aa', name: 'Rolled back' }).execute();
        await recordAudit(trx, context, { action: 'test.rolled_back', resourceType: 'network', resourceId: '01890000-0000-7000-8000-0000000000aa' });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'test.rolled_back').execute()).toEqual([]);
    expect(await t.db.selectFrom('networks').select('id').where('name', '=', 'Rolled back').execute()).toEqual([]);
  });

  it('keeps the event of a change that commits, with who, from where and which request', async () => {
    await t.db.transaction().execute((trx) => recordAudit(trx, context, { action: 'test.committed', resourceType: 'thing', resourceId: 'two', details: { field: 'name' } }));
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'test.committed').executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_id: context.actor!.staffId,
      actor_name: 'ana',
      resource_type: 'thing',
      resource_id: 'two',
      ip: '192.0.2.7',
      request_id: 'request-0001',
      personal_data: false,
      break_glass: false,
      details: { field: 'name' },
    });
  });

  it('places an event about a unit in the unit’s centre, so centre auditors find it', async () => {
    await recordPersonalDataRead(t.db, context, { action: 'test.unit_read', resourceType: 'person', resourceId: 'p1', unitId: place.unitId });
    const event = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'test.unit_read').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ unit_id: place.unitId, centre_id: place.centreId, personal_data: true });
  });

  it('refuses break-glass access without a reason', async () => {
    await expect(recordAudit(t.db, context, { action: 'test.break_glass', resourceType: 'person', breakGlass: true, reason: '  ' })).rejects.toMatchObject({ code: 'validation_failed' });
    await recordAudit(t.db, context, { action: 'test.break_glass', resourceType: 'person', breakGlass: true, reason: 'Person collapsed at the counter' }, true);
    const events = await t.db.selectFrom('audit_events').select(['break_glass', 'reason']).where('action', '=', 'test.break_glass').execute();
    expect(events).toEqual([{ break_glass: true, reason: 'Person collapsed at the counter' }]);
  });
});
