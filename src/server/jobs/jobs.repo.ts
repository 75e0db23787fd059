import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/types.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The NOTIFY channel that tells job runners a job is due now. */
export const JOBS_CHANNEL = 'oneroof_jobs';

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt: Date;
  /** With a key, a pending job of the same kind and key is moved to the new time and payload. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Whether runners should be woken for the job rather than find it when they next poll. */
export function isDueNow(job: NewJob): boolean {
  return job.runAt.getTime() <= Date.now() + 1000;
}

/**
 * Adds a job, in the caller's transaction when given one, so the job exists exactly when the
 * change that needs it commits.
 */
export async function enqueueJob(db: Db, job: NewJob): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({
      id: uuidv7(),
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      dedupe_key: job.dedupeKey ?? null,
      max_attempts: job.maxAttempts,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['kind', 'dedupe_key'])
        .where('dedupe_key', 'is not', null)
        .where('status', '=', 'pending')
        .doUpdateSet({ run_at: (eb) => eb.ref('excluded.run_at'), payload: (eb) => eb.ref('excluded.payload'), attempts: 0 }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  // Wakes the runners on commit (NOTIFY is transactional) when the job is due now; runners also poll,
  // so a lost notification only delays the job.
  if (isDueNow(job)) await sql`select pg_notify(${JOBS_CHANNEL}, ${job.kind})`.execute(db);
  return row.id;
}

/**
 * Wakes the runners of every instance for jobs a transaction has just committed, soon after the call
 * and without waiting for it: used after the commit instead of NOTIFY inside the transaction, because
 * on PostgreSQL a transaction that notifies holds a database-wide lock through its commit's flush,
 * so busy paths (public confirms) would commit one at a time. Calls in the same turn of the event
 * loop share one NOTIFY per kind. A lost wake-up only leaves the jobs to the runners' next poll.
 */
export function wakeJobRunners(db: Kysely<Database>, kinds: readonly string[]): void {
  if (kinds.length === 0) return;
  let pending = pendingWakes.get(db);
  if (!pending) {
    pending = new Set();
    pendingWakes.set(db, pending);
  }
  const scheduled = pending.size > 0;
  for (const kind of kinds) pending.add(kind);
  if (scheduled) return;
  setImmediate(() => {
    const due = [...pending];
    pending.clear();
    sql`select pg_notify(${JOBS_CHANNEL}, kind) from unnest(${due}::text[]) as kind`.execute(db).catch(() => undefined);
  });
}

const pendingWakes = new WeakMap<object, Set<string>>();

/** Cancels the pending job of a kind and key (a reminder for a booking that was cancelled). */
export async function cancelPendingJob(db: Db, kind: string, dedupeKey: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: sql<Date>`now()` })
    .where('kind', '=', kind)
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
