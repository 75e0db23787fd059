import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import type { Database } from './db/types.js';
import { registerAuthHooks } from './http/auth-hooks.js';
import { registerErrorHandler } from './http/error-handler.js';
import { loggerOptions } from './http/logging.js';
import { configureValidationMessages } from './http/validation.js';
import { registerModules } from './modules/index.js';
import type { RealtimeBus } from './realtime/bus.js';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  db: Kysely<Database>;
  bus: RealtimeBus;
}

export interface BuildOptions {
  /** Folder of the built web app; nothing is served when it does not exist. */
  webRoot?: string;
  logger?: boolean;
}

configureValidationMessages();

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the app from plugins and modules without listening, so tests can use `inject`. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function buildApp(deps: AppDependencies, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Keep a caller's request id (from a proxy) so one id follows the request through every log.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The booking form's proof-of-work runs in Web Workers the altcha widget starts from blob: URLs.
        workerSrc: ["'self'", 'blob:'],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
    hsts: deps.config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'OneRoof API', version: '1', description: 'The API of a One-Stop-Shop network for immigrant integration.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'oneroof_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorHandler(app);
  registerAuthHooks(app, deps.db);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerModules(app, deps);

  const webRoot = options.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    // The build writes .br and .gz copies (scripts/compress-web.mjs): sent as they are, never compressed per request.
    // `serve: false`: every file goes through the handler below, which sets how long it may be cached.
    await app.register(fastifyStatic, { root: webRoot, serve: false, index: false, preCompressed: true });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const requested = (request.params as { '*': string })['*'];
      if (requested.startsWith('api/')) return reply.callNotFound();
      // Built assets and files in the web root are served as they are; every other path is a page of the app.
      if (requested && !requested.includes('..') && isFile(path.join(webRoot, requested))) {
        if (requested === 'sw.js') {
          // The information worker: a browser must see a new build's worker at once, so it drops the old caches.
          return reply.header('cache-control', 'no-cache').sendFile(requested, { cacheControl: false });
        }
        return reply.sendFile(requested, requested.startsWith('assets/') ? { maxAge: '365d', immutable: true } : {});
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    });
  }
  return app;
}
