import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/database.js';
import { startSmtpListener, type SmtpListener } from '../../../test/smtp-listener.js';
import type { AppDependencies } from '../app.js';
import { JobRunner } from '../jobs/runner.js';
import { RealtimeBus } from '../realtime/bus.js';
import { requestNotification, type NotificationRequest } from './notifications.request.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const link = { link: 'https://oneroof.example.org/p/Zq9', minutes: 15 };
const calendar = { filename: 'appointment.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n' };

describe('delivering notifications', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let smtp: SmtpListener;
  let gateway: Server;
  let gatewayUrl: string;
  let gatewayStatus = 200;
  const gatewayCalls: { headers: IncomingHttpHeaders; body: unknown }[] = [];
  let now: Date;

  beforeAll(async () => {
    smtp = await startSmtpListener();
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        gatewayCalls.push({ headers: request.headers, body: JSON.parse(body) });
        response.writeHead(gatewayStatus, { 'content-type': 'application/json' }).end(gatewayStatus === 200 ? JSON.stringify({ id: `sms-${gatewayCalls.length}` }) : '{"error":"busy"}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    await smtp.close();
    await new Promise((resolve) => gateway.close(resolve));
  });
  beforeEach(async () => {
    database = await createTestDatabase();
    // Just ahead of the wall clock, so messages requested in a test are due.
    now = new Date(Date.now() + 5000);
    smtp.received.length = 0;
    gatewayCalls.length = 0;
    gatewayStatus = 200;
  });
  afterEach(async () => {
    await database.close();
  });

  function runner(env: Record<string, string> = {}): JobRunner {
    const deps: AppDependencies = { config: testConfig(env), database, db: database.db, bus: new RealtimeBus(database, quiet) };
    return new JobRunner(deps, { log: quiet, clock: () => now });
  }
  const request = (input: Partial<NotificationRequest>) =>
    requestNotification(database.db, { channel: 'email', recipient: 'amina@example.org', locale: 'ar', template: 'portal.access_link', params: link, ...input });
  const row = (id: string) => database.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends an e-mail through SMTP in the person language, with its attachment', async () => {
    const id = await request({ attachments: [calendar] });
    expect(await runner({ SMTP_URL: smtp.url, MAIL_FROM: 'Centro <centro@example.org>' }).runDueJobs()).toBe(1);
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', provider: 'smtp', rendered_locale: 'ar', attempts: 1, last_error: null });
    expect(sent.rendered_subject).toBe('رابط الوصول إلى «إجراءاتي»');
    expect(sent.rendered_body).toContain('https://oneroof.example.org/p/Zq9');
    expect(sent.provider_message_id).toBe(`<${id}@oneroof>`);
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('<centro@example.org>');
    expect(mail.to).toEqual(['<amina@example.org>']);
    expect(mail.data).toMatch(/Content-Type: text\/calendar/i);
    expect(mail.data).toContain('filename=appointment.ics');
    expect(mail.data).toContain(Buffer.from(calendar.content).toString('base64'));
  });

  it('tries again when the mail server refuses, then marks the message failed after the last attempt', async () => {
    const id = await request({});
    await database.db.updateTable('jobs').set({ max_attempts: 2 }).execute();
    const jobs = runner({ SMTP_URL: smtp.url });
    smtp.refuseNext('451 4.3.0 mailbox busy');
    await jobs.runDueJobs();
    expect(await row(id)).toMatchObject({ status: 'queued', provider: 'smtp', attempts: 1 });
    expect((await row(id)).last_error).toContain('451 4.3.0 mailbox busy');
    now = new Date(now.getTime() + 60_000);
    smtp.refuseNext('451 4.3.0 mailbox busy');
    await jobs.runDueJobs();
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 2 });
    const job = await database.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(smtp.received).toHaveLength(0);
  });

  it('sends an SMS through the HTTP gateway with its bearer token', async () => {
    const id = await request({ channel: 'sms', recipient: '+351912345678', locale: 'pt' });
    await runner({ SMS_WEBHOOK_URL: gatewayUrl, SMS_WEBHOOK_TOKEN: 'gateway-secret-token' }).runDueJobs();
    expect(await row(id)).toMatchObject({ status: 'sent', provider: 'sms-webhook', provider_message_id: 'sms-1', rendered_subject: null, rendered_locale: 'pt' });
    expect(gatewayCalls).toHaveLength(1);
    expect(gatewayCalls[0]!.headers.authorization).toBe('Bearer gateway-secret-token');
    expect(gatewayCalls[0]!.headers['idempotency-key']).toBe(id);
    expect(gatewayCalls[0]!.body).toEqual({ id, to: '+351912345678', text: (await row(id)).rendered_body });
  });

  it('keeps the message queued with the gateway answer when the gateway fails', async () => {
    gatewayStatus = 503;
    const id = await request({ channel: 'sms', recipient: '+351912345678' });
    await runner({ SMS_WEBHOOK_URL: gatewayUrl }).runDueJobs();
    expect(await row(id)).toMatchObject({ status: 'queued', last_error: 'ProviderError: SMS gateway answered 503: {"error":"busy"}' });
    expect(gatewayCalls[0]!.headers.authorization).toBeUndefined();
  });

  it('holds messages in the outbox when no provider is configured, rendered for staff to read', async () => {
    const email = await request({ locale: 'sw' });
    const sms = await request({ channel: 'sms', recipient: '+351912345678', locale: 'en' });
    await runner().runDueJobs();
    expect(await row(email)).toMatchObject({ status: 'held', provider: 'outbox', rendered_locale: 'pt', sent_at: null });
    expect((await row(email)).rendered_subject).toBe('O seu acesso a «Os meus processos»');
    expect(await row(sms)).toMatchObject({ status: 'held', provider: 'outbox', rendered_locale: 'en' });
    // Running the job again (a retry after a crash) sends nothing twice.
    await database.db.updateTable('jobs').set({ status: 'pending', run_at: now }).execute();
    await runner({ SMTP_URL: smtp.url }).runDueJobs();
    expect(smtp.received).toHaveLength(0);
  });

  it('fails at once, with a clear error, a message whose template exists in no language', async () => {
    const id = await request({ template: 'queue.not_written_yet' });
    await runner({ SMTP_URL: smtp.url }).runDueJobs();
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toBe('Template "queue.not_written_yet" has no notify.queue.not_written_yet.subject and notify.queue.not_written_yet.body in ar, pt, en (locales/<lang>/notify-*.json)');
    const job = await database.db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    expect(smtp.received).toHaveLength(0);
  });
});
