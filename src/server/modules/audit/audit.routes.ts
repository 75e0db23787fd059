import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { auditCsvStream } from './audit.csv.js';
import { AuditEventFilter, AuditEventListQuery, AuditEventPage } from './audit.schemas.js';
import { exportAuditEvents, listAuditEvents } from './audit.service.js';

export const auditRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  app.get('/api/v1/audit/events', {
    schema: {
      tags: ['audit'],
      summary: 'The audit journal, newest first, filtered and limited to the places the auditor may read',
      querystring: AuditEventListQuery,
      response: { 200: AuditEventPage },
    },
  }, async (request) => listAuditEvents(db, staffContextOf(request), request.query));

  app.get('/api/v1/audit/events.csv', {
    schema: {
      tags: ['audit'],
      summary: 'Export the audit journal with the same filter as CSV (UTF-8 with BOM); the export is itself audited',
      querystring: AuditEventFilter,
      response: {
        200: { description: 'text/csv with a header row', content: { 'text/csv': { schema: z.string() } } },
      },
    },
  }, async (request, reply) => {
    const rows = await exportAuditEvents(db, staffContextOf(request), request.query);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const body = auditCsvStream(rows, (error) => request.log.error({ err: error }, 'the audit export stopped'));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oneroof-audit-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      // A stream is the body; the schema above documents the text it carries.
      .send(body as unknown as string);
  });
};
