import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';

const HOUR_MS = 3600_000;

/**
 * Deletes realtime events older than `cutoff` and remembers the highest position deleted, so a
 * stream that asks to resume from before it is told to reload. Only the realtime outbox: the audit
 * journal is append-only and kept.
 */
export async function purgeRealtimeEvents(db: Kysely<Database>, cutoff: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('realtime_events').where('at', '<', cutoff).returning('position').execute();
    const highest = deleted.reduce((most, row) => Math.max(most, Number(row.position ?? 0)), 0);
    if (highest > 0) {
      await trx
        .updateTable('realtime_retention')
        .set((eb) => ({ purged_through: eb.fn('greatest', [eb.ref('purged_through'), eb.val(highest)]) }))
        .execute();
    }
    return deleted.length;
  });
}

/** Runs the purge now and then every `everyMs`; returns a function that stops it (and waits for a run in flight). */
export function scheduleRealtimeRetention(
  db: Kysely<Database>,
  options: { days: number; everyMs?: number; log: Pick<FastifyBaseLogger, 'warn'> },
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    const cutoff = new Date(Date.now() - options.days * 24 * HOUR_MS);
    running = purgeRealtimeEvents(db, cutoff).catch((error: unknown) => options.log.warn({ err: error }, 'could not purge old realtime events'));
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, options.everyMs ?? HOUR_MS);
  // The job must never keep a process alive that is otherwise done.
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
