import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, NotificationsTable } from '../../db/types.js';
import type { OutboxReach } from './notifications.policy.js';
import type { OutboxQuery } from './notifications.schemas.js';

type Db = Kysely<Database> | Transaction<Database>;
export type NotificationRow = Selectable<NotificationsTable> & { centre_name: string | null };

function likePrefix(value: string): string {
  return `${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A page of the outbox, newest first (ids are UUID v7, so id order is time order), within reach. */
export async function findNotificationsPage(db: Db, query: OutboxQuery, reach: OutboxReach, limit: number): Promise<NotificationRow[]> {
  let select = db
    .selectFrom('notifications')
    .leftJoin('centres', 'centres.id', 'notifications.centre_id')
    .selectAll('notifications')
    .select('centres.name as centre_name')
    .orderBy('notifications.id', 'desc')
    .limit(limit);
  if (!reach.everywhere) {
    if (reach.centreIds.length === 0) return [];
    select = select.where('notifications.centre_id', 'in', reach.centreIds);
  }
  if (query.recipient) select = select.where(sql<string>`lower(notifications.recipient)`, '=', query.recipient.toLowerCase());
  if (query.centreId) select = select.where('notifications.centre_id', '=', query.centreId);
  if (query.template) {
    select = query.template.endsWith('.')
      ? select.where('notifications.template', 'like', likePrefix(query.template))
      : select.where('notifications.template', '=', query.template);
  }
  if (query.status) select = select.where('notifications.status', '=', query.status);
  if (query.channel) select = select.where('notifications.channel', '=', query.channel);
  if (query.cursor) select = select.where('notifications.id', '<', query.cursor);
  return select.execute();
}

export async function findNotification(db: Db, id: string): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .leftJoin('centres', 'centres.id', 'notifications.centre_id')
    .selectAll('notifications')
    .select('centres.name as centre_name')
    .where('notifications.id', '=', id)
    .executeTakeFirst();
}

/** A failed message goes back to the queue; true when it was failed (a second click does nothing). */
export async function requeueFailedNotification(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ status: 'queued', updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countJobsByKindAndStatus(db: Db): Promise<{ kind: string; status: string; count: number }[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  return rows.map((row) => ({ kind: row.kind, status: row.status, count: Number(row.count) }));
}

export async function overdueJobs(db: Db, now: Date): Promise<{ count: number; oldestRunAt: Date | null }> {
  const row = await db
    .selectFrom('jobs')
    .select([(eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.min('run_at').as('oldest')])
    .where('status', '=', 'pending')
    .where('run_at', '<', now)
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldestRunAt: row.oldest ? new Date(row.oldest as Date) : null };
}

export async function recentFailedJobs(db: Db, limit: number) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'attempts', 'last_error', 'finished_at', 'created_at'])
    .where('status', '=', 'failed')
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The latest scheduled moment of each recurring task that ever ran. */
export async function lastRecurringRuns(db: Db) {
  return db
    .selectFrom('recurring_task_runs')
    .distinctOn('task')
    .selectAll()
    .orderBy('task')
    .orderBy('scheduled_for', 'desc')
    .execute();
}
