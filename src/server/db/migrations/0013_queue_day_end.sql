-- End of a centre's day (docs/queue.md, "End of day"): after closing time, a recurring task gives
-- every ticket still open a terminal outcome, closes the counters left open and closes the visits.
-- A visit's closed_at says the day it belongs to is over; nothing of it changes afterwards.
ALTER TABLE visits ADD COLUMN closed_at timestamptz;
CREATE INDEX visits_open_idx ON visits (centre_id, local_day) WHERE closed_at IS NULL;
-- Finds what is left open at the end of a day without reading the day's finished tickets.
CREATE INDEX tickets_open_idx ON tickets (centre_id, local_day) WHERE state IN ('pending', 'waiting', 'called', 'serving', 'parked');
-- Ticket numbers are only handed out for today: older sequences are purged by day.
CREATE INDEX ticket_sequences_day_idx ON ticket_sequences (local_day);
