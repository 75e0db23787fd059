import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError, type FieldError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { recordAudit } from '../audit/audit.service.js';

export const NETWORK_CHANGED = 'network.changed';

export interface NetworkChange {
  /** `<record>.<verb>`: "centre.create", "service.archive". */
  action: string;
  resourceType: 'centre' | 'centre_calendar' | 'unit' | 'service' | 'counter';
  resourceId: string;
  centreId: string;
  unitId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The two rows every network write leaves in its own transaction: the audit event, and the realtime
 * event that tells open screens of that centre to refresh.
 */
export async function recordNetworkChange(trx: Kysely<Database>, context: RequestContext, change: NetworkChange): Promise<void> {
  await recordAudit(trx, context, {
    action: change.action,
    resourceType: change.resourceType,
    resourceId: change.resourceId,
    centreId: change.centreId,
    unitId: change.unitId ?? null,
    details: change.details ?? {},
  });
  await writeRealtimeEvent(trx, {
    type: NETWORK_CHANGED,
    centreId: change.centreId,
    unitId: change.unitId ?? null,
    payload: { centreId: change.centreId, resourceType: change.resourceType, resourceId: change.resourceId, action: change.action },
  });
}

/** The field a unique constraint protects, for a 409 the form can show on that field. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  centres_code_key: { path: 'body.code', message: 'another centre already has this code' },
  units_centre_id_code_key: { path: 'body.code', message: 'another unit of this centre already has this code' },
  services_unit_id_code_key: { path: 'body.code', message: 'another service of this unit already has this code' },
  counters_unit_id_label_key: { path: 'body.label', message: 'another counter of this unit already has this label' },
  centre_calendar_exceptions_centre_id_on_date_key: { path: 'body.date', message: 'this day already has an exception' },
};

/**
 * Runs a write and turns a unique violation into a 409 naming the field. The database decides
 * (no check-then-insert race); the whole transaction has rolled back by then.
 */
export async function withUniqueFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const field = uniqueField(error);
    if (field) throw new AppError('already_exists', 'A record with the same identifying values already exists', { fields: [field] });
    throw error;
  }
}

function uniqueField(error: unknown): FieldError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505' || typeof constraint !== 'string') return undefined;
  return UNIQUE_FIELDS[constraint];
}

export function duplicatePrefix(): AppError {
  return new AppError('already_exists', 'Another service of this centre already uses this ticket prefix', {
    fields: [{ path: 'body.ticketPrefix', message: 'another service of this centre already uses this prefix' }],
  });
}
