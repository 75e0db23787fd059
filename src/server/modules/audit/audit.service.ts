import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import type { RequestContext } from '../../http/request-context.js';

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
  await db
    .insertInto('audit_events')
    .values({
      id: uuidv7(),
      actor_id: context.actor?.staffId ?? null,
      actor_name: context.actor?.username ?? 'anonymous',
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId ?? null,
      centre_id: entry.centreId ?? null,
      unit_id: entry.unitId ?? null,
      personal_data: personalData,
      reason: entry.reason ?? null,
      break_glass: entry.breakGlass ?? false,
      ip: context.ip,
      request_id: context.requestId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * The one helper every module calls when staff read personal data (a person, a case file section,
 * a document): reads are auditable actions just like writes.
 */
export async function recordPersonalDataRead(db: Kysely<Database>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAudit(db, context, entry, true);
}

/** For writes that touch personal data. */
export async function recordPersonalDataChange(db: Kysely<Database>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await recordAudit(db, context, entry, true);
}
