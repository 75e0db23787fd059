import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import * as partners from './directory.partners.js';
import { PartnerInput, PartnerSummary, PartnerView } from './directory.partners.schemas.js';
import { AppError } from '../../http/errors.js';
import { findPartner, PartnerContact, PartnerSearchQuery, searchPartners } from './directory.partner-lookup.js';
import * as directory from './directory.service.js';

const tags = ['directory'];
const security = [{ session: [] }];
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const ServicesQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  modified_after: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as 2026-01-31T00:00:00Z' }).optional(),
  /** OneRoof extension: the services of this centre and every partner (what a kiosk there shows). */
  centre_id: z.uuid().optional(),
});
const ExportQuery = z.object({ format: z.enum(['json', 'datapackage']).default('json') });
const AnyObject = z.record(z.string(), z.unknown());
const ImportResult = z.object({ imported: z.record(z.string(), z.int()) });

/** The service directory: public HSDS reading and export; import and regeneration for editors. */
export const directoryRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;
  // A data package arrives as a ZIP file; HSDS JSON as JSON.
  app.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/v1/public/directory/services', {
    schema: { tags, summary: 'Services as HSDS v3 objects, paged; modified_after lists only what changed since', querystring: ServicesQuery, response: { 200: AnyObject } },
  }, async (request) =>
    directory.listServices(db, {
      page: request.query.page,
      perPage: request.query.per_page,
      modifiedAfter: request.query.modified_after ? new Date(request.query.modified_after) : undefined,
      centreId: request.query.centre_id,
    }),
  );

  app.get('/api/v1/public/directory/services/:id', {
    schema: { tags, summary: 'One service as an HSDS v3 object', params: z.object({ id: z.uuid() }), response: { 200: AnyObject } },
  }, async (request) => directory.getService(db, request.params.id));

  app.get('/api/v1/public/directory/partners', {
    schema: { tags, summary: 'Outside partners (associations, NGOs, municipal services) whose name holds every word of q, with phones and addresses (OneRoof extension)', querystring: PartnerSearchQuery, response: { 200: z.object({ items: z.array(PartnerContact) }) } },
  }, async (request) => ({ items: await searchPartners(db, request.query) }));

  app.get('/api/v1/public/directory/partners/:id', {
    schema: { tags, summary: 'One outside partner with its phones and addresses; 404 for a unit under the roof', params: z.object({ id: z.uuid() }), response: { 200: PartnerContact } },
  }, async (request) => {
    const partner = await findPartner(db, request.params.id);
    if (!partner) throw AppError.notFound('The partner');
    return partner;
  });

  app.get('/api/v1/public/directory/export', {
    schema: { tags, summary: 'The whole directory: HSDS JSON, or a tabular data package (ZIP of datapackage.json and CSVs)', querystring: ExportQuery },
  }, async (request, reply) => {
    if (request.query.format === 'datapackage') {
      const archive = await directory.exportDataPackage(db);
      return reply.header('content-type', 'application/zip').header('content-disposition', 'attachment; filename="directory-datapackage.zip"').send(archive);
    }
    return reply.header('content-disposition', 'attachment; filename="directory-hsds.json"').send(await directory.exportJson(db));
  });

  app.post('/api/v1/directory/import', {
    bodyLimit: MAX_IMPORT_BYTES,
    schema: { tags, security, summary: 'Import HSDS JSON or a data package (application/zip): all rows or none, with every bad row named', response: { 200: ImportResult } },
  }, async (request) => {
    const context = staffContextOf(request);
    return Buffer.isBuffer(request.body) ? directory.importDirectory(db, context, { dataPackage: request.body }) : directory.importDirectory(db, context, { json: request.body });
  });

  // ── Partners kept by hand (directory.manage, like import) ─────────────────────────────────────

  app.get('/api/v1/directory/partners', {
    schema: { tags, security, summary: 'Outside partner organisations, by name (directory.manage)', response: { 200: z.array(PartnerSummary) } },
  }, async (request) => partners.listPartners(db, staffContextOf(request)));

  app.post('/api/v1/directory/partners', {
    schema: { tags, security, summary: 'Add a partner organisation with its locations and services (directory.manage)', body: PartnerInput, response: { 201: PartnerView } },
  }, async (request, reply) => reply.status(201).send(await partners.createPartner(db, staffContextOf(request), request.body)));

  app.get('/api/v1/directory/partners/:id', {
    schema: { tags, security, summary: 'One partner organisation as the editor shows it', params: z.object({ id: z.uuid() }), response: { 200: PartnerView } },
  }, async (request) => partners.getPartner(db, staffContextOf(request), request.params.id));

  app.put('/api/v1/directory/partners/:id', {
    schema: {
      tags,
      security,
      summary: 'Save a partner as a whole: locations and services keep their ids, their addresses, phones, hours, languages and documents are replaced; those left out are removed',
      params: z.object({ id: z.uuid() }),
      body: PartnerInput,
      response: { 200: PartnerView },
    },
  }, async (request) => partners.updatePartner(db, staffContextOf(request), request.params.id, request.body));

  app.post('/api/v1/directory/sync-network', {
    schema: { tags, security, summary: 'Regenerate the entries of the units under the roof from the network model', response: { 200: z.object({ changed: z.int(), removed: z.int() }) } },
  }, async (request) => directory.syncFromNetwork(db, staffContextOf(request), config.hostLanguage));
};
