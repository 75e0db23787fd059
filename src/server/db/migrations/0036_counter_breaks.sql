-- A counter's planned breaks, every opening day, in the centre's local time (a lunch hour, say).
-- Waiting-time estimates count on them: a counter free during one of its breaks is away until its
-- end (docs/queue.md, "Waiting-time estimates"). They plan; pausing the counter is still the staff's act.
CREATE TABLE counter_breaks (
  counter_id uuid NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  starts time NOT NULL,
  ends time NOT NULL,
  CHECK (starts < ends),
  PRIMARY KEY (counter_id, starts)
);
