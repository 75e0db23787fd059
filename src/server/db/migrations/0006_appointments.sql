-- Appointments: capacity schedules and booking policies per service, appointments, and the seats
-- that make double booking impossible. See docs/appointments.md for the rules these tables keep.

-- How many desks serve a service in parallel, on which weekdays and hours, over which dates. A slot's
-- capacity is the sum of the desks of every rule covering it (inside the centre's opening hours).
CREATE TABLE appointment_schedules (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES services(id),
  -- ISO weekdays: 1 is Monday, 7 is Sunday.
  weekdays smallint[] NOT NULL CHECK (cardinality(weekdays) > 0 AND weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  starts time NOT NULL,
  -- '24:00' means until midnight.
  ends time NOT NULL,
  desks smallint NOT NULL CHECK (desks BETWEEN 1 AND 200),
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts < ends),
  CHECK (valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX appointment_schedules_service_idx ON appointment_schedules (service_id);

-- Whether and how a service can be booked. A service without a policy row cannot be booked.
CREATE TABLE booking_policies (
  service_id uuid PRIMARY KEY REFERENCES services(id),
  -- Slot length; the service's typical duration when null.
  slot_minutes smallint CHECK (slot_minutes BETWEEN 5 AND 480),
  -- Share of each slot's desks the public portal may book; the rest is kept for phone and staff.
  public_share_percent smallint NOT NULL CHECK (public_share_percent BETWEEN 0 AND 100),
  -- Bookable days, counted from today in the centre's time zone (0 = today).
  earliest_days smallint NOT NULL CHECK (earliest_days BETWEEN 0 AND 365),
  latest_days smallint NOT NULL CHECK (latest_days BETWEEN 0 AND 366),
  hold_minutes smallint NOT NULL CHECK (hold_minutes BETWEEN 1 AND 60),
  -- Booked, future appointments one contact may have for this service at once.
  max_active_per_contact smallint NOT NULL CHECK (max_active_per_contact BETWEEN 1 AND 20),
  -- A cancelled seat returns to the pool at a random moment within this many minutes.
  release_window_minutes smallint NOT NULL CHECK (release_window_minutes BETWEEN 0 AND 1440),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (earliest_days <= latest_days)
);

CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  -- Told to the person; 8 characters of an alphabet without 0/O and 1/I.
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[2-9A-HJ-NP-Z]{8}$'),
  centre_id uuid NOT NULL REFERENCES centres(id),
  service_id uuid NOT NULL REFERENCES services(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- The seat of the slot this appointment holds (see appointment_seats).
  seat_no smallint NOT NULL,
  state text NOT NULL CHECK (state IN ('held', 'booked', 'checked_in', 'cancelled', 'no_show', 'expired')),
  channel text NOT NULL CHECK (channel IN ('public', 'phone', 'staff')),
  hold_expires_at timestamptz NOT NULL,
  contact_name text,
  contact_email citext,
  contact_phone text,
  preferred_language text,
  -- Normalised email and phone, for the per-contact limit.
  email_key text,
  phone_key text,
  -- sha256 of the secret of the person's link; the secret itself is never stored.
  token_hash text,
  -- Idempotency keys of the request that created the hold (or staff booking) and of the confirm.
  hold_key text UNIQUE,
  confirm_key text UNIQUE,
  booked_by uuid REFERENCES staff(id),
  booked_at timestamptz,
  cancelled_by uuid REFERENCES staff(id),
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at),
  CHECK (state = 'held' OR state = 'expired' OR contact_name IS NOT NULL),
  CHECK (contact_name IS NULL OR email_key IS NOT NULL OR phone_key IS NOT NULL)
);
CREATE INDEX appointments_centre_start_idx ON appointments (centre_id, starts_at);
CREATE INDEX appointments_email_idx ON appointments (service_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX appointments_phone_idx ON appointments (service_id, phone_key) WHERE phone_key IS NOT NULL;

-- The seats of each slot: at most one row per (service, start, seat number) – the primary key is
-- what makes double booking impossible. A row is taken while its hold lasts (held_until in the
-- future) or its appointment is booked; it may be taken over by another appointment once the hold
-- has expired or the cancellation's release moment has passed. Taking over happens in the one
-- INSERT … ON CONFLICT DO UPDATE … WHERE statement that takes seats (appointments.repo.ts).
CREATE TABLE appointment_seats (
  service_id uuid NOT NULL REFERENCES services(id),
  starts_at timestamptz NOT NULL,
  seat_no smallint NOT NULL CHECK (seat_no >= 1),
  -- Checked at commit: the seat is taken first, then the appointment is written with its number.
  appointment_id uuid NOT NULL REFERENCES appointments(id) DEFERRABLE INITIALLY DEFERRED,
  held_until timestamptz,
  released_at timestamptz,
  PRIMARY KEY (service_id, starts_at, seat_no)
);
CREATE INDEX appointment_seats_appointment_idx ON appointment_seats (appointment_id);
