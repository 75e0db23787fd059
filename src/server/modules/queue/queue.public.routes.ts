import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { contextOf, staffContextOf } from '../../http/request-context.js';
import { EventStream, OpenStreams } from '../../realtime/sse.js';
import { resumePointOf, sendEventStream } from '../../realtime/stream-reply.js';
import { authoriseDevice, createDevice, deviceStillAllowed, listDevices, revokeDevice, setServiceDailyQuota } from './queue.devices.service.js';
import { issueFromKiosk, kioskState } from './queue.kiosk.service.js';
import { listDailyQuotas } from './queue.quotas.service.js';
import { displayState, presentScreenEvent, screenMayReceive, TicketWatch } from './queue.public-streams.js';
import {
  CentreParams,
  DailyQuotaInput,
  DailyQuotaList,
  DailyQuotaView,
  DeviceInput,
  DeviceList,
  DeviceView,
  DisplayQuery,
  DisplayState,
  DisplayStreamQuery,
  KioskHeaders,
  KioskIssueHeaders,
  KioskState,
  KioskTicket,
  KioskTicketInput,
  NewDeviceView,
} from './queue.public.schemas.js';
import { IdParams, PublicTicketParams } from './queue.schemas.js';

const tags = ['queue'];
const security = [{ session: [] }];
const StreamHeaders = z.looseObject({ 'last-event-id': z.string().regex(/^\d{1,15}$/, 'expected the id of the last event received').optional() });
const StreamResponse = {
  200: {
    description: 'An endless text/event-stream: `id: <position>`, `event: <type>`, `data: <json>` (docs/queue.md, "Public streams")',
    content: { 'text/event-stream': { schema: z.string() } },
  },
};

/** Information screens, kiosks and the person's phone (docs/queue.md, "The public side"). */
export const queuePublicRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, bus, config } = deps;
  const streams = new OpenStreams();
  app.addHook('preClose', (done) => {
    streams.closeAll();
    done();
  });

  // ── Device tokens (centre managers) ────────────────────────────────────────────────────────────

  app.post('/api/v1/centres/:centreId/queue-devices', {
    schema: { tags, security, summary: 'Create a screen or kiosk token (queue.manage on the centre); the token is shown once', params: CentreParams, body: DeviceInput, response: { 201: NewDeviceView } },
  }, async (request, reply) => reply.status(201).send(await createDevice(db, staffContextOf(request), request.params.centreId, request.body)));

  app.get('/api/v1/centres/:centreId/queue-devices', {
    schema: { tags, security, summary: "The centre's screens and kiosks, revoked ones included", params: CentreParams, response: { 200: DeviceList } },
  }, async (request) => listDevices(db, staffContextOf(request), request.params.centreId));

  app.post('/api/v1/queue-devices/:id/revoke', {
    schema: { tags, security, summary: 'Revoke a device token: its streams end, its requests are refused', params: IdParams, response: { 200: DeviceView } },
  }, async (request) => revokeDevice(db, staffContextOf(request), request.params.id));

  app.put('/api/v1/services/:id/daily-quota', {
    schema: { tags, security, summary: 'How many tickets kiosks may issue for a service per day (queue.manage at its unit)', params: IdParams, body: DailyQuotaInput, response: { 200: DailyQuotaView } },
  }, async (request) => setServiceDailyQuota(db, staffContextOf(request), request.params.id, request.body));

  app.get('/api/v1/centres/:centreId/kiosk-quotas', {
    schema: { tags, security, summary: "Kiosk daily quotas of the centre's services the actor may change, with today's tickets", params: CentreParams, response: { 200: DailyQuotaList } },
  }, async (request) => listDailyQuotas(db, staffContextOf(request), request.params.centreId));

  // ── Information screen ─────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/public/display/:centreId', {
    schema: { tags, summary: "A screen's state: the centre's latest calls (screen token; nothing personal)", params: CentreParams, querystring: DisplayQuery, response: { 200: DisplayState } },
  }, async (request, reply) => {
    const device = await authoriseDevice(db, request.query.token, 'screen', request.params.centreId);
    reply.header('cache-control', 'no-store');
    return displayState(db, device);
  });

  app.get('/api/v1/public/display/:centreId/stream', {
    schema: { tags, summary: "Calls of the screen's centre (or unit) as they happen; resumes with Last-Event-ID", params: CentreParams, querystring: DisplayStreamQuery, headers: StreamHeaders, response: StreamResponse },
  }, async (request, reply) => {
    const device = await authoriseDevice(db, request.query.token, 'screen', request.params.centreId);
    const stream = new EventStream({
      bus,
      lastEventId: resumePointOf(request.headers['last-event-id'], request.query.lastEventId),
      heartbeatMs: config.realtimeHeartbeatMs,
      log: request.log,
      mayReceive: (event) => screenMayReceive(device, event),
      present: presentScreenEvent,
      stillAllowed: () => deviceStillAllowed(db, device.id),
    });
    streams.add(stream);
    return sendEventStream(reply, stream);
  });

  // ── The person's phone ─────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/public/tickets/:code/stream', {
    schema: {
      tags,
      summary: "Moments of a ticket's queue: its own (called, done, transferred) in full, others as 'the line moved'",
      params: PublicTicketParams,
      querystring: z.object({ lastEventId: z.string().regex(/^\d{1,15}$/).optional() }),
      headers: StreamHeaders,
      response: StreamResponse,
    },
  }, async (request, reply) => {
    const watch = await TicketWatch.ofCode(db, request.params.code);
    const stream = new EventStream({
      bus,
      lastEventId: resumePointOf(request.headers['last-event-id'], request.query.lastEventId),
      heartbeatMs: config.realtimeHeartbeatMs,
      log: request.log,
      mayReceive: (event) => watch.mayReceive(event),
      present: (event) => watch.present(event),
    });
    streams.add(stream);
    return sendEventStream(reply, stream);
  });

  // ── Kiosk ──────────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/public/kiosk/:centreId', {
    schema: { tags, summary: 'What the kiosk offers now: services open, closed or full, with the wait of a ticket issued now (kiosk token)', params: CentreParams, headers: KioskHeaders, response: { 200: KioskState } },
  }, async (request, reply) => {
    const device = await authoriseDevice(db, request.headers['x-device-token'], 'kiosk', request.params.centreId);
    reply.header('cache-control', 'no-store');
    return kioskState(db, device);
  });

  app.post('/api/v1/public/kiosk/:centreId/tickets', {
    schema: { tags, summary: "Issue a ticket from the kiosk (origin 'kiosk', within the service's daily quota); Idempotency-Key", params: CentreParams, headers: KioskIssueHeaders, body: KioskTicketInput, response: { 201: KioskTicket } },
  }, async (request, reply) => {
    const device = await authoriseDevice(db, request.headers['x-device-token'], 'kiosk', request.params.centreId);
    const ticket = await issueFromKiosk(db, contextOf(request), device, request.body, { idempotencyKey: request.headers['idempotency-key'] });
    return reply.status(201).send(ticket);
  });
};
