-- Phone line, "my procedures" and suspicious patterns (docs/appointments.md).

-- The person of the registry an appointment was booked for (the phone line books for someone it
-- found or registered); null for bookings made with contact details only.
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS person_id uuid REFERENCES people(id);
-- A keyed hash of the address the public booking came from; the public portal fills it. Only its
-- hash is stored, and staff see a short fingerprint of that hash, never the address.
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS client_address_hash text;
-- Why staff cancelled (told on the phone, or a suspicious pattern); null when the person cancelled.
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS cancel_reason text CHECK (cancel_reason IS NULL OR length(cancel_reason) BETWEEN 3 AND 500);

CREATE INDEX IF NOT EXISTS appointments_person_idx ON appointments (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS appointments_client_address_idx ON appointments (client_address_hash, created_at) WHERE client_address_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS appointments_created_idx ON appointments (centre_id, created_at);
-- "My procedures" by contact finds a person's bookings by their normalised e-mail or phone.
CREATE INDEX IF NOT EXISTS appointments_email_key_idx ON appointments (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS appointments_phone_key_idx ON appointments (phone_key) WHERE phone_key IS NOT NULL;

-- Access to "my procedures" by contact: a one-time link (purpose 'link', sent to the contact, used
-- once) is exchanged for a short session (purpose 'session'). Only sha256 of each token is stored.
CREATE TABLE portal_access_tokens (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('link', 'session')),
  contact_kind text NOT NULL CHECK (contact_kind IN ('email', 'phone')),
  -- The normalised contact (e-mail lower-cased, phone as digits with +), as in appointments.
  contact_key text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_access_tokens_expiry_idx ON portal_access_tokens (expires_at);

-- Every request for an access link (matched or not) and every opening by reference, for the limits
-- per address and per contact. Both are keyed hashes: the table tells how often, never who.
CREATE TABLE portal_access_requests (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('link', 'reference')),
  address_hash text NOT NULL,
  contact_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_access_requests_address_idx ON portal_access_requests (address_hash, kind, created_at);
CREATE INDEX portal_access_requests_contact_idx ON portal_access_requests (contact_hash, created_at);
