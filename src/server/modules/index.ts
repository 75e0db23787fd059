import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../app.js';
import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './health.routes.js';

/** Every module's routes, in one list. */
export async function registerModules(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
}
