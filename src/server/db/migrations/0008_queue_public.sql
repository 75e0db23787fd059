-- The public side of the queue: information screens and kiosks are devices without a signed-in
-- user, authorised by a long random token a centre manager creates. Only a hash of the token is
-- stored: the token is shown once. A device may be limited to one unit (a floor's screen).
CREATE TABLE queue_devices (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('screen', 'kiosk')),
  centre_id uuid NOT NULL REFERENCES centres(id),
  unit_id uuid REFERENCES units(id),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  -- sha256 of the token, hex.
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES staff(id)
);
CREATE INDEX queue_devices_centre_idx ON queue_devices (centre_id, kind);

-- How many tickets a kiosk may hand out for a service in one local day (NULL: no limit). Staff at
-- reception may still issue beyond it; the quota protects the afternoon from a morning rush.
ALTER TABLE services ADD COLUMN daily_quota integer CHECK (daily_quota IS NULL OR daily_quota > 0);
