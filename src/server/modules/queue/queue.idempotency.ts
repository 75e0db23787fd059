import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';

/** An Idempotency-Key sent with a request, with who sent it and what the request was. */
export interface IdempotencyClaim {
  /** Who and which operation: the same key from two staff members, or for two operations, never collide. */
  scope: string;
  key: string;
  /** The request (body and path) the key was first used with. */
  request: unknown;
}

function hashOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
}

/**
 * Runs `work` in one transaction with the key claimed first. A retry with the same key and request
 * gets the stored answer instead of doing the work again; the same key with another request is a
 * conflict. On PostgreSQL a concurrent retry waits on the key's unique index until the first request
 * commits (then reads its answer) or rolls back (then does the work itself). Without a key the work
 * simply runs in a transaction: a new one, or the caller's when `db` is a transaction.
 */
export async function withIdempotency<T>(db: Kysely<Database>, claim: IdempotencyClaim | null, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  // Called with a transaction (appointment check-in issues its ticket inside its own), the work
  // joins it: the ticket and the caller's change commit or roll back together.
  const inTransaction = (run: (trx: Transaction<Database>) => Promise<T>) => (db.isTransaction ? run(db as Transaction<Database>) : db.transaction().execute(run));
  return inTransaction(async (trx) => {
    if (!claim) return work(trx);
    const requestHash = hashOf(claim.request);
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values({ scope: claim.scope, key: claim.key, request_hash: requestHash, response: null })
      .onConflict((conflict) => conflict.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) {
      const stored = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response'])
        .where('scope', '=', claim.scope)
        .where('key', '=', claim.key)
        .executeTakeFirstOrThrow();
      if (stored.request_hash !== requestHash) {
        throw new AppError('conflict', 'This Idempotency-Key was already used for a different request', { fields: [{ path: 'headers.idempotency-key', message: 'was used for another request' }] });
      }
      return stored.response as T;
    }
    const result = await work(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ response: JSON.stringify(result ?? null) })
      .where('scope', '=', claim.scope)
      .where('key', '=', claim.key)
      .execute();
    return result;
  });
}

/** Keys older than this are forgotten: a retry comes within minutes, not days. */
export async function purgeIdempotencyKeys(db: Kysely<Database>, olderThanHours = 24, now: Date = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`${now}::timestamptz - make_interval(hours => ${olderThanHours})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
