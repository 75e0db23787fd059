-- Check-in of appointments into the live queue (docs/appointments.md, "Check-in"). The booking
-- policy says when check-in opens before the appointment and how late a person may still come; the
-- appointment remembers when, where and by whom it was checked in and which ticket it became.

ALTER TABLE booking_policies
  ADD COLUMN checkin_opens_minutes_before smallint NOT NULL DEFAULT 60 CHECK (checkin_opens_minutes_before BETWEEN 0 AND 720),
  ADD COLUMN late_grace_minutes smallint NOT NULL DEFAULT 15 CHECK (late_grace_minutes BETWEEN 0 AND 240);

ALTER TABLE appointments
  ADD COLUMN checked_in_at timestamptz,
  ADD COLUMN checked_in_by uuid REFERENCES staff(id),
  ADD COLUMN checkin_origin text CHECK (checkin_origin IN ('reception', 'kiosk')),
  -- The queue's visit and the ticket the appointment became (queue module, migration 0005).
  ADD COLUMN visit_id uuid REFERENCES visits(id),
  ADD COLUMN ticket_id uuid REFERENCES tickets(id),
  -- When the appointment was marked missed (by a late check-in attempt or the sweep).
  ADD COLUMN no_show_at timestamptz,
  ADD CONSTRAINT appointments_checked_in_has_ticket CHECK (state <> 'checked_in' OR (checked_in_at IS NOT NULL AND ticket_id IS NOT NULL AND visit_id IS NOT NULL)),
  ADD CONSTRAINT appointments_no_show_has_time CHECK (state <> 'no_show' OR no_show_at IS NOT NULL);

-- The no-show sweep looks for booked appointments whose time has passed.
CREATE INDEX appointments_booked_start_idx ON appointments (starts_at) WHERE state = 'booked';
