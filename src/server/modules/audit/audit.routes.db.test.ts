import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';
import { AUDIT_CSV_COLUMNS } from './audit.csv.js';

/** Six events in one morning of March 2025, far from the sign-ins the test itself causes. */
const DAY = { from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z' };
const inDay = `from=${encodeURIComponent(DAY.from)}&to=${encodeURIComponent(DAY.to)}`;
const EVIL_NAME = '=HYPERLINK("http://evil.example","click")';

describe('reading and exporting the audit journal', () => {
  let t: TestApp;
  let a: { centreId: string; unitId: string };
  let b: { centreId: string; unitId: string };
  const anaId = uuidv7();
  const as: Record<string, Session> = {};

  beforeAll(async () => {
    t = await createTestApp();
    a = await createNetworkFixture(t.db, 'A');
    b = await createNetworkFixture(t.db, 'B');
    const networkId = (await t.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
    await createStaff(t.db, 'auditor-net', [{ role: 'auditor', scopeType: 'network', scopeId: networkId }]);
    await createStaff(t.db, 'auditor-a', [{ role: 'auditor', scopeType: 'centre', scopeId: a.centreId }]);
    await createStaff(t.db, 'auditor-unit-a', [{ role: 'auditor', scopeType: 'unit', scopeId: a.unitId }]);
    await createStaff(t.db, 'admin', [{ role: 'network_admin', scopeType: 'network', scopeId: networkId }]);
    for (const name of ['auditor-net', 'auditor-a', 'auditor-unit-a', 'admin']) as[name] = await signIn(t.app, name);

    const seed = (minute: number, values: Record<string, unknown>) =>
      t.db
        .insertInto('audit_events')
        .values({
          id: uuidv7(),
          at: `2025-03-01T10:0${minute}:00Z`,
          actor_id: null,
          actor_name: 'system',
          action: 'test',
          resource_type: 'thing',
          ...values,
        })
        .execute();
    await seed(0, { actor_id: anaId, actor_name: 'ana', action: 'person.read', resource_type: 'person', resource_id: 'p1', centre_id: a.centreId, unit_id: a.unitId, personal_data: true });
    await seed(1, { actor_name: 'bruno', action: 'person.update', resource_type: 'person', resource_id: 'p1', centre_id: a.centreId, personal_data: true });
    await seed(2, { actor_id: anaId, actor_name: 'ana', action: 'case.read', resource_type: 'case', resource_id: 'c1', centre_id: b.centreId, unit_id: b.unitId, personal_data: true, break_glass: true, reason: 'Urgent hearing today' });
    await seed(3, { actor_id: anaId, actor_name: 'ana', action: 'network.centre_update', resource_type: 'centre', resource_id: a.centreId, centre_id: a.centreId });
    await seed(4, { action: 'auth.login', resource_type: 'staff', resource_id: 's1' });
    await seed(5, { actor_name: EVIL_NAME, action: 'person.read', resource_type: 'person', resource_id: 'p2', centre_id: a.centreId, reason: 'Olá, ação — مرحبا', personal_data: true });
  });
  afterAll(() => t?.close());

  async function actions(who: string, query: string): Promise<string[]> {
    const response = await as[who]!.request({ method: 'GET', url: `/api/v1/audit/events?${inDay}&${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((item: { action: string; resourceId: string }) => `${item.action}:${item.resourceId}`);
  }

  it('is for signed-in auditors only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(401);
    const admin = await as.admin!.request({ method: 'GET', url: '/api/v1/audit/events' });
    expect(admin.statusCode).toBe(403);
    expect((await as.admin!.request({ method: 'GET', url: '/api/v1/audit/events.csv' })).statusCode).toBe(403);
  });

  it('shows a network auditor every event, newest first, in the documented shape', async () => {
    expect(await actions('auditor-net', '')).toEqual([
      'person.read:p2', 'auth.login:s1', 'network.centre_update:' + a.centreId, 'case.read:c1', 'person.update:p1', 'person.read:p1',
    ]);
    const response = await as['auditor-net']!.request({ method: 'GET', url: `/api/v1/audit/events?${inDay}&breakGlassOnly=true` });
    expect(response.json().items).toEqual([
      {
        id: expect.any(String),
        at: '2025-03-01T10:02:00.000Z',
        actor: { id: anaId, name: 'ana' },
        action: 'case.read',
        resourceType: 'case',
        resourceId: 'c1',
        centre: { id: b.centreId, name: 'Centre B' },
        unit: { id: b.unitId, name: 'Immigration B' },
        personalData: true,
        breakGlass: true,
        reason: 'Urgent hearing today',
        ip: null,
        requestId: null,
        details: {},
      },
    ]);
  });

  it('limits a centre auditor to the centre and its units, and a unit auditor to the unit', async () => {
    expect(await actions('auditor-a', '')).toEqual(['person.read:p2', 'network.centre_update:' + a.centreId, 'person.update:p1', 'person.read:p1']);
    expect(await actions('auditor-unit-a', '')).toEqual(['person.read:p1']);
    // A filter never widens the reach.
    expect(await actions('auditor-a', `centreId=${b.centreId}`)).toEqual([]);
  });

  it('filters by centre, actor, action prefix, resource and flags', async () => {
    expect(await actions('auditor-net', `centreId=${b.centreId}`)).toEqual(['case.read:c1']);
    expect(await actions('auditor-net', 'actor=ANA')).toEqual(['network.centre_update:' + a.centreId, 'case.read:c1', 'person.read:p1']);
    expect(await actions('auditor-net', `actor=${anaId}`)).toEqual(['network.centre_update:' + a.centreId, 'case.read:c1', 'person.read:p1']);
    expect(await actions('auditor-net', 'action=person.')).toEqual(['person.read:p2', 'person.update:p1', 'person.read:p1']);
    expect(await actions('auditor-net', 'action=person.read')).toEqual(['person.read:p2', 'person.read:p1']);
    // The prefix is literal: "_" is not a LIKE wildcard here.
    expect(await actions('auditor-net', 'action=person_')).toEqual([]);
    expect(await actions('auditor-net', 'resourceType=person&resourceId=p1')).toEqual(['person.update:p1', 'person.read:p1']);
    expect(await actions('auditor-net', 'personalDataOnly=true')).toEqual(['person.read:p2', 'case.read:c1', 'person.update:p1', 'person.read:p1']);
    expect(await actions('auditor-net', 'breakGlassOnly=true')).toEqual(['case.read:c1']);
  });

  it('takes "from" as inclusive and "to" as exclusive', async () => {
    const response = await as['auditor-net']!.request({ method: 'GET', url: '/api/v1/audit/events?from=2025-03-01T10:01:00Z&to=2025-03-01T10:03:00Z' });
    expect(response.json().items.map((item: { action: string }) => item.action)).toEqual(['case.read', 'person.update']);
  });

  it('pages newest first with an opaque cursor, without repeating or skipping events that share a time', async () => {
    const sameInstant = '2025-03-03T11:00:00.123456Z';
    for (let i = 0; i < 5; i++) {
      await t.db.insertInto('audit_events').values({ id: uuidv7(), at: sameInstant, actor_name: 'system', action: 'test.tie', resource_type: 'thing', resource_id: `t${i}` }).execute();
    }
    await t.db.insertInto('audit_events').values({ id: uuidv7(), at: '2025-03-03T11:00:00.123999Z', actor_name: 'system', action: 'test.tie', resource_type: 'thing', resource_id: 'later' }).execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/audit/events?action=test.tie&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await as['auditor-net']!.request({ method: 'GET', url })).json();
      seen.push(...page.items.map((item: { resourceId: string }) => item.resourceId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['later', 't4', 't3', 't2', 't1', 't0']);
    expect(pages).toBe(3);
  });

  it('answers 400 with field errors for a bad filter or cursor', async () => {
    const badDate = await as['auditor-net']!.request({ method: 'GET', url: '/api/v1/audit/events?from=yesterday' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['querystring.from']);
    const badCursor = await as['auditor-net']!.request({ method: 'GET', url: '/api/v1/audit/events?cursor=bm90LWEtY3Vyc29y' });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.fields).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
  });

  it('exports the same filter as CSV: BOM, header row, CRLF, accents intact, formulas neutralised', async () => {
    const response = await as['auditor-net']!.request({ method: 'GET', url: `/api/v1/audit/events.csv?${inDay}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="oneroof-audit-\d{8}-\d{4}\.csv"$/);
    const body = response.rawPayload.toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    expect(body).toContain('\r\n');
    const [header, ...rows] = parseCsv(body.slice(1));
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows.map((row) => row[AUDIT_CSV_COLUMNS.indexOf('action')])).toEqual(['person.read', 'auth.login', 'network.centre_update', 'case.read', 'person.update', 'person.read']);
    const evil = rows[0]!;
    expect(evil[AUDIT_CSV_COLUMNS.indexOf('actor_name')]).toBe(`'${EVIL_NAME}`);
    expect(evil[AUDIT_CSV_COLUMNS.indexOf('reason')]).toBe('Olá, ação — مرحبا');
    expect(evil[AUDIT_CSV_COLUMNS.indexOf('centre_name')]).toBe('Centre A');
    expect(rows[3]![AUDIT_CSV_COLUMNS.indexOf('break_glass')]).toBe('true');
  });

  it('limits the export to the auditor’s reach', async () => {
    const response = await as['auditor-a']!.request({ method: 'GET', url: `/api/v1/audit/events.csv?${inDay}` });
    const rows = parseCsv(response.rawPayload.toString('utf8').slice(1)).slice(1);
    expect(rows.map((row) => row[AUDIT_CSV_COLUMNS.indexOf('centre_id')])).toEqual([a.centreId, a.centreId, a.centreId, a.centreId]);
  });

  it('records each export in the journal itself', async () => {
    const response = await as['auditor-a']!.request({ method: 'GET', url: `/api/v1/audit/events.csv?${inDay}&action=person.&centreId=${a.centreId}` });
    expect(response.statusCode).toBe(200);
    const exports = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'audit.export').where('actor_name', '=', 'auditor-a').orderBy('at', 'desc').execute();
    expect(exports[0]).toMatchObject({
      resource_type: 'audit_journal',
      centre_id: a.centreId,
      personal_data: true,
      details: { filter: { ...DAY, action: 'person.', centreId: a.centreId } },
    });
    // A centre auditor finds their own export of their centre in the journal.
    const own = await as['auditor-a']!.request({ method: 'GET', url: '/api/v1/audit/events?action=audit.export' });
    expect(own.json().items.map((item: { actor: { name: string } }) => item.actor.name)).toContain('auditor-a');
  });
});

/** Enough of RFC 4180 for the test: quoted fields with commas, quotes and line breaks; CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += char;
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
