import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { IdParams } from './queue.schemas.js';
import { centreBoard, centreVisitsToday, myCounters } from './queue.staff.service.js';
import { CentreBoard, CentreVisits, CentreVisitsQuery, MyCounters } from './queue.staff.schemas.js';

const tags = ['queue'];
const security = [{ session: [] }];

/** Reads behind the staff surfaces: the counter choice, reception's list of the day, the centre board. */
export const queueStaffRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  app.get('/api/v1/queue/my-counters', {
    schema: { tags, security, summary: 'Counters the signed-in staff member may serve at (queue.serve), with their state', response: { 200: MyCounters } },
  }, async (request) => myCounters(db, staffContextOf(request)));

  app.get('/api/v1/centres/:id/queue/visits', {
    schema: { tags, security, summary: "Today's visits of a centre with their tickets, newest first (queue.issue at the centre)", params: IdParams, querystring: CentreVisitsQuery, response: { 200: CentreVisits } },
  }, async (request) => centreVisitsToday(db, staffContextOf(request), request.params.id, request.query));

  app.get('/api/v1/centres/:id/queue-board', {
    schema: { tags, security, summary: 'Per unit: waiting, longest wait, counters open, served today (queue.read; a unit grant sees its units)', params: IdParams, response: { 200: CentreBoard } },
  }, async (request) => centreBoard(db, staffContextOf(request), request.params.id));
};
