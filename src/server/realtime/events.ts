import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Action } from '../../shared/access.js';
import type { Database } from '../db/types.js';

export interface RealtimeEventInput {
  /** `<module>.<what happened>`: "network.centre_updated", "queue.ticket_called". */
  type: string;
  /** Where it happened: streams deliver it only to those who may see that place. */
  centreId?: string | null;
  /** A unit's event needs no centreId: it is filled in from the unit, so centre-wide streams see it. */
  unitId?: string | null;
  /**
   * For events about records behind need-to-know (a referral): only staff holding this action
   * through a grant on `unitId` itself receive it — not the unit's centre, not the network, whose
   * grants never open a unit's records (docs/realtime.md). Needs a unitId.
   */
  audience?: Action | null;
  payload?: Record<string, unknown>;
}

/** An event as subscribers receive it; `position` orders events in commit order (see docs/realtime.md). */
export interface PublishedEvent {
  position: number;
  type: string;
  at: Date;
  centreId: string | null;
  unitId: string | null;
  /** See RealtimeEventInput.audience; absent or null: the place rule alone. */
  audience?: string | null;
  payload: Record<string, unknown>;
}

/**
 * Writes an event row in the caller's transaction. A deferred trigger gives the row its position
 * and NOTIFYs when the transaction commits, so an event is published if and only if its change is.
 * Returns the row id (not the position, which does not exist before commit).
 */
export async function writeRealtimeEvent(db: Kysely<Database>, event: RealtimeEventInput): Promise<number> {
  const row = await db.insertInto('realtime_events').values(realtimeEventValues(event)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The row of one event, for an insert the caller runs in the change's own statement (a data-modifying CTE). */
export function realtimeEventValues(event: RealtimeEventInput) {
  const unitId = event.unitId ?? null;
  if (event.audience && !unitId) throw new Error(`the realtime event ${event.type} names an audience without a unit`);
  return (eb: ExpressionBuilder<Database, 'realtime_events'>) => ({
    type: event.type,
    centre_id: event.centreId ?? (unitId ? eb.selectFrom('units').select('units.centre_id').where('units.id', '=', unitId) : null),
    unit_id: unitId,
    audience: event.audience ?? null,
    payload: JSON.stringify(event.payload ?? {}),
  });
}
