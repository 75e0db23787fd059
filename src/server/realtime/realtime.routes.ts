import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { AppDependencies } from '../app.js';
import { AppError } from '../http/errors.js';
import { staffContextOf } from '../http/request-context.js';
import { SESSION_COOKIE, findLiveSessionByToken, loadActor } from '../modules/auth/auth.repo.js';
import { mayReceive } from './realtime.policy.js';
import { EventStream, OpenStreams } from './sse.js';

const Position = z.string().regex(/^\d{1,15}$/, 'expected the id of the last event received');

const StreamQuery = z.object({
  /** For clients that cannot set the Last-Event-ID header (the header wins when both are sent). */
  lastEventId: Position.optional(),
});

const StreamHeaders = z.looseObject({ 'last-event-id': Position.optional() });

export const realtimeRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, bus, config } = deps;
  const streams = new OpenStreams();
  // Open streams never end by themselves; without this, closing the server would wait for them.
  app.addHook('preClose', (done) => {
    streams.closeAll();
    done();
  });

  app.get('/api/v1/events/stream', {
    schema: {
      tags: ['realtime'],
      summary: 'Server-Sent Events of the places the signed-in staff member may see (docs/realtime.md)',
      querystring: StreamQuery,
      headers: StreamHeaders,
      response: {
        200: {
          description: 'An endless text/event-stream: `id: <position>`, `event: <type>`, `data: <json envelope>`',
          content: { 'text/event-stream': { schema: z.string() } },
        },
      },
    },
  }, async (request, reply) => {
    let actor: Actor = staffContextOf(request).actor;
    const given = request.headers['last-event-id'] ?? request.query.lastEventId;
    const lastEventId = typeof given === 'string' ? Number.parseInt(given, 10) : undefined;
    if (lastEventId !== undefined && !Number.isSafeInteger(lastEventId)) {
      throw AppError.invalid([{ path: 'headers.last-event-id', message: 'expected the id of the last event received' }]);
    }
    const token = request.cookies[SESSION_COOKIE];

    const stream = new EventStream({
      bus,
      lastEventId,
      heartbeatMs: config.realtimeHeartbeatMs,
      log: request.log,
      mayReceive: (event) => mayReceive(actor, event),
      // Grants can be withdrawn and sessions revoked while a stream stays open for hours.
      async stillAllowed() {
        const session = token ? await findLiveSessionByToken(db, token) : undefined;
        if (!session || session.second_factor_pending) return false;
        const current = await loadActor(db, session.staff_id, session.id);
        if (!current) return false;
        actor = current;
        return true;
      },
    });
    streams.add(stream);
    void stream.start();
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      // Proxies such as nginx must pass each event through at once.
      .header('x-accel-buffering', 'no')
      // A stream's connection is not reused: closing it when the stream ends lets shutdown finish at once.
      .header('connection', 'close')
      // A stream is the body; the schema above documents the text it carries.
      .send(stream.body as unknown as string);
  });
};
