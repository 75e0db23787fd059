import type { z } from 'zod';
import type { AppDependencies } from '../app.js';

/**
 * Work done later by a durable job: a module declares the kind, how to read its payload and what to
 * do. `run` must be safe to repeat: a job whose process died mid-way runs again.
 */
export interface JobHandler<Payload = unknown> {
  kind: string;
  payload: z.ZodType<Payload>;
  /** `attempts` counts this one (1 on the first run); the last attempt is when it equals `maxAttempts`. */
  run(deps: AppDependencies, payload: Payload, job: { id: string; attempts: number; maxAttempts: number }): Promise<void>;
  /** Delay before attempt n+1 after a failure; defaults to exponential back-off. */
  retryDelayMs?: (attempts: number) => number;
}

/**
 * Work done on a schedule (end-of-day closing, purges, sweeps). `cron` is a five-field cron
 * expression read in UTC; tasks that depend on a centre's local day take `now` and work out each
 * centre's day themselves. Each scheduled moment runs once across all instances.
 */
export interface RecurringTask {
  name: string;
  cron: string;
  run(deps: AppDependencies, now: Date): Promise<Record<string, number> | void>;
}

/** Declares a job handler with its payload type checked against its schema. */
export function defineJobHandler<Payload>(handler: JobHandler<Payload>): JobHandler<Payload> {
  return handler;
}

/**
 * Thrown by a handler when trying again cannot help (the record is gone, a template is missing): the
 * job fails at once with this message instead of being retried.
 */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
