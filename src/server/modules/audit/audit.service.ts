import type { ExpressionBuilder, Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext, StaffContext } from '../../http/request-context.js';
import { auditReachOf, mayReadSomeOfTheJournal } from './audit.policy.js';
import { findAuditEventsPage, iterateAuditEvents, type AuditEventRow, type AuditPageKey } from './audit.repo.js';
import type { AuditEventFilter, AuditEventListQuery, AuditEventPage, AuditEventView } from './audit.schemas.js';

export interface AuditEntry {
  /** What happened, as `<module>.<verb>`: "centre.create", "person.read". */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  centreId?: string | null;
  unitId?: string | null;
  reason?: string | null;
  breakGlass?: boolean;
  details?: Record<string, unknown>;
}

/**
 * Writes one audit event. Pass the transaction of the change so the event exists exactly when the
 * change does.
 */
export async function recordAudit(db: Kysely<Database>, context: RequestContext, entry: AuditEntry, personalData = false): Promise<void> {
  await db.insertInto('audit_events').values(auditEventValues(context, entry, personalData)).execute();
}

/**
 * The row of one audit event, for an insert the caller runs: `recordAudit`, or a statement that
 * writes the event together with the change (a data-modifying CTE) to save a round trip.
 */
export function auditEventValues(context: RequestContext, entry: AuditEntry, personalData = false) {
  if (entry.breakGlass && !entry.reason?.trim()) {
    throw AppError.invalid([{ path: 'reason', message: 'break-glass access needs a reason' }]);
  }
  const unitId = entry.unitId ?? null;
  return (eb: ExpressionBuilder<Database, 'audit_events'>) => ({
    id: uuidv7(),
    actor_id: context.actor?.staffId ?? null,
    actor_name: context.actor?.username ?? 'anonymous',
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId ?? null,
    // An event about a unit is also an event of its centre, so centre auditors find it.
    centre_id: entry.centreId ?? (unitId ? eb.selectFrom('units').select('units.centre_id').where('units.id', '=', unitId) : null),
    unit_id: unitId,
    personal_data: personalData,
    reason: entry.reason ?? null,
    break_glass: entry.breakGlass ?? false,
    ip: context.ip,
    request_id: context.requestId,
    details: JSON.stringify(entry.details ?? {}),
  });
}

/**
 * The same row as plain values, for a statement that takes it as JSON (a database function): the
 * event's centre must be given, since no query fills it in from the unit here.
 */
export function auditEventRow(context: RequestContext, entry: AuditEntry & { centreId: string }, personalData = false) {
  if (entry.breakGlass && !entry.reason?.trim()) {
    throw AppError.invalid([{ path: 'reason', message: 'break-glass access needs a reason' }]);
  }
  return {
    id: uuidv7(),
    actor_id: context.actor?.staffId ?? null,
    actor_name: context.actor?.username ?? 'anonymous',
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId ?? null,
    centre_id: entry.centreId,
    unit_id: entry.unitId ?? null,
    personal_data: personalData,
    reason: entry.reason ?? null,
    break_glass: entry.breakGlass ?? false,
    ip: context.ip,
    request_id: context.requestId,
    details: entry.details ?? {},
  };
}

/**
 * The one helper every module calls when staff read personal data (a person, a case file section,
 * a document): reads are auditable actions just like writes.
 */
export async function recordPersonalDataRead(db: Kysely<Database>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAudit(db, context, entry, true);
}

/**
 * Several reads of personal data in one statement (a list or search showing many people): one row
 * per record, as separate calls would write, in a single round trip. Entries carry their centre.
 */
export async function recordPersonalDataReads(db: Kysely<Database>, context: RequestContext, entries: (AuditEntry & { breakGlass?: false })[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(entries.map((entry) => ({
      id: uuidv7(),
      actor_id: context.actor?.staffId ?? null,
      actor_name: context.actor?.username ?? 'anonymous',
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId ?? null,
      centre_id: entry.centreId ?? null,
      unit_id: entry.unitId ?? null,
      personal_data: true,
      reason: null,
      break_glass: false,
      ip: context.ip,
      request_id: context.requestId,
      details: JSON.stringify(entry.details ?? {}),
    })))
    .execute();
}

/** For writes that touch personal data. */
export async function recordPersonalDataChange(db: Kysely<Database>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAudit(db, context, entry, true);
}

/** A page of the journal, newest first, limited to the places the auditor may read. */
export async function listAuditEvents(db: Kysely<Database>, context: StaffContext, query: AuditEventListQuery): Promise<AuditEventPage> {
  const reach = requireJournalReach(context);
  const { cursor, limit, ...filter } = query;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  // One row more than asked tells whether another page exists without a count.
  const rows = await findAuditEventsPage(db, filter, reach, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentAuditEvent),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
  };
}

/**
 * Starts an export of the journal: the export itself is recorded (who took which slice of the
 * journal, and when) before the first row leaves, then rows are read page by page.
 */
export async function exportAuditEvents(db: Kysely<Database>, context: StaffContext, filter: AuditEventFilter): Promise<AsyncIterable<AuditEventRow>> {
  const reach = requireJournalReach(context);
  await db.transaction().execute((trx) =>
    // The journal names staff and people's records and holds addresses: taking a copy is a read of personal data.
    recordPersonalDataRead(trx, context, {
      action: 'audit.export',
      resourceType: 'audit_journal',
      centreId: filter.centreId ?? null,
      details: { filter },
    }),
  );
  return iterateAuditEvents(db, filter, reach);
}

export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    centre: row.centre_id ? { id: row.centre_id, name: row.centre_name } : null,
    unit: row.unit_id ? { id: row.unit_id, name: row.unit_name } : null,
    personalData: row.personal_data,
    breakGlass: row.break_glass,
    reason: row.reason,
    ip: row.ip,
    requestId: row.request_id,
    details: row.details,
  };
}

function requireJournalReach(context: StaffContext) {
  if (!mayReadSomeOfTheJournal(context.actor)) throw AppError.forbidden('Only auditors may read the audit journal');
  return auditReachOf(context.actor);
}

function encodeCursor(key: AuditPageKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id])).toString('base64url');
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): AuditPageKey {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && typeof decoded[0] === 'string' && typeof decoded[1] === 'string' && CURSOR_AT.test(decoded[0]) && CURSOR_ID.test(decoded[1])) {
      return { at: decoded[0], id: decoded[1] };
    }
  } catch {
    // Falls through to the same answer as any other malformed cursor.
  }
  throw AppError.invalid([{ path: 'query.cursor', message: 'expected the nextCursor of a previous page' }]);
}
