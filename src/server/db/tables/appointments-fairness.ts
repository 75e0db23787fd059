import type { Generated } from 'kysely';
import type { CalendarDate, DefaultedTimestamp, Timestamp } from './columns.js';

/** Fixed-window rate-limit counters shared by every instance (migration 0017). */
export interface RateLimitWindowsTable {
  bucket: string;
  window_start: Timestamp;
  hits: Generated<number>;
  expires_at: Timestamp;
}

/** Proof-of-work challenges already used once (migration 0017). */
export interface AltchaSpentChallengesTable {
  challenge_hash: string;
  expires_at: Timestamp;
}

export type WaitlistState = 'waiting' | 'told' | 'left' | 'expired';

/** People waiting to be told when a time frees (migration 0018). */
export interface AppointmentWaitlistTable {
  id: string;
  centre_id: string;
  service_id: string;
  contact_name: string;
  contact_email: string | null;
  contact_phone: string | null;
  preferred_language: string;
  email_key: string | null;
  phone_key: string | null;
  from_date: CalendarDate;
  to_date: CalendarDate;
  state: Generated<WaitlistState>;
  token_hash: string;
  client_address_hash: string | null;
  told_at: Timestamp | null;
  told_for: Timestamp | null;
  left_at: Timestamp | null;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
}
