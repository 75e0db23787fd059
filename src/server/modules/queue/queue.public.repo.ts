import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, LocalisedText, QueueDevicesTable } from '../../db/types.js';

/** SQL of the public side of the queue: device tokens, the calls a screen shows, what a kiosk offers. */

export type QueueDevice = Selectable<QueueDevicesTable>;

export async function insertDevice(db: Kysely<Database>, device: Insertable<QueueDevicesTable>): Promise<QueueDevice> {
  return db.insertInto('queue_devices').values(device).returningAll().executeTakeFirstOrThrow();
}

export async function findDevice(db: Kysely<Database>, id: string): Promise<QueueDevice | undefined> {
  return db.selectFrom('queue_devices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDeviceByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<QueueDevice | undefined> {
  return db.selectFrom('queue_devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function listDevices(db: Kysely<Database>, centreId: string): Promise<QueueDevice[]> {
  return db.selectFrom('queue_devices').selectAll().where('centre_id', '=', centreId).orderBy('kind').orderBy('created_at').orderBy('id').execute();
}

export async function revokeDevice(db: Kysely<Database>, id: string, staffId: string, at: Date): Promise<QueueDevice | undefined> {
  return db.updateTable('queue_devices').set({ revoked_at: at, revoked_by: staffId }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
}

export interface CallRow {
  ticket_id: string;
  number: string;
  counter_label: string;
  service_names: LocalisedText;
  call_count: number;
  at: Date;
}

/** A centre's latest calls of a local day (calls, recalls, resumes), newest first, optionally of one unit. */
export async function latestCalls(db: Kysely<Database>, args: { centreId: string; unitId: string | null; localDay: string; limit: number }): Promise<CallRow[]> {
  let query = db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .innerJoin('services as s', 's.id', 't.service_id')
    .innerJoin('counters as c', 'c.id', 'e.counter_id')
    .select(['t.id as ticket_id', 't.number', 'c.label as counter_label', 's.names as service_names', 't.call_count', 'e.at'])
    .where('t.centre_id', '=', args.centreId)
    .where('t.local_day', '=', args.localDay)
    .where('e.kind', 'in', ['called', 'recalled', 'resumed'])
    .orderBy('e.id', 'desc')
    .limit(args.limit);
  if (args.unitId) query = query.where('t.unit_id', '=', args.unitId);
  return query.execute();
}

export interface KioskServiceRow {
  id: string;
  names: LocalisedText;
  unit_name: string;
  daily_quota: number | null;
  issued_today: number;
}

/** Live services of a centre (of live units), optionally of one unit, with today's count for the quota. */
export async function kioskServices(db: Kysely<Database>, args: { centreId: string; unitId: string | null; localDay: string }): Promise<KioskServiceRow[]> {
  let query = db
    .selectFrom('services as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('ticket_sequences as q', (join) => join.onRef('q.service_id', '=', 's.id').on('q.local_day', '=', args.localDay))
    .select(['s.id', 's.names', 'u.name as unit_name', 's.daily_quota'])
    .select((eb) => eb.fn.coalesce('q.last_number', eb.val(0)).as('issued_today'))
    .where('u.centre_id', '=', args.centreId)
    .where('u.archived_at', 'is', null)
    .where('s.archived_at', 'is', null)
    .orderBy('u.kind')
    .orderBy('u.name')
    .orderBy('s.ticket_prefix');
  if (args.unitId) query = query.where('u.id', '=', args.unitId);
  return (await query.execute()).map((row) => ({ ...row, issued_today: Number(row.issued_today) }));
}

/** The service and centre of a ticket, to check a quota setting belongs where the actor manages. */
export async function serviceWithCentre(db: Kysely<Database>, serviceId: string): Promise<{ id: string; unit_id: string; centre_id: string; daily_quota: number | null } | undefined> {
  return db
    .selectFrom('services as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 'u.centre_id', 's.daily_quota'])
    .where('s.id', '=', serviceId)
    .executeTakeFirst();
}

export async function setDailyQuota(db: Kysely<Database>, serviceId: string, quota: number | null): Promise<void> {
  await db.updateTable('services').set({ daily_quota: quota }).where('id', '=', serviceId).execute();
}
