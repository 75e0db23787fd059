import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { AppError } from './errors.js';

/** Who is asking and from where: what services need to authorise and audit, without HTTP. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
}

export interface StaffContext extends RequestContext {
  actor: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token when the actor came by cookie. */
    sessionCsrfToken: string | null;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id };
}

/** The context of a signed-in staff member; 401 otherwise. */
export function staffContextOf(request: FastifyRequest): StaffContext {
  if (!request.actor) throw new AppError('unauthenticated', 'Please sign in');
  return { actor: request.actor, ip: request.ip, requestId: request.id };
}
