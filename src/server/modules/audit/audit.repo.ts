import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Reach } from '../../access/actor.js';
import type { Database } from '../../db/types.js';
import type { AuditEventFilter } from './audit.schemas.js';

/** Where a page ends: the event's time to the microsecond (a JS Date keeps only milliseconds) and id. */
export interface AuditPageKey {
  at: string;
  id: string;
}

export interface AuditEventRow {
  id: string;
  at: Date;
  at_key: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  centre_id: string | null;
  centre_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  personal_data: boolean;
  break_glass: boolean;
  reason: string | null;
  ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** LIKE treats % and _ as wildcards; an action prefix is matched literally. */
function likePrefix(value: string): string {
  return `${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

type AuditQuery = SelectQueryBuilder<Database, 'audit_events', object>;

function applyFilter(query: AuditQuery, filter: AuditEventFilter, reach: Reach): AuditQuery {
  let q = query;
  if (!reach.everywhere) {
    const { centreIds, unitIds } = reach;
    q = q.where((eb) =>
      eb.or([
        ...(centreIds.length > 0 ? [eb('audit_events.centre_id', 'in', centreIds)] : []),
        ...(unitIds.length > 0 ? [eb('audit_events.unit_id', 'in', unitIds)] : []),
        // An actor with no reach matches nothing (the route refuses them before, this is the backstop).
        eb.val(false),
      ]),
    );
  }
  if (filter.from) q = q.where('audit_events.at', '>=', new Date(filter.from));
  if (filter.to) q = q.where('audit_events.at', '<', new Date(filter.to));
  if (filter.actor) {
    const actor = filter.actor;
    q = UUID.test(actor)
      ? q.where('audit_events.actor_id', '=', actor)
      : q.where(sql`lower(audit_events.actor_name)`, '=', actor.toLowerCase());
  }
  if (filter.action) q = q.where('audit_events.action', 'like', likePrefix(filter.action));
  if (filter.resourceType) q = q.where('audit_events.resource_type', '=', filter.resourceType);
  if (filter.resourceId) q = q.where('audit_events.resource_id', '=', filter.resourceId);
  if (filter.centreId) q = q.where('audit_events.centre_id', '=', filter.centreId);
  if (filter.personalDataOnly) q = q.where('audit_events.personal_data', '=', true);
  if (filter.breakGlassOnly) q = q.where('audit_events.break_glass', '=', true);
  return q;
}

/** One page of the journal, newest first, after `after` when given; filtered by the reader's reach. */
export async function findAuditEventsPage(
  db: Kysely<Database>,
  filter: AuditEventFilter,
  reach: Reach,
  after: AuditPageKey | undefined,
  limit: number,
): Promise<AuditEventRow[]> {
  let query = applyFilter(db.selectFrom('audit_events'), filter, reach);
  if (after) query = query.where(sql<boolean>`(audit_events.at, audit_events.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return query
    .leftJoin('centres', 'centres.id', 'audit_events.centre_id')
    .leftJoin('units', 'units.id', 'audit_events.unit_id')
    .select([
      'audit_events.id',
      'audit_events.at',
      sql<string>`to_char(audit_events.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'),
      'audit_events.actor_id',
      'audit_events.actor_name',
      'audit_events.action',
      'audit_events.resource_type',
      'audit_events.resource_id',
      'audit_events.centre_id',
      'centres.name as centre_name',
      'audit_events.unit_id',
      'units.name as unit_name',
      'audit_events.personal_data',
      'audit_events.break_glass',
      'audit_events.reason',
      'audit_events.ip',
      'audit_events.request_id',
      'audit_events.details',
    ])
    .orderBy('audit_events.at', 'desc')
    .orderBy('audit_events.id', 'desc')
    .limit(limit)
    .execute();
}

/** Every matching event, newest first, read page by page so a large export never sits in memory. */
export async function* iterateAuditEvents(db: Kysely<Database>, filter: AuditEventFilter, reach: Reach, pageSize = 500): AsyncGenerator<AuditEventRow> {
  let after: AuditPageKey | undefined;
  for (;;) {
    const rows = await findAuditEventsPage(db, filter, reach, after, pageSize);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { at: last.at_key, id: last.id };
  }
}
