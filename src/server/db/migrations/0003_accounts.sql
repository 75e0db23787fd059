-- Staff accounts: the second factor, session clean-up and single sign-on.

-- The last TOTP time step accepted for this account: a code of that step or an older one is refused,
-- so a code seen over someone's shoulder cannot be replayed within its window.
ALTER TABLE staff ADD COLUMN totp_last_step bigint;
-- Set when the account's password changes (by its owner or by an administrator).
ALTER TABLE staff ADD COLUMN password_changed_at timestamptz;

-- Wrong second-factor codes entered in this session; a few of them end the pending session.
ALTER TABLE staff_sessions ADD COLUMN second_factor_failures integer NOT NULL DEFAULT 0;
CREATE INDEX staff_sessions_live_idx ON staff_sessions (staff_id, expires_at) WHERE revoked_at IS NULL;

-- A single sign-on in progress: what the identity provider's answer must match. The browser holds a
-- random token in a cookie; only its hash is stored. A row is used once and lives a few minutes.
CREATE TABLE oidc_logins (
  browser_token_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expires_idx ON oidc_logins (expires_at);
