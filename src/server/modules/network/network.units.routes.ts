import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import * as catalogue from './network.catalogue.service.js';
import * as counters from './network.counters.service.js';
import { IdParams, IncludeArchivedQuery } from './network.schemas.js';
import { CounterInput, CounterPatch, CounterView, ServiceInput, ServicePatch, ServiceView, UnitInput, UnitPatch, UnitView } from './network.units.schemas.js';
import * as units from './network.units.service.js';

const tags = ['network'];
const security = [{ session: [] }];
const archivedToo = (query: { includeArchived?: 'true' | 'false' }) => query.includeArchived === 'true';

/** Units under a centre's roof, the services they offer and the counters that serve them. */
export const networkUnitRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  // ── Units ──────────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/centres/:id/units', {
    schema: { tags, security, summary: 'Units of a centre', params: IdParams, querystring: IncludeArchivedQuery, response: { 200: z.array(UnitView) } },
  }, async (request) => units.listUnits(db, staffContextOf(request), request.params.id, archivedToo(request.query)));

  app.post('/api/v1/centres/:id/units', {
    schema: { tags, security, summary: 'Create a unit (network.manage_units on the network or that centre)', params: IdParams, body: UnitInput, response: { 201: UnitView } },
  }, async (request, reply) => reply.status(201).send(await units.createUnit(db, staffContextOf(request), request.params.id, request.body)));

  app.get('/api/v1/units/:id', {
    schema: { tags, security, summary: 'One unit', params: IdParams, response: { 200: UnitView } },
  }, async (request) => units.getUnit(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/units/:id', {
    schema: { tags, security, summary: 'Change a unit (network.manage_units)', params: IdParams, body: UnitPatch, response: { 200: UnitView } },
  }, async (request) => units.updateUnit(db, staffContextOf(request), request.params.id, request.body));

  app.post('/api/v1/units/:id/archive', {
    schema: { tags, security, summary: 'Archive a unit', params: IdParams, response: { 200: UnitView } },
  }, async (request) => units.setUnitArchived(db, staffContextOf(request), request.params.id, true));

  app.post('/api/v1/units/:id/restore', {
    schema: { tags, security, summary: 'Bring an archived unit back', params: IdParams, response: { 200: UnitView } },
  }, async (request) => units.setUnitArchived(db, staffContextOf(request), request.params.id, false));

  // ── Services ───────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/centres/:id/services', {
    schema: { tags, security, summary: 'Every service offered at a centre, whatever the unit', params: IdParams, querystring: IncludeArchivedQuery, response: { 200: z.array(ServiceView) } },
  }, async (request) => catalogue.listServicesOfCentre(db, staffContextOf(request), request.params.id, archivedToo(request.query)));

  app.get('/api/v1/units/:id/services', {
    schema: { tags, security, summary: 'Services of a unit', params: IdParams, querystring: IncludeArchivedQuery, response: { 200: z.array(ServiceView) } },
  }, async (request) => catalogue.listServicesOfUnit(db, staffContextOf(request), request.params.id, archivedToo(request.query)));

  app.post('/api/v1/units/:id/services', {
    schema: {
      tags,
      security,
      summary: 'Create a service (network.manage_services); names need the host language, the ticket prefix is unique in the centre',
      params: IdParams,
      body: ServiceInput,
      response: { 201: ServiceView },
    },
  }, async (request, reply) => reply.status(201).send(await catalogue.createService(db, staffContextOf(request), request.params.id, request.body)));

  app.get('/api/v1/services/:id', {
    schema: { tags, security, summary: 'One service', params: IdParams, response: { 200: ServiceView } },
  }, async (request) => catalogue.getService(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/services/:id', {
    schema: { tags, security, summary: 'Change a service (network.manage_services)', params: IdParams, body: ServicePatch, response: { 200: ServiceView } },
  }, async (request) => catalogue.updateService(db, staffContextOf(request), request.params.id, request.body));

  app.post('/api/v1/services/:id/archive', {
    schema: { tags, security, summary: 'Archive a service: counters stop serving it', params: IdParams, response: { 200: ServiceView } },
  }, async (request) => catalogue.setServiceArchived(db, staffContextOf(request), request.params.id, true));

  app.post('/api/v1/services/:id/restore', {
    schema: { tags, security, summary: 'Bring an archived service back (its prefix must still be free)', params: IdParams, response: { 200: ServiceView } },
  }, async (request) => catalogue.setServiceArchived(db, staffContextOf(request), request.params.id, false));

  // ── Counters ───────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/units/:id/counters', {
    schema: { tags, security, summary: 'Counters of a unit', params: IdParams, querystring: IncludeArchivedQuery, response: { 200: z.array(CounterView) } },
  }, async (request) => counters.listCounters(db, staffContextOf(request), request.params.id, archivedToo(request.query)));

  app.post('/api/v1/units/:id/counters', {
    schema: { tags, security, summary: 'Create a counter (network.manage_services) serving services of the same centre', params: IdParams, body: CounterInput, response: { 201: CounterView } },
  }, async (request, reply) => reply.status(201).send(await counters.createCounter(db, staffContextOf(request), request.params.id, request.body)));

  app.get('/api/v1/counters/:id', {
    schema: { tags, security, summary: 'One counter with the services it can serve', params: IdParams, response: { 200: CounterView } },
  }, async (request) => counters.getCounter(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/counters/:id', {
    schema: { tags, security, summary: 'Change a counter; serviceIds replaces the whole list', params: IdParams, body: CounterPatch, response: { 200: CounterView } },
  }, async (request) => counters.updateCounter(db, staffContextOf(request), request.params.id, request.body));

  app.post('/api/v1/counters/:id/archive', {
    schema: { tags, security, summary: 'Archive a counter', params: IdParams, response: { 200: CounterView } },
  }, async (request) => counters.setCounterArchived(db, staffContextOf(request), request.params.id, true));

  app.post('/api/v1/counters/:id/restore', {
    schema: { tags, security, summary: 'Bring an archived counter back', params: IdParams, response: { 200: CounterView } },
  }, async (request) => counters.setCounterArchived(db, staffContextOf(request), request.params.id, false));
};
