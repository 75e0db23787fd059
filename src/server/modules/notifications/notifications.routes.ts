import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { AttachmentParams, JobsOverview, NotificationDetail, NotificationIdParams, OutboxPage, OutboxQuery } from './notifications.schemas.js';
import { jobsOverview, listOutbox, readAttachment, readNotification, retryNotification } from './notifications.service.js';

const tags = ['notifications'];

/** The staff outbox of e-mails and SMS, and the operations view of background jobs (docs/notifications.md). */
export const notificationRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;
  // Recipients and message texts are personal data: never cached.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/notifications') || request.url.startsWith('/api/v1/operations/jobs')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/v1/notifications', {
    schema: { tags, summary: 'Messages to people, newest first, within the places the reader works in (audited)', querystring: OutboxQuery, response: { 200: OutboxPage } },
  }, async (request) => listOutbox(db, staffContextOf(request), request.query));

  app.get('/api/v1/notifications/:id', {
    schema: { tags, summary: 'One message with its text as sent and its files (audited)', params: NotificationIdParams, response: { 200: NotificationDetail } },
  }, async (request) => readNotification(db, staffContextOf(request), request.params.id));

  app.get('/api/v1/notifications/:id/attachments/:index', {
    schema: {
      tags,
      summary: 'Download a file sent with a message (audited)',
      params: AttachmentParams,
      response: { 200: { description: 'the file as sent', content: { 'application/octet-stream': { schema: z.string() } } } },
    },
  }, async (request, reply) => {
    const file = await readAttachment(db, staffContextOf(request), request.params.id, request.params.index);
    const asciiName = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });

  app.post('/api/v1/notifications/:id/retry', {
    schema: { tags, summary: 'Send a failed message again', params: NotificationIdParams, response: { 200: NotificationDetail } },
  }, async (request) => retryNotification(db, staffContextOf(request), request.params.id));

  app.get('/api/v1/operations/jobs', {
    schema: { tags: ['operations'], summary: 'Background jobs by kind and status, failed jobs, last runs of recurring tasks (network admins)', response: { 200: JobsOverview } },
  }, async (request) => jobsOverview(db, staffContextOf(request)));
};
