import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../access/actor.js';
import type { AppDependencies } from '../../app.js';
import { AppError } from '../../http/errors.js';
import { contextOf, staffContextOf } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { accountRoutes } from './auth.account.routes.js';
import { setSessionCookie } from './auth.cookies.js';
import { oidcRoutes } from './auth.oidc.routes.js';
import { SESSION_COOKIE, hashToken, loadActor } from './auth.repo.js';
import { LoginBody, Me, SecondFactorBody, SessionState } from './auth.schemas.js';
import { completeSecondFactor } from './auth.second-factor.service.js';
import { login } from './auth.service.js';

export function presentMe(actor: Actor): z.infer<typeof Me> {
  return { id: actor.staffId, username: actor.username, displayName: actor.displayName, grants: actor.grants };
}

export const authRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;
  await app.register(accountRoutes(deps));
  await app.register(oidcRoutes(deps));

  app.post('/api/v1/auth/login', {
    schema: { tags: ['auth'], summary: 'Sign in with username and password', body: LoginBody, response: { 200: SessionState } },
  }, async (request, reply) => {
    const result = await login(db, config, contextOf(request), {
      ...request.body,
      userAgent: request.headers['user-agent'] ?? null,
    });
    setSessionCookie(reply, config, result.sessionToken, result.expiresAt);
    if (result.secondFactorRequired) return { status: 'second_factor_required' as const, csrfToken: result.csrfToken, me: null };
    const actor = await loadActor(db, result.staffId, null);
    if (!actor) throw new AppError('invalid_credentials', 'The username or password is not correct');
    return { status: 'signed_in' as const, csrfToken: result.csrfToken, me: presentMe(actor) };
  });

  app.post('/api/v1/auth/second-factor', {
    schema: {
      tags: ['auth'],
      summary: 'Finish signing in with the code of an authenticator app',
      description: 'After the password, when the login answered second_factor_required. A few wrong codes end the pending sign-in.',
      body: SecondFactorBody,
      response: { 200: SessionState },
    },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('unauthenticated', 'This sign-in has ended; please enter your password again');
    const result = await completeSecondFactor(db, config, contextOf(request), { sessionToken: token, code: request.body.code });
    setSessionCookie(reply, config, result.sessionToken, result.expiresAt);
    const actor = await loadActor(db, result.staffId, null);
    if (!actor) throw new AppError('unauthenticated', 'This sign-in has ended; please enter your password again');
    return { status: 'signed_in' as const, csrfToken: result.csrfToken, me: presentMe(actor) };
  });

  app.get('/api/v1/auth/session', {
    schema: { tags: ['auth'], summary: 'The current session and the signed-in staff member', response: { 200: SessionState } },
  }, async (request) => {
    if (!request.sessionCsrfToken) throw new AppError('unauthenticated', 'Please sign in');
    if (!request.actor) return { status: 'second_factor_required' as const, csrfToken: request.sessionCsrfToken, me: null };
    return { status: 'signed_in' as const, csrfToken: request.sessionCsrfToken, me: presentMe(request.actor) };
  });

  app.post('/api/v1/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await db.transaction().execute(async (trx) => {
        const ended = await trx
          .updateTable('staff_sessions')
          .set({ revoked_at: new Date() })
          .where('token_hash', '=', hashToken(token))
          .where('revoked_at', 'is', null)
          .returning(['id', 'staff_id'])
          .executeTakeFirst();
        if (ended) await recordAudit(trx, contextOf(request), { action: 'auth.logout', resourceType: 'staff', resourceId: ended.staff_id });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in staff member and their roles', response: { 200: Me } },
  }, async (request) => presentMe(staffContextOf(request).actor));
};
