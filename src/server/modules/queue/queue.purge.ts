import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { addDays } from '../network/network.opening.js';
import { purgeIdempotencyKeys } from './queue.idempotency.js';

export interface QueuePurgeCounts {
  idempotencyKeys: number;
  ticketSequences: number;
  alertSends: number;
  alerts: number;
}

/** Days a working record is kept beyond the day it serves: local days run up to a day ahead of UTC. */
const KEEP_DAYS = 2;

/**
 * Forgets what the queue only needs for a short while, so nothing grows without bound: answers kept
 * for retried requests (a day), ticket number sequences of past days (numbers are only handed out
 * for today), the markers of "you are next" messages sent, and — should a centre's day closing not
 * have erased them — contacts left for a past day. Visits, tickets and their moments are the record
 * of the service and stay.
 */
export async function purgeQueueLeftovers(db: Kysely<Database>, now: Date, idempotencyHours = 24): Promise<QueuePurgeCounts> {
  const idempotencyKeys = await purgeIdempotencyKeys(db, idempotencyHours, now);
  const cutoffDay = addDays(now.toISOString().slice(0, 10), -KEEP_DAYS);
  const sequences = await db.deleteFrom('ticket_sequences').where('local_day', '<', cutoffDay).executeTakeFirst();
  const sends = await db
    .deleteFrom('ticket_alert_sends')
    .where('sent_at', '<', sql<Date>`${now}::timestamptz - make_interval(days => ${KEEP_DAYS}::int)`)
    .executeTakeFirst();
  const alerts = await db.deleteFrom('ticket_alerts').where('local_day', '<', cutoffDay).executeTakeFirst();
  return {
    idempotencyKeys,
    ticketSequences: Number(sequences.numDeletedRows),
    alertSends: Number(sends.numDeletedRows),
    alerts: Number(alerts.numDeletedRows),
  };
}
