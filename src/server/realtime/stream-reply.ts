import type { FastifyReply } from 'fastify';
import { AppError } from '../http/errors.js';
import type { EventStream } from './sse.js';

/**
 * What every SSE route does around its EventStream: read the resume point (Last-Event-ID header, or
 * `?lastEventId=` for clients that cannot set headers; the header wins) and answer with the stream.
 */
export function resumePointOf(header: unknown, query: string | undefined): number | undefined {
  const given = typeof header === 'string' ? header : query;
  if (given === undefined) return undefined;
  const position = /^\d{1,15}$/.test(given) ? Number.parseInt(given, 10) : Number.NaN;
  if (!Number.isSafeInteger(position)) throw AppError.invalid([{ path: 'headers.last-event-id', message: 'expected the id of the last event received' }]);
  return position;
}

export function sendEventStream(reply: FastifyReply, stream: EventStream): FastifyReply {
  void stream.start();
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    // Proxies such as nginx must pass each event through at once.
    .header('x-accel-buffering', 'no')
    // A stream's connection is not reused: closing it when the stream ends lets shutdown finish at once.
    .header('connection', 'close')
    .send(stream.body);
}
