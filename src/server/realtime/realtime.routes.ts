import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import type { AppDependencies } from '../app.js';
import { staffContextOf } from '../http/request-context.js';
import { SESSION_COOKIE, findLiveSessionByToken, loadActor } from '../modules/auth/auth.repo.js';
import { mayReceive } from './realtime.policy.js';
import { EventStream, OpenStreams } from './sse.js';
import { resumePointOf, sendEventStream } from './stream-reply.js';

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
    const lastEventId = resumePointOf(request.headers['last-event-id'], request.query.lastEventId);
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
    return sendEventStream(reply, stream);
  });
};
