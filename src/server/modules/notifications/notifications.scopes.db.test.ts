import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';
import type { Role, ScopeType } from '../../../shared/access.js';
import { requestNotification } from '../../notifications/notifications.request.js';

const calendar = { filename: 'rendez-vous.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' };

describe('the staff outbox: who may read, retry and see jobs', () => {
  let t: TestApp;
  let atA: string;
  let atB: string;
  let unitA: string;
  const sessions: Record<string, Session> = {};
  const ids: Record<'a' | 'b' | 'none', string> = { a: '', b: '', none: '' };

  beforeAll(async () => {
    t = await createTestApp();
    ({ centreId: atA, unitId: unitA } = await createNetworkFixture(t.db, 'A'));
    ({ centreId: atB } = await createNetworkFixture(t.db, 'B'));
    const network = (await t.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
    const people: [string, Role, ScopeType, string][] = [
      ['admin', 'network_admin', 'network', network],
      ['managerA', 'centre_manager', 'centre', atA],
      ['phoneLine', 'phone_operator', 'network', network],
      ['phoneA', 'phone_operator', 'centre', atA],
      ['receptionA', 'reception_mediator', 'centre', atA],
      ['unitManagerA', 'unit_manager', 'unit', unitA],
    ];
    for (const [username, role, scopeType, scopeId] of people) {
      await createStaff(t.db, username, [{ role, scopeType, scopeId }]);
      sessions[username] = await signIn(t.app, username);
    }
    ids.a = await requestNotification(t.db, { channel: 'email', recipient: 'Amina@Example.org', locale: 'ar', template: 'appointments.confirmed', params: { reference: 'K7P2QX' }, attachments: [calendar], centreId: atA, subject: { type: 'appointment', id: '0190a0a0-0000-7000-8000-000000000001' } });
    ids.b = await requestNotification(t.db, { channel: 'sms', recipient: '+351912345678', locale: 'pt', template: 'queue.you_are_next', params: {}, centreId: atB });
    ids.none = await requestNotification(t.db, { channel: 'email', recipient: 'amina@example.org', locale: 'ar', template: 'portal.access_link', params: { link: 'https://x.example/p/1', minutes: 15 } });
    await t.db.updateTable('notifications').set({ status: 'failed', last_error: 'SMTP: 550 no such mailbox', rendered_body: 'Visit https://x.example/a/K7P2QX' }).where('id', '=', ids.a).execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (who: string, query = '') => sessions[who]!.request({ url: `/api/v1/notifications${query}` });
  const listedIds = async (who: string, query = '') => (await list(who, query)).json<{ items: { id: string }[] }>().items.map((item) => item.id).sort();

  it('lists the messages of the places each reader works in', async () => {
    const all = [ids.a, ids.b, ids.none].sort();
    expect(await listedIds('admin')).toEqual(all);
    expect(await listedIds('phoneLine')).toEqual(all);
    expect(await listedIds('managerA')).toEqual([ids.a]);
    expect(await listedIds('phoneA')).toEqual([ids.a]);
    expect((await list('receptionA')).statusCode).toBe(403);
    expect((await list('unitManagerA')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('filters by recipient, centre, template start, status and channel, page by page', async () => {
    expect(await listedIds('admin', '?recipient=amina@example.ORG')).toEqual([ids.a, ids.none].sort());
    expect(await listedIds('admin', `?centreId=${atB}`)).toEqual([ids.b]);
    expect(await listedIds('admin', '?template=appointments.')).toEqual([ids.a]);
    expect(await listedIds('admin', '?template=appointments')).toEqual([]);
    expect(await listedIds('admin', '?status=failed')).toEqual([ids.a]);
    expect(await listedIds('admin', '?channel=sms')).toEqual([ids.b]);
    // A centre manager asking for another centre gets nothing from it.
    expect(await listedIds('managerA', `?centreId=${atB}`)).toEqual([]);
    const first = (await list('admin', '?limit=2')).json<{ items: { id: string }[]; nextCursor: string }>();
    expect(first.items.map((item) => item.id)).toEqual([ids.none, ids.b]);
    const second = (await list('admin', `?limit=2&cursor=${first.nextCursor}`)).json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(second).toMatchObject({ items: [{ id: ids.a }], nextCursor: null });
    const bad = await list('admin', '?status=lost&limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((field) => field.path).sort()).toEqual(['querystring.limit', 'querystring.status']);
  });

  it('opens a message within reach, answers 404 outside it, and audits every read', async () => {
    const opened = await sessions.managerA!.request({ url: `/api/v1/notifications/${ids.a}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect(opened.json()).toMatchObject({
      id: ids.a,
      status: 'failed',
      lastError: 'SMTP: 550 no such mailbox',
      renderedBody: 'Visit https://x.example/a/K7P2QX',
      centre: { id: atA, name: 'Centre A' },
      about: { type: 'appointment' },
      attachments: [{ index: 0, filename: 'rendez-vous.ics', contentType: 'text/calendar', size: calendar.content.length }],
    });
    expect((await sessions.managerA!.request({ url: `/api/v1/notifications/${ids.b}` })).statusCode).toBe(404);
    expect((await sessions.managerA!.request({ url: `/api/v1/notifications/${ids.none}` })).statusCode).toBe(404);
    expect((await sessions.receptionA!.request({ url: `/api/v1/notifications/${ids.a}` })).statusCode).toBe(403);
    const file = await sessions.phoneA!.request({ url: `/api/v1/notifications/${ids.a}/attachments/0` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    expect(file.headers['content-disposition']).toContain('filename="rendez-vous.ics"');
    expect(file.body).toBe(calendar.content);
    expect((await sessions.phoneA!.request({ url: `/api/v1/notifications/${ids.a}/attachments/1` })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_events').select(['action', 'actor_name', 'resource_id', 'centre_id', 'personal_data']).where('action', 'like', 'notification.%').execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'notification.read', actor_name: 'managerA', resource_id: ids.a, centre_id: atA, personal_data: true },
        { action: 'notification.attachment', actor_name: 'phoneA', resource_id: ids.a, centre_id: atA, personal_data: true },
        expect.objectContaining({ action: 'notification.list', actor_name: 'admin', personal_data: true }),
      ]),
    );
  });

  it('sends a failed message again once, for those who may retry there', async () => {
    expect((await sessions.receptionA!.request({ method: 'POST', url: `/api/v1/notifications/${ids.a}/retry` })).statusCode).toBe(403);
    expect((await sessions.managerA!.request({ method: 'POST', url: `/api/v1/notifications/${ids.b}/retry` })).statusCode).toBe(404);
    const retried = await sessions.phoneA!.request({ method: 'POST', url: `/api/v1/notifications/${ids.a}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued' });
    const again = await sessions.phoneA!.request({ method: 'POST', url: `/api/v1/notifications/${ids.a}/retry` });
    expect(again.statusCode).toBe(409);
    const jobs = await t.db.selectFrom('jobs').select('payload').where('status', '=', 'pending').execute();
    expect(jobs.filter((job) => (job.payload as { notificationId: string }).notificationId === ids.a)).toHaveLength(2);
    expect(await t.db.selectFrom('audit_events').select('actor_name').where('action', '=', 'notification.retry').execute()).toEqual([{ actor_name: 'phoneA' }]);
  });

  it('shows the operations view of jobs to network admins only', async () => {
    await t.db.updateTable('jobs').set({ status: 'failed', last_error: 'No handler for job kind "x"' }).where('payload', '=', JSON.stringify({ notificationId: ids.b })).execute();
    await t.db.insertInto('recurring_task_runs').values({ task: 'queue.close_day', scheduled_for: new Date('2026-03-02T23:00:00Z'), finished_at: new Date(), outcome: JSON.stringify({ closed: 4 }) }).execute();
    const view = await sessions.admin!.request({ url: '/api/v1/operations/jobs' });
    expect(view.statusCode).toBe(200);
    const body = view.json<{ counts: { kind: string; status: string; count: number }[]; failed: { lastError: string }[]; recurring: unknown[]; overdue: { count: number } }>();
    expect(body.counts).toContainEqual({ kind: 'notifications.deliver', status: 'failed', count: 1 });
    expect(body.failed[0]!.lastError).toBe('No handler for job kind "x"');
    expect(body.recurring).toContainEqual({ task: 'queue.close_day', cron: null, lastScheduledFor: '2026-03-02T23:00:00.000Z', lastFinishedAt: expect.any(String), lastError: null, lastOutcome: { closed: 4 } });
    for (const who of ['managerA', 'phoneLine', 'receptionA']) expect((await sessions[who]!.request({ url: '/api/v1/operations/jobs' })).statusCode).toBe(403);
  });
});
