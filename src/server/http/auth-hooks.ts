import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { findSessionActor, SESSION_COOKIE, touchSession } from '../modules/auth/auth.repo.js';
import { AppError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Writes a signed-out person may make: signing in and finishing a single sign-on.
const CSRF_EXEMPT_PATHS = new Set(['/api/v1/auth/login']);
// Refreshing last_seen_at on every request would turn each read into a write.
const TOUCH_AFTER_MS = 60_000;

/**
 * Finds the staff member behind the session cookie, and refuses cookie-authenticated writes that do
 * not echo the session's CSRF token in the `x-csrf-token` header.
 */
export function registerAuthHooks(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    // The public API (portal, kiosk, "my procedures") serves the person, never the staff member who
    // happens to be signed in in the same browser (e.g. following a person's booking link from the
    // outbox): it ignores the session, so it needs no CSRF token and audits no staff actor.
    if (!token || !request.url.startsWith('/api/') || request.url.startsWith('/api/v1/public/')) return;
    const found = await findSessionActor(db, token);
    if (!found) return;
    const { session, actor } = found;
    request.sessionCsrfToken = session.csrf_token;
    if (!actor) return;
    request.actor = actor;
    if (Date.now() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) await touchSession(db, session.id);
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.sessionCsrfToken) return;
    if (CSRF_EXEMPT_PATHS.has(routePath(request))) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, request.sessionCsrfToken)) {
      throw new AppError('csrf_failed', 'The request is missing its security token; reload the page and try again');
    }
  });
}

function routePath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0] ?? '';
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
