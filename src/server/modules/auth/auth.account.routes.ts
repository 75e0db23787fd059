import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import {
  ChangePasswordBody,
  EndedSessions,
  SecondFactorBody,
  SessionList,
  SessionParams,
  TotpEnrolmentView,
  TotpStatus,
} from './auth.schemas.js';
import { changeMyPassword, endMyOtherSessions, endMySession, listMySessions } from './auth.sessions.service.js';
import { confirmTotpEnrolment, disableTotp, secondFactorStatus, startTotpEnrolment } from './auth.totp.service.js';

const tags = ['my account'];

/** What every signed-in staff member may do with their own account: sessions, password, second factor. */
export const accountRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;

  app.get('/api/v1/auth/sessions', {
    schema: { tags, summary: 'My sessions that still work, newest activity first', response: { 200: SessionList } },
  }, async (request) => ({ items: await listMySessions(db, staffContextOf(request)) }));

  app.delete('/api/v1/auth/sessions/:sessionId', {
    schema: { tags, summary: 'End one of my sessions', params: SessionParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await endMySession(db, staffContextOf(request), request.params.sessionId);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/auth/sessions/end-others', {
    schema: { tags, summary: 'End all my sessions except this one', response: { 200: EndedSessions } },
  }, async (request) => ({ ended: await endMyOtherSessions(db, staffContextOf(request)) }));

  app.post('/api/v1/auth/password', {
    schema: {
      tags,
      summary: 'Change my password',
      description: 'Needs the current password; ends my other sessions.',
      body: ChangePasswordBody,
      response: { 200: z.object({ endedSessions: z.number().int() }) },
    },
  }, async (request) => changeMyPassword(db, staffContextOf(request), request.body));

  app.get('/api/v1/auth/second-factor/totp', {
    schema: { tags, summary: 'Whether 2-step verification with an authenticator app is on for me', response: { 200: TotpStatus } },
  }, async (request) => secondFactorStatus(db, staffContextOf(request)));

  app.post('/api/v1/auth/second-factor/totp/enrolment', {
    schema: {
      tags,
      summary: 'Start setting up an authenticator app',
      description: 'Returns a new secret, its otpauth:// link and a QR code. It is on only after a confirmation with a code.',
      response: { 200: TotpEnrolmentView },
    },
  }, async (request, reply) => {
    // The secret is shown once; no cache may keep it.
    reply.header('cache-control', 'no-store');
    return startTotpEnrolment(db, config, staffContextOf(request));
  });

  app.post('/api/v1/auth/second-factor/totp/confirm', {
    schema: { tags, summary: 'Turn the authenticator app on with a code it shows', body: SecondFactorBody, response: { 200: TotpStatus } },
  }, async (request) => {
    await confirmTotpEnrolment(db, config, staffContextOf(request), request.body.code);
    return { enabled: true };
  });

  app.post('/api/v1/auth/second-factor/totp/disable', {
    schema: { tags, summary: 'Turn 2-step verification off with a current code', body: SecondFactorBody, response: { 200: TotpStatus } },
  }, async (request) => {
    await disableTotp(db, config, staffContextOf(request), request.body.code);
    return { enabled: false };
  });
};
