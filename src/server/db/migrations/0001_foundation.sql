-- Foundation: network model, staff accounts and sessions, audit journal, realtime events.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE networks (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  host_language text NOT NULL DEFAULT 'pt',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE centres (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('national', 'branch', 'local')),
  time_zone text NOT NULL,
  street text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  country text NOT NULL DEFAULT 'PT',
  phone text,
  email text,
  -- Languages the information screens speak calls in, in order.
  announcement_languages text[] NOT NULL DEFAULT '{}',
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX centres_network_idx ON centres (network_id);

-- Weekly opening hours; several intervals a day are allowed (lunch breaks).
CREATE TABLE centre_opening_hours (
  id uuid PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL,
  CHECK (opens < closes)
);
CREATE INDEX centre_opening_hours_centre_idx ON centre_opening_hours (centre_id, weekday);

-- Holidays and days with other hours than the weekly pattern.
CREATE TABLE centre_calendar_exceptions (
  id uuid PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centres(id) ON DELETE CASCADE,
  on_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'closed', 'special_hours')),
  opens time,
  closes time,
  label text NOT NULL DEFAULT '',
  UNIQUE (centre_id, on_date),
  CHECK ((kind = 'special_hours') = (opens IS NOT NULL AND closes IS NOT NULL)),
  CHECK (opens IS NULL OR opens < closes)
);

CREATE TABLE units (
  id uuid PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centres(id),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('agency_branch', 'support_office', 'complementary_service')),
  -- The agency an agency branch belongs to (e.g. "Social Security"), or the partner running a support office.
  organisation text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (centre_id, code)
);
CREATE INDEX units_centre_idx ON units (centre_id);

CREATE TABLE services (
  id uuid PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES units(id),
  code text NOT NULL,
  -- Names per language, e.g. {"pt": "Renovação de autorização de residência", "en": "Residence permit renewal"}.
  names jsonb NOT NULL,
  typical_minutes integer NOT NULL CHECK (typical_minutes BETWEEN 1 AND 480),
  ticket_prefix text NOT NULL CHECK (ticket_prefix ~ '^[A-Z]{1,3}$'),
  -- Each document: names per language.
  required_documents jsonb NOT NULL DEFAULT '[]',
  languages text[] NOT NULL DEFAULT '{}',
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, code)
);
CREATE INDEX services_unit_idx ON services (unit_id);

CREATE TABLE counters (
  id uuid PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES units(id),
  -- What the screens announce: "Counter 7".
  label text NOT NULL,
  location text NOT NULL DEFAULT '',
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, label)
);

CREATE TABLE counter_services (
  counter_id uuid NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES services(id),
  PRIMARY KEY (counter_id, service_id)
);

CREATE TABLE staff (
  id uuid PRIMARY KEY,
  username citext NOT NULL UNIQUE,
  display_name text NOT NULL,
  email citext,
  password_hash text,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'pt',
  -- Languages a mediator or officer can serve people in.
  languages text[] NOT NULL DEFAULT '{}',
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_roles (
  id uuid PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  role text NOT NULL,
  scope_type text NOT NULL CHECK (scope_type IN ('network', 'centre', 'unit')),
  -- The network, centre or unit the role is granted on.
  scope_id uuid NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (staff_id, role, scope_type, scope_id)
);
CREATE INDEX staff_roles_staff_idx ON staff_roles (staff_id);

CREATE TABLE staff_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);

CREATE TABLE staff_sessions (
  id uuid PRIMARY KEY,
  -- Only a hash of the cookie value is stored, so a database leak does not hand out sessions.
  token_hash text NOT NULL UNIQUE,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  -- A password was checked but the second factor is still to come.
  second_factor_pending boolean NOT NULL DEFAULT false,
  method text NOT NULL CHECK (method IN ('password', 'oidc')),
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX staff_sessions_staff_idx ON staff_sessions (staff_id);

-- Failed and successful attempts, to rate-limit by address and lock accounts.
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  username citext NOT NULL,
  ip text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

-- Append-only journal of who did what, and who read which personal data.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text NOT NULL,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text,
  centre_id uuid,
  unit_id uuid,
  personal_data boolean NOT NULL DEFAULT false,
  reason text,
  break_glass boolean NOT NULL DEFAULT false,
  ip text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_at_idx ON audit_events (at DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC);
CREATE INDEX audit_events_resource_idx ON audit_events (resource_type, resource_id);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit journal is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- Realtime outbox: written in the transaction of the change; NOTIFY fires only when it commits.
CREATE TABLE realtime_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL,
  centre_id uuid,
  unit_id uuid,
  payload jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX realtime_events_at_idx ON realtime_events (at);

CREATE FUNCTION realtime_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('oneroof_events', NEW.id::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER realtime_events_after_insert AFTER INSERT ON realtime_events
  FOR EACH ROW EXECUTE FUNCTION realtime_events_notify();
