import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';

export interface RealtimeEventInput {
  /** `<module>.<what happened>`: "network.centre_updated", "queue.ticket_called". */
  type: string;
  /** Where it happened: streams deliver it only to those who may see that place. */
  centreId?: string | null;
  unitId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Writes an event row in the caller's transaction. The row's trigger NOTIFYs on commit, so an
 * event is published if and only if its change is committed.
 */
export async function writeRealtimeEvent(db: Kysely<Database>, event: RealtimeEventInput): Promise<number> {
  const row = await db
    .insertInto('realtime_events')
    .values({
      type: event.type,
      centre_id: event.centreId ?? null,
      unit_id: event.unitId ?? null,
      payload: JSON.stringify(event.payload ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
