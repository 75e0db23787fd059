import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { DocumentUpload, DocumentView, downloadDocument, listDocuments, uploadDocument } from './casefile.documents.service.js';
import { ProcedureInput, ProcedureMoveInput, ProcedureView, WorkflowView } from './casefile.procedures.schemas.js';
import { defineWorkflow, getProcedure, getWorkflow, listProcedures, moveProcedure, openProcedure } from './casefile.procedures.service.js';
import { ReferralInput, ReferralListQuery, ReferralMoveInput, ReferralMoveParams, ReferralView } from './casefile.referrals.schemas.js';
import { getReferral, listReferrals, moveReferral, sendReferral } from './casefile.referrals.service.js';
import { IdParams, PersonParams, ServiceParams } from './casefile.schemas.js';
import { WorkflowInput } from './casefile.workflows.js';

const tags = ['casefile'];
const security = [{ session: [] }];

/** Referrals and their work list, procedures and their workflows, documents. */
export const casefileWorkRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;

  app.post('/api/v1/people/:personId/referrals', {
    schema: { tags, security, summary: 'Refer the person to another unit or a partner association, choosing which sections to share', params: PersonParams, body: ReferralInput, response: { 201: ReferralView } },
  }, async (request, reply) => reply.status(201).send(await sendReferral(db, staffContextOf(request), request.params.personId, request.body)));

  app.get('/api/v1/referrals', {
    schema: { tags, security, summary: 'Referrals of one\'s units (box=incoming is the receiving unit\'s work list), oldest first, with their age', querystring: ReferralListQuery, response: { 200: z.object({ items: z.array(ReferralView) }) } },
  }, async (request) => ({ items: await listReferrals(db, staffContextOf(request), request.query) }));

  app.get('/api/v1/referrals/:id', {
    schema: { tags, security, summary: 'One referral (sending and receiving units only)', params: IdParams, response: { 200: ReferralView } },
  }, async (request) => getReferral(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/referrals/:id/:move', {
    schema: { tags, security, summary: 'accept, reject or complete (receiving unit), revoke (sending unit)', params: ReferralMoveParams, body: ReferralMoveInput, response: { 200: ReferralView } },
  }, async (request) => moveReferral(db, staffContextOf(request), request.params.id, request.params.move, request.body.note));

  app.get('/api/v1/services/:serviceId/workflow', {
    schema: { tags, security, summary: 'The service\'s procedure workflow (the default until a unit administrator defines one)', params: ServiceParams, response: { 200: WorkflowView } },
  }, async (request) => getWorkflow(db, staffContextOf(request), request.params.serviceId));

  app.put('/api/v1/services/:serviceId/workflow', {
    schema: { tags, security, summary: 'Define a new version of the service\'s workflow (unit administrators)', params: ServiceParams, body: WorkflowInput, response: { 200: WorkflowView } },
  }, async (request) => defineWorkflow(db, staffContextOf(request), request.params.serviceId, request.body));

  app.post('/api/v1/people/:personId/procedures', {
    schema: { tags, security, summary: 'Open a procedure of the person with one\'s unit for one of its services', params: PersonParams, body: ProcedureInput, response: { 201: ProcedureView } },
  }, async (request, reply) => reply.status(201).send(await openProcedure(db, staffContextOf(request), request.params.personId, request.body)));

  app.get('/api/v1/people/:personId/procedures', {
    schema: { tags, security, summary: 'The person\'s procedures the viewer may see', params: PersonParams, response: { 200: z.object({ items: z.array(ProcedureView) }) } },
  }, async (request) => ({ items: await listProcedures(db, staffContextOf(request), request.params.personId) }));

  app.get('/api/v1/procedures/:id', {
    schema: { tags, security, summary: 'One procedure with its history', params: IdParams, response: { 200: ProcedureView } },
  }, async (request) => getProcedure(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/procedures/:id/transitions', {
    schema: { tags, security, summary: 'Move a procedure to another state (an allowed move of its workflow; the owning unit only)', params: IdParams, body: ProcedureMoveInput, response: { 200: ProcedureView } },
  }, async (request) => moveProcedure(db, staffContextOf(request), request.params.id, request.body));

  app.post('/api/v1/people/:personId/documents', {
    // Base64 in JSON grows a file by a third; the limit leaves room for that and the other fields.
    bodyLimit: Math.ceil((config.documentMaxBytes * 4) / 3) + 64 * 1024,
    schema: { tags, security, summary: 'Upload a document (PDF, JPEG, PNG, WEBP, HEIC; type read from the content) into one\'s unit\'s section; stored encrypted', params: PersonParams, body: DocumentUpload, response: { 201: DocumentView } },
  }, async (request, reply) => reply.status(201).send(await uploadDocument(db, config, staffContextOf(request), request.params.personId, request.body)));

  app.get('/api/v1/people/:personId/documents', {
    schema: { tags, security, summary: 'The person\'s documents the viewer may see (metadata)', params: PersonParams, response: { 200: z.object({ items: z.array(DocumentView) }) } },
  }, async (request) => ({ items: await listDocuments(db, staffContextOf(request), request.params.personId) }));

  app.get('/api/v1/casefile/documents/:id/content', {
    schema: { tags, security, summary: 'Download a document (audited; 404 outside need-to-know)', params: IdParams },
  }, async (request, reply) => {
    const { document, content } = await downloadDocument(db, config, staffContextOf(request), request.params.id);
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(content);
  });
};
