import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { contextOf, staffContextOf } from '../../http/request-context.js';
import { callNext, closeCounter, openCounter, pauseCounter } from './queue.counter.service.js';
import { issueVisit } from './queue.issue.service.js';
import { counterQueue, getTicketDetail, publicTicket } from './queue.read.service.js';
import { dailyReport, reportCsv } from './queue.report.service.js';
import {
  CallNextResult,
  CounterQueueView,
  CounterStateView,
  DailyReport,
  EndInput,
  IdempotencyHeaders,
  IdParams,
  NoteInput,
  PublicTicketParams,
  PublicTicketView,
  QueuePolicyInput,
  QueuePolicyView,
  ReportQuery,
  ResumeInput,
  TicketDetail,
  TicketView,
  TransferInput,
  VisitInput,
  VisitView,
} from './queue.schemas.js';
import { getQueuePolicy, setQueuePolicy } from './queue.settings.service.js';
import * as tickets from './queue.ticket.service.js';

const tags = ['queue'];
const security = [{ session: [] }];

/** Reception, counters, the virtual queue and daily figures (docs/queue.md). */
export const queueRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;
  const key = (headers: IdempotencyHeaders) => ({ idempotencyKey: headers['idempotency-key'] });

  app.post('/api/v1/queue/visits', {
    schema: { tags, security, summary: 'Open a visit with tickets for one or more services, in order (queue.issue at the centre)', headers: IdempotencyHeaders, body: VisitInput, response: { 201: VisitView } },
  }, async (request, reply) => reply.status(201).send(await issueVisit(db, staffContextOf(request), request.body, { ...key(request.headers), publicUrl: config.publicUrl })));

  app.get('/api/v1/queue/tickets/:id', {
    schema: { tags, security, summary: "A ticket with its visit's details and notes (audited read of personal data)", params: IdParams, response: { 200: TicketDetail } },
  }, async (request) => getTicketDetail(db, staffContextOf(request), request.params.id));

  // ── Counters ───────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/counters/:id/queue', {
    schema: { tags, security, summary: 'The counter and the tickets waiting for its services, in call order, with estimates', params: IdParams, response: { 200: CounterQueueView } },
  }, async (request) => counterQueue(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/counters/:id/open', {
    schema: { tags, security, summary: 'Open the counter (queue.serve at its unit); also ends a pause', params: IdParams, response: { 200: CounterStateView } },
  }, async (request) => openCounter(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/counters/:id/pause', {
    schema: { tags, security, summary: 'Pause the counter: no calls until it is opened again', params: IdParams, response: { 200: CounterStateView } },
  }, async (request) => pauseCounter(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/counters/:id/close', {
    schema: { tags, security, summary: 'Close the counter (its staff member, or queue.manage on the unit)', params: IdParams, response: { 200: CounterStateView } },
  }, async (request) => closeCounter(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/counters/:id/call-next', {
    schema: { tags, security, summary: 'Call the next ticket to this counter; { ticket: null } when nobody waits', params: IdParams, headers: IdempotencyHeaders, response: { 200: CallNextResult } },
  }, async (request) => callNext(db, staffContextOf(request), request.params.id, key(request.headers)));

  // ── Tickets at a counter ───────────────────────────────────────────────────────────────────────

  const simple = [
    ['recall', 'Call the ticket again (screens repeat the call)', tickets.recall],
    ['start', 'The person arrived: start serving', tickets.startService],
  ] as const;
  for (const [path, summary, action] of simple) {
    app.post(`/api/v1/queue/tickets/:id/${path}`, {
      schema: { tags, security, summary, params: IdParams, headers: IdempotencyHeaders, response: { 200: TicketView } },
    }, async (request) => action(db, staffContextOf(request), request.params.id, key(request.headers)));
  }

  app.post('/api/v1/queue/tickets/:id/no-show', {
    schema: { tags, security, summary: "Mark absent after the unit's configured number of calls", params: IdParams, headers: IdempotencyHeaders, response: { 200: TicketView } },
  }, async (request) => tickets.markNoShow(db, staffContextOf(request), request.params.id, key(request.headers)));

  app.post('/api/v1/queue/tickets/:id/end', {
    schema: { tags, security, summary: "End service with an outcome; the visit's next ticket joins its queue", params: IdParams, headers: IdempotencyHeaders, body: EndInput, response: { 200: TicketView } },
  }, async (request) => tickets.endService(db, staffContextOf(request), request.params.id, request.body, key(request.headers)));

  app.post('/api/v1/queue/tickets/:id/transfer', {
    schema: { tags, security, summary: 'Send to another service with the same number and a note; returns the new ticket', params: IdParams, headers: IdempotencyHeaders, body: TransferInput, response: { 200: TicketView } },
  }, async (request) => tickets.transfer(db, staffContextOf(request), request.params.id, request.body, key(request.headers)));

  app.post('/api/v1/queue/tickets/:id/park', {
    schema: { tags, security, summary: 'Put the ticket aside; the counter may call the next one', params: IdParams, headers: IdempotencyHeaders, body: NoteInput, response: { 200: TicketView } },
  }, async (request) => tickets.park(db, staffContextOf(request), request.params.id, request.body, key(request.headers)));

  app.post('/api/v1/queue/tickets/:id/resume', {
    schema: { tags, security, summary: 'Call a parked ticket back to a counter', params: IdParams, headers: IdempotencyHeaders, body: ResumeInput, response: { 200: TicketView } },
  }, async (request) => tickets.resume(db, staffContextOf(request), request.params.id, request.body, key(request.headers)));

  app.post('/api/v1/queue/tickets/:id/cancel', {
    schema: { tags, security, summary: 'Cancel a ticket (reception or its unit while waiting; its counter once called)', params: IdParams, headers: IdempotencyHeaders, body: NoteInput, response: { 200: TicketView } },
  }, async (request) => tickets.cancel(db, staffContextOf(request), request.params.id, request.body, key(request.headers)));

  // ── Policy and figures ─────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/units/:id/queue-policy', {
    schema: { tags, security, summary: "The unit's ordering policy (head starts, no-show calls)", params: IdParams, response: { 200: QueuePolicyView } },
  }, async (request) => getQueuePolicy(db, staffContextOf(request), request.params.id));

  app.put('/api/v1/units/:id/queue-policy', {
    schema: { tags, security, summary: "Set the unit's ordering policy (queue.manage)", params: IdParams, body: QueuePolicyInput, response: { 200: QueuePolicyView } },
  }, async (request) => setQueuePolicy(db, staffContextOf(request), request.params.id, request.body));

  app.get('/api/v1/centres/:id/queue-report', {
    schema: { tags, security, summary: "A centre's day: visits, tickets, waits and service times per centre, unit and service", params: IdParams, querystring: ReportQuery, response: { 200: DailyReport } },
  }, async (request) => dailyReport(db, staffContextOf(request), request.params.id, request.query.day));

  app.get('/api/v1/centres/:id/queue-report.csv', {
    schema: {
      tags,
      security,
      summary: 'The same report as CSV (UTF-8 with BOM)',
      params: IdParams,
      querystring: ReportQuery.extend({ language: z.string().max(10).default('pt') }),
      response: { 200: { description: 'text/csv with a header row', content: { 'text/csv': { schema: z.string() } } } },
    },
  }, async (request, reply) => {
    const report = await dailyReport(db, staffContextOf(request), request.params.id, request.query.day);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oneroof-queue-${request.query.day}.csv"`)
      .header('cache-control', 'no-store')
      .send(reportCsv(report, request.query.language));
  });

  // ── Public: the virtual queue ──────────────────────────────────────────────────────────────────

  app.get('/api/v1/public/tickets/:code', {
    schema: { tags, summary: "A ticket's place in line by the code printed on it (no sign-in, nothing personal)", params: PublicTicketParams, response: { 200: PublicTicketView } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return publicTicket(db, contextOf(request), request.params.code);
  });
};
