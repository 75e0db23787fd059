import type { ColumnType, Generated } from 'kysely';
import type { DefaultedTimestamp } from './columns.js';

export interface AuditEventsTable {
  id: string;
  at: DefaultedTimestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  centre_id: string | null;
  unit_id: string | null;
  personal_data: Generated<boolean>;
  reason: string | null;
  break_glass: Generated<boolean>;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface RealtimeEventsTable {
  id: Generated<number>;
  at: DefaultedTimestamp;
  type: string;
  centre_id: string | null;
  unit_id: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, never>;
  /** The action receivers must hold through a grant on the event's unit itself (migration 0031); null: the place rule alone. */
  audience: ColumnType<string | null, string | null | undefined, never>;
  /** Assigned when the transaction commits, in commit order (migration 0004); null until then. */
  position: ColumnType<number | null, never, never>;
}

export interface RealtimeRetentionTable {
  singleton: Generated<boolean>;
  purged_through: number;
}
