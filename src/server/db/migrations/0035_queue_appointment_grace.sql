-- A person checked in more than this many minutes after the appointment's time has missed it: the
-- ticket queues as a walk-in's and takes no appointment head start (docs/queue.md, "Ordering policy").
-- Check-in itself stays open until the booking policy's late_grace_minutes (appointments module).
ALTER TABLE queue_policies ADD COLUMN appointment_late_grace_minutes integer NOT NULL DEFAULT 5
  CHECK (appointment_late_grace_minutes BETWEEN 0 AND 120);
