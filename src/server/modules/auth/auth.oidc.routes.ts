import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { contextOf } from '../../http/request-context.js';
import { setSessionCookie } from './auth.cookies.js';
import { OIDC_CALLBACK_PATH, OIDC_LOGIN_MINUTES, OidcClient, signInWithIdentity, SsoRefusal } from './auth.oidc.service.js';
import { Providers } from './auth.schemas.js';

const OIDC_COOKIE = 'oneroof_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
const OIDC_START_PATH = '/api/v1/auth/oidc/start';
const tags = ['auth'];
/** The query the provider sends back is passed on as it is: the client library checks it. */
const CallbackQuery = z.record(z.string(), z.string());

/** Single sign-on through an OpenID Connect provider, and what the login page needs to offer it. */
export const oidcRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;
  const client = config.oidc ? new OidcClient(config.oidc, `${config.publicUrl}${OIDC_CALLBACK_PATH}`) : undefined;

  function refuse(reply: FastifyReply, refusal: unknown) {
    if (!(refusal instanceof SsoRefusal)) throw refusal;
    app.log.warn({ reason: refusal.reason, detail: refusal.message }, 'single sign-on refused');
    return reply.redirect(`/login?sso_error=${refusal.reason}`, 303);
  }

  app.get('/api/v1/auth/providers', {
    schema: { tags, summary: 'How staff can sign in: password, and single sign-on when configured', response: { 200: Providers } },
  }, async () => ({
    password: true,
    sso: config.oidc ? { label: config.oidc.buttonLabel, startUrl: OIDC_START_PATH } : null,
  }));

  app.get(OIDC_START_PATH, {
    schema: { tags, summary: 'Start single sign-on: redirects to the identity provider', response: { 303: z.null() } },
  }, async (_request, reply) => {
    if (!client) return refuse(reply, new SsoRefusal('not_configured', 'single sign-on is not configured'));
    try {
      const started = await client.start(db);
      reply.setCookie(OIDC_COOKIE, started.browserToken, {
        httpOnly: true,
        // Lax: the cookie must come along when the provider sends the browser back (a top-level GET).
        sameSite: 'lax',
        secure: config.secureCookies,
        path: OIDC_COOKIE_PATH,
        maxAge: OIDC_LOGIN_MINUTES * 60,
      });
      return reply.redirect(started.url, 303);
    } catch (error) {
      return refuse(reply, error);
    }
  });

  app.get(OIDC_CALLBACK_PATH, {
    schema: { tags, summary: 'Where the identity provider sends the browser back; opens a session', querystring: CallbackQuery, response: { 303: z.null() } },
  }, async (request, reply) => {
    const browserToken = request.cookies[OIDC_COOKIE];
    reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
    if (!client) return refuse(reply, new SsoRefusal('not_configured', 'single sign-on is not configured'));
    try {
      const callbackUrl = new URL(request.url, config.publicUrl);
      const identity = await client.identify(db, browserToken, callbackUrl);
      const signedIn = await signInWithIdentity(db, config, contextOf(request), { ...identity, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, config, signedIn.sessionToken, signedIn.expiresAt);
      return reply.redirect(signedIn.secondFactorRequired ? '/login?step=second-factor' : '/office', 303);
    } catch (error) {
      return refuse(reply, error);
    }
  });
};
