import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../app.js';
import { AppError } from '../http/errors.js';

export const healthRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/health', {
    schema: { tags: ['health'], summary: 'Whether the server and its database answer', response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => {
    try {
      await sql`SELECT 1`.execute(deps.db);
    } catch {
      throw new AppError('unavailable', 'The database does not answer');
    }
    return { status: 'ok' as const };
  });
};
