import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataRead } from '../audit/audit.service.js';
import type { TimelineEntry, TimelinePage, TimelineQuery } from './people.data-protection.schemas.js';
import { ensureCanRead } from './people.policy.js';
import { findPersonRow, type PersonRow } from './people.repo.js';
import { findTimelinePage, type TimelinePageKey, type TimelineRow } from './people.timeline.repo.js';

/**
 * A person one may read, resolved to the record that stays (a merged record answers with its
 * survivor), with the ids of every record merged into it: their visits and appointments are the
 * person's too.
 */
export async function readablePersonRecords(db: Kysely<Database>, context: StaffContext, id: string): Promise<{ row: PersonRow; recordIds: string[] }> {
  const found = await findPersonRow(db, id);
  const row = found?.merged_into ? await findPersonRow(db, found.merged_into) : found;
  if (!row) throw AppError.notFound('The person');
  ensureCanRead(context.actor, row.home_centre_id);
  const merged = await db.selectFrom('people').select('id').where('merged_into', '=', row.id).execute();
  return { row, recordIds: [row.id, ...merged.map((m) => m.id)] };
}

/**
 * Visits, tickets and appointments of a person across every centre, newest first. Shared core
 * (DESIGN §5): whoever may read the person may read this; each page is one audited read.
 */
export async function personTimeline(db: Kysely<Database>, context: StaffContext, id: string, query: TimelineQuery): Promise<TimelinePage> {
  const { row, recordIds } = await readablePersonRecords(db, context, id);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await findTimelinePage(db, recordIds, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  await recordPersonalDataRead(db, context, {
    action: 'person.timeline',
    resourceType: 'person',
    resourceId: row.id,
    centreId: row.home_centre_id,
    details: { count: page.length, page: after ? 'next' : 'first' },
  });
  const last = page.at(-1);
  return {
    items: page.map(presentTimelineRow),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at_key, key: last.entry_key }) : null,
  };
}

function presentTimelineRow(row: TimelineRow): TimelineEntry {
  return {
    id: row.entry_key,
    at: new Date(row.at).toISOString(),
    kind: row.kind as TimelineEntry['kind'],
    centre: { id: row.centre_id, name: row.centre_name, timeZone: row.centre_time_zone },
    unit: row.unit_id && row.unit_name ? { id: row.unit_id, name: row.unit_name } : null,
    service: row.service_id ? { id: row.service_id, names: row.service_names ?? {} } : null,
    ticketNumber: row.ticket_number,
    appointmentReference: row.appointment_reference,
    counter: row.counter_label,
    outcome: row.outcome,
    details: stripNulls(row.details ?? {}),
  };
}

function stripNulls(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== null));
}

function encodeCursor(key: TimelinePageKey): string {
  return Buffer.from(JSON.stringify([key.at, key.key])).toString('base64url');
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_KEY = /^[a-z]{1,2}:[0-9a-f-]{1,36}$/;

function decodeCursor(cursor: string): TimelinePageKey {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && typeof decoded[0] === 'string' && typeof decoded[1] === 'string' && CURSOR_AT.test(decoded[0]) && CURSOR_KEY.test(decoded[1])) {
      return { at: decoded[0], key: decoded[1] };
    }
  } catch {
    // Falls through to the same answer as any other malformed cursor.
  }
  throw AppError.invalid([{ path: 'query.cursor', message: 'expected the nextCursor of a previous page' }]);
}
