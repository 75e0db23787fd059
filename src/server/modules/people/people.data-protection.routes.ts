import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { accessReportCsv } from './people.access-report.csv.js';
import { personAccessReport } from './people.access-report.service.js';
import { AccessReport, AccessReportQuery, KnownDocumentType, RetentionReport, RetentionRuleInput, RetentionRuleView, TimelinePage, TimelineQuery } from './people.data-protection.schemas.js';
import { exportPerson } from './people.export.service.js';
import { deleteRetentionRule, knownDocumentTypes, listRetentionRules, retentionReport, setRetentionRule } from './people.retention.service.js';
import { IdParams } from './people.schemas.js';
import { personTimeline } from './people.timeline.service.js';

const tags = ['people'];
const security = [{ session: [] }];

/** Data protection of the people registry: timeline, access report, subject-access export, retention. */
export const peopleDataProtectionRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  app.get('/api/v1/people/:id/timeline', {
    schema: { tags, security, summary: 'Visits, tickets and appointments of a person at every centre, newest first (audited)', params: IdParams, querystring: TimelineQuery, response: { 200: TimelinePage } },
  }, async (request) => personTimeline(db, staffContextOf(request), request.params.id, request.query));

  app.get('/api/v1/people/:id/access-report', {
    schema: { tags, security, summary: 'Who read or changed this person\'s data, and when (people.access_report; the request is audited)', params: IdParams, querystring: AccessReportQuery, response: { 200: AccessReport } },
  }, async (request) => personAccessReport(db, staffContextOf(request), request.params.id, request.query, 'json'));

  app.get('/api/v1/people/:id/access-report.csv', {
    schema: {
      tags,
      security,
      summary: 'The access report as CSV (UTF-8 with BOM)',
      params: IdParams,
      querystring: AccessReportQuery,
      response: { 200: { description: 'text/csv with a header row', content: { 'text/csv': { schema: z.string() } } } },
    },
  }, async (request, reply) => {
    const report = await personAccessReport(db, staffContextOf(request), request.params.id, request.query, 'csv');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="access-report-${report.person.id}.csv"`)
      .header('cache-control', 'no-store')
      .send(accessReportCsv(report));
  });

  app.get('/api/v1/people/:id/export.zip', {
    schema: {
      tags,
      security,
      summary: 'Subject-access export: a ZIP with everything held about the person (people.export; audited; 413 above the size limit)',
      params: IdParams,
      response: { 200: { description: 'application/zip', content: { 'application/zip': { schema: z.string() } } } },
    },
  }, async (request, reply) => {
    const exported = await exportPerson(deps, staffContextOf(request), request.params.id, (error) => request.log.error({ err: error }, 'the subject-access export stopped'));
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${exported.filename}"`)
      .header('cache-control', 'no-store')
      .send(exported.stream as unknown as string);
  });

  app.get('/api/v1/people/retention/rules', {
    schema: { tags, security, summary: 'Retention rules: the network default, per unit, per document type of the registry or the case file (network administrators)', response: { 200: z.object({ items: z.array(RetentionRuleView) }) } },
  }, async (request) => ({ items: await listRetentionRules(db, staffContextOf(request)) }));

  app.put('/api/v1/people/retention/rules', {
    schema: { tags, security, summary: 'Set the rule of one (unit, document type); setting it again replaces it', body: RetentionRuleInput, response: { 200: RetentionRuleView } },
  }, async (request) => setRetentionRule(db, staffContextOf(request), request.body));

  app.delete('/api/v1/people/retention/rules/:id', {
    schema: { tags, security, summary: 'Delete a retention rule', params: IdParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteRetentionRule(db, staffContextOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/people/retention/document-types', {
    schema: { tags, security, summary: 'Document types to suggest for a rule: identity types, types stored in case files (with counts), types rules name', response: { 200: z.object({ items: z.array(KnownDocumentType) }) } },
  }, async (request) => ({ items: await knownDocumentTypes(db, staffContextOf(request)) }));

  app.get('/api/v1/people/retention/report', {
    schema: { tags, security, summary: 'Dry run: who and which documents the anonymisation task would treat now, and who is held back by open activity', response: { 200: RetentionReport } },
  }, async (request) => retentionReport(db, staffContextOf(request)));
};
