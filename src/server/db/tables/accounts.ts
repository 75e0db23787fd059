import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DefaultedTimestamp } from './columns.js';

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | number | null, number | null | undefined, number | null>;
  password_changed_at: Timestamp | null;
  locale: Generated<string>;
  languages: Generated<string[]>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface StaffRolesTable {
  id: string;
  staff_id: string;
  role: string;
  scope_type: 'network' | 'centre' | 'unit';
  scope_id: string;
  granted_at: DefaultedTimestamp;
}

export interface StaffIdentitiesTable {
  issuer: string;
  subject: string;
  staff_id: string;
  created_at: DefaultedTimestamp;
}

export interface StaffSessionsTable {
  id: string;
  token_hash: string;
  staff_id: string;
  csrf_token: string;
  second_factor_pending: Generated<boolean>;
  method: 'password' | 'oidc';
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultedTimestamp;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  second_factor_failures: Generated<number>;
}

export interface OidcLoginsTable {
  browser_token_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: DefaultedTimestamp;
}
