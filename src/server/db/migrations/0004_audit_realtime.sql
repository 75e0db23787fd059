-- Audit journal: indexes for the auditor's filters and newest-first keyset pages.
CREATE INDEX audit_events_page_idx ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_centre_idx ON audit_events (centre_id, at DESC);
CREATE INDEX audit_events_unit_idx ON audit_events (unit_id, at DESC) WHERE unit_id IS NOT NULL;
CREATE INDEX audit_events_action_idx ON audit_events (action text_pattern_ops);
CREATE INDEX audit_events_break_glass_idx ON audit_events (at DESC) WHERE break_glass;

-- Realtime events get a position in commit order. A bigserial id is handed out when the row is
-- inserted, so on PostgreSQL a transaction that inserted id 10 may commit after one that inserted
-- id 11; a stream resuming "after 11" would then miss 10 for ever. The position is assigned by a
-- deferred trigger at commit time under a transaction-scoped advisory lock, which is released only
-- after the commit is visible: positions become visible strictly in increasing order, so "after N"
-- never skips a row that appears later. Holes (a commit that fails after the trigger) never fill in.
ALTER TABLE realtime_events ADD COLUMN position bigint UNIQUE;
CREATE SEQUENCE realtime_events_position_seq;

-- Everything up to this position has been deleted by the retention job: a stream asking to resume
-- from before it is told to reload instead of silently missing events.
CREATE TABLE realtime_retention (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  purged_through bigint NOT NULL DEFAULT 0
);
INSERT INTO realtime_retention DEFAULT VALUES;

DROP TRIGGER realtime_events_after_insert ON realtime_events;
DROP FUNCTION realtime_events_notify();

CREATE FUNCTION realtime_events_publish() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  assigned bigint;
BEGIN
  -- Serialises only the last instant of transactions that publish events, after all their own
  -- statements, so it cannot deadlock with the row locks they took.
  PERFORM pg_advisory_xact_lock(7243004);
  assigned := nextval('realtime_events_position_seq');
  UPDATE realtime_events SET position = assigned WHERE id = NEW.id;
  PERFORM pg_notify('oneroof_events', assigned::text);
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER realtime_events_publish AFTER INSERT ON realtime_events
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION realtime_events_publish();
