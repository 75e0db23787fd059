import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import * as calendar from './network.calendar.service.js';
import {
  CentreDetail,
  CentreExceptionParams,
  CentreInput,
  CentrePatch,
  CentreView,
  CalendarDate,
  DateRangeQuery,
  ExceptionInput,
  ExceptionPatch,
  ExceptionView,
  IdParams,
  IncludeArchivedQuery,
  NetworkView,
  NoContent,
  OpeningCalendar,
  WeeklyHours,
} from './network.schemas.js';
import * as centres from './network.service.js';
import { networkUnitRoutes } from './network.units.routes.js';

const tags = ['network'];
const security = [{ session: [] }];
const archivedToo = (query: { includeArchived?: 'true' | 'false' }) => query.includeArchived === 'true';

/** The network, its centres, and each centre's opening hours and calendar. */
export const networkRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  app.get('/api/v1/network', {
    schema: { tags, security, summary: 'The network: its name and host language', response: { 200: NetworkView } },
  }, async (request) => centres.getNetwork(db, staffContextOf(request)));

  app.get('/api/v1/centres', {
    schema: { tags, security, summary: 'Centres the signed-in staff member works in (all of them at network scope)', querystring: IncludeArchivedQuery, response: { 200: z.array(CentreView) } },
  }, async (request) => centres.listCentres(db, staffContextOf(request), { includeArchived: archivedToo(request.query) }));

  app.post('/api/v1/centres', {
    schema: { tags, security, summary: 'Create a centre (network.manage_centres at network scope)', body: CentreInput, response: { 201: CentreView } },
  }, async (request, reply) => reply.status(201).send(await centres.createCentre(db, staffContextOf(request), request.body)));

  app.get('/api/v1/centres/:id', {
    schema: { tags, security, summary: 'One centre with its weekly opening hours and coming calendar exceptions', params: IdParams, response: { 200: CentreDetail } },
  }, async (request) => centres.getCentre(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/centres/:id', {
    schema: { tags, security, summary: 'Change a centre (network.manage_centres)', params: IdParams, body: CentrePatch, response: { 200: CentreView } },
  }, async (request) => centres.updateCentre(db, staffContextOf(request), request.params.id, request.body));

  app.post('/api/v1/centres/:id/archive', {
    schema: { tags, security, summary: 'Archive a centre: it leaves lists but keeps its history', params: IdParams, response: { 200: CentreView } },
  }, async (request) => centres.setCentreArchived(db, staffContextOf(request), request.params.id, true));

  app.post('/api/v1/centres/:id/restore', {
    schema: { tags, security, summary: 'Bring an archived centre back', params: IdParams, response: { 200: CentreView } },
  }, async (request) => centres.setCentreArchived(db, staffContextOf(request), request.params.id, false));

  app.put('/api/v1/centres/:id/opening-hours', {
    schema: {
      tags,
      security,
      summary: 'Replace the weekly opening hours (weekday 1 = Monday; intervals of a day must not overlap)',
      params: IdParams,
      body: WeeklyHours,
      response: { 200: WeeklyHours },
    },
  }, async (request) => ({ hours: await calendar.replaceWeeklyHours(db, staffContextOf(request), request.params.id, request.body.hours) }));

  app.get('/api/v1/centres/:id/opening', {
    schema: {
      tags,
      security,
      summary: 'Effective hours per day from..to (calendar exceptions override the weekly pattern)',
      params: IdParams,
      querystring: DateRangeQuery,
      response: { 200: OpeningCalendar },
    },
  }, async (request) => calendar.getOpening(db, staffContextOf(request), request.params.id, request.query.from, request.query.to));

  app.get('/api/v1/centres/:id/exceptions', {
    schema: {
      tags,
      security,
      summary: 'Calendar exceptions (holidays, closed days, special hours), optionally between two dates',
      params: IdParams,
      querystring: z.object({ from: CalendarDate.optional(), to: CalendarDate.optional() }),
      response: { 200: z.array(ExceptionView) },
    },
  }, async (request) => calendar.listExceptions(db, staffContextOf(request), request.params.id, request.query));

  app.post('/api/v1/centres/:id/exceptions', {
    schema: { tags, security, summary: 'Add a holiday, closed day or day with special hours', params: IdParams, body: ExceptionInput, response: { 201: ExceptionView } },
  }, async (request, reply) => reply.status(201).send(await calendar.addException(db, staffContextOf(request), request.params.id, request.body)));

  app.patch('/api/v1/centres/:id/exceptions/:exceptionId', {
    schema: { tags, security, summary: 'Change a calendar exception', params: CentreExceptionParams, body: ExceptionPatch, response: { 200: ExceptionView } },
  }, async (request) => calendar.updateException(db, staffContextOf(request), request.params.id, request.params.exceptionId, request.body));

  app.delete('/api/v1/centres/:id/exceptions/:exceptionId', {
    schema: { tags, security, summary: 'Remove a calendar exception: the weekly pattern applies again that day', params: CentreExceptionParams, response: { 204: NoContent } },
  }, async (request, reply) => {
    await calendar.deleteException(db, staffContextOf(request), request.params.id, request.params.exceptionId);
    return reply.status(204).send(null);
  });

  await app.register(networkUnitRoutes(deps));
};
