import { sql, type Kysely, type UpdateObject } from 'kysely';
import type { Database } from '../db/types.js';

/** A job this instance took: it runs it, then records the outcome with the same attempt number. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Takes the oldest due job in one statement: a pending job whose time has come, or a running one
 * whose lock passed (its process died). SKIP LOCKED lets several instances take different jobs at
 * once; the statement commits by itself, so no transaction stays open while the job runs (PGlite has
 * one connection, and a delivery may wait on a mail server for seconds).
 */
export async function claimDueJob(db: Kysely<Database>, instance: string, now: Date, lockMs: number): Promise<ClaimedJob | undefined> {
  const lockedUntil = new Date(now.getTime() + lockMs);
  const result = await sql<{ id: string; kind: string; payload: unknown; attempts: number; max_attempts: number }>`
    UPDATE jobs
       SET status = 'running', attempts = attempts + 1, locked_until = ${lockedUntil}, locked_by = ${instance}, started_at = ${now}
     WHERE id = (
       SELECT id FROM jobs
        WHERE (status = 'pending' AND run_at <= ${now}) OR (status = 'running' AND locked_until < ${now})
        ORDER BY run_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, max_attempts`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts };
}

/** Keeps the lock of a long job fresh so no other instance takes it while it is still working. */
export async function extendJobLock(db: Kysely<Database>, job: ClaimedJob, instance: string, until: Date): Promise<void> {
  await updateOwnAttempt(db, job, instance, { locked_until: until });
}

export async function markJobDone(db: Kysely<Database>, job: ClaimedJob, instance: string): Promise<void> {
  await updateOwnAttempt(db, job, instance, { status: 'done', finished_at: sql<Date>`now()`, locked_until: null, last_error: null });
}

/** The job will not run again: an unknown kind, a bad payload, a permanent error, or no attempts left. */
export async function markJobFailed(db: Kysely<Database>, job: ClaimedJob, instance: string, error: string): Promise<void> {
  await updateOwnAttempt(db, job, instance, { status: 'failed', finished_at: sql<Date>`now()`, locked_until: null, last_error: error });
}

/**
 * Back to pending for another attempt at `retryAt`. If a newer job with the same key was queued in
 * the meantime (a reminder moved while the old one ran), that one replaces this attempt.
 */
export async function scheduleJobRetry(db: Kysely<Database>, job: ClaimedJob, instance: string, error: string, retryAt: Date): Promise<void> {
  try {
    await updateOwnAttempt(db, job, instance, { status: 'pending', run_at: retryAt, locked_until: null, locked_by: null, last_error: error });
  } catch (cause) {
    if ((cause as { code?: string }).code !== '23505') throw cause;
    await updateOwnAttempt(db, job, instance, {
      status: 'cancelled',
      finished_at: sql<Date>`now()`,
      locked_until: null,
      last_error: `${error} (replaced by a newer job with the same key)`,
    });
  }
}

/** Only the attempt this instance holds: a job taken over after a lost lock belongs to the new holder. */
async function updateOwnAttempt(db: Kysely<Database>, job: ClaimedJob, instance: string, values: UpdateObject<Database, 'jobs'>): Promise<void> {
  await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', instance)
    .where('attempts', '=', job.attempts)
    .execute();
}

/** Exponential back-off with a cap: 30 s, 1 min, 2 min, … up to one hour. */
export function defaultRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}
