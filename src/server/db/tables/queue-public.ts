import type { Timestamp, DefaultedTimestamp } from './columns.js';

/** Screens and kiosks authorised by a token (migration 0008, module queue). */
export interface QueueDevicesTable {
  id: string;
  kind: 'screen' | 'kiosk';
  centre_id: string;
  unit_id: string | null;
  label: string;
  token_hash: string;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}
