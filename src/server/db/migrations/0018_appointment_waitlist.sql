-- The waiting list: people who found no free time for a service at a centre ask to be told when one
-- frees. When a seat returns to the pool (a cancellation's release moment, new capacity), the
-- earliest waiting people are told, one message each. See docs/appointments.md, "Waiting list".
CREATE TABLE appointment_waitlist (
  id uuid PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centres(id),
  service_id uuid NOT NULL REFERENCES services(id),
  contact_name text NOT NULL,
  contact_email citext,
  contact_phone text,
  preferred_language text NOT NULL,
  email_key text,
  phone_key text,
  -- The days the person could come (in the centre's time zone), both included.
  from_date date NOT NULL,
  to_date date NOT NULL,
  state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'told', 'left', 'expired')),
  -- sha256 of the secret of the person's "leave the list" link.
  token_hash text NOT NULL,
  client_address_hash text,
  told_at timestamptz,
  -- The time that freed when the person was told.
  told_for timestamptz,
  left_at timestamptz,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_date <= to_date),
  CHECK (email_key IS NOT NULL OR phone_key IS NOT NULL)
);
-- Who is told first: the earliest waiting entries of a service.
CREATE INDEX appointment_waitlist_waiting_idx ON appointment_waitlist (service_id, created_at) WHERE state = 'waiting';
-- One waiting entry per contact and service.
CREATE UNIQUE INDEX appointment_waitlist_email_idx ON appointment_waitlist (service_id, email_key) WHERE state = 'waiting' AND email_key IS NOT NULL;
CREATE UNIQUE INDEX appointment_waitlist_phone_idx ON appointment_waitlist (service_id, phone_key) WHERE state = 'waiting' AND phone_key IS NOT NULL;
