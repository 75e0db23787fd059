import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';
import { SESSION_COOKIE } from './auth.repo.js';

/** The session cookie: unreadable by scripts, not sent by cross-site sub-requests, Secure over TLS. */
export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}
