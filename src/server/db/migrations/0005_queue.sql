-- Queues: visits, tickets and every moment of them, counters at work, per-unit ordering policy,
-- idempotency keys. See docs/queue.md for the rules these tables keep.

-- One person's presence at a centre on a day. The people registry comes later: person_id has no
-- foreign key yet. The public code opens the virtual queue (/t/:code); it is not the ticket number.
CREATE TABLE visits (
  id uuid PRIMARY KEY,
  centre_id uuid NOT NULL REFERENCES centres(id),
  -- The centre's own calendar day (in its time zone) the visit belongs to.
  local_day date NOT NULL,
  public_code text NOT NULL UNIQUE,
  person_id uuid,
  language text NOT NULL,
  -- Recorded in the host language by the mediator, whatever language the person spoke.
  purpose text NOT NULL DEFAULT '',
  interpreter_needed boolean NOT NULL DEFAULT false,
  priority_reasons text[] NOT NULL DEFAULT '{}'
    CHECK (priority_reasons <@ ARRAY['disability', 'pregnancy', 'elderly', 'small_children', 'emergency']::text[]),
  origin text NOT NULL CHECK (origin IN ('reception', 'kiosk', 'appointment')),
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visits_centre_day_idx ON visits (centre_id, local_day);

-- Ticket numbers: one sequence per service and local day, handed out by an upsert (row lock).
CREATE TABLE ticket_sequences (
  service_id uuid NOT NULL REFERENCES services(id),
  local_day date NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (service_id, local_day)
);

-- A place in one service's queue within a visit. A transfer ends the ticket as 'transferred' and
-- opens a new one with the same number in the other queue (transferred_from points back), so the
-- statistics of each service stay exact. 'pending' is a later ticket of a multi-service visit: it
-- joins its queue (becomes 'waiting') when the ticket before it is done.
CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  visit_id uuid NOT NULL REFERENCES visits(id),
  centre_id uuid NOT NULL REFERENCES centres(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  service_id uuid NOT NULL REFERENCES services(id),
  local_day date NOT NULL,
  number text NOT NULL,
  -- Order of this ticket within its visit: 1 first, 2 after it, ...
  visit_order smallint NOT NULL CHECK (visit_order >= 1),
  state text NOT NULL CHECK (state IN ('pending', 'waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'transferred', 'cancelled')),
  priority_class text NOT NULL CHECK (priority_class IN ('normal', 'priority', 'emergency')),
  appointment_due_at timestamptz,
  transferred_from uuid REFERENCES tickets(id),
  issued_at timestamptz NOT NULL,
  -- When the ticket entered its current queue (issue, the previous ticket of the visit ending, transfer).
  queued_at timestamptz,
  first_called_at timestamptz,
  called_at timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  call_count integer NOT NULL DEFAULT 0,
  counter_id uuid REFERENCES counters(id),
  outcome text,
  created_by uuid REFERENCES staff(id),
  CHECK (state NOT IN ('called', 'serving') OR counter_id IS NOT NULL),
  CHECK (state <> 'waiting' OR queued_at IS NOT NULL)
);
-- The guarantee: a counter holds at most one called or serving ticket. A ticket has one counter_id
-- column, so it can never be held by two counters.
CREATE UNIQUE INDEX tickets_one_active_per_counter ON tickets (counter_id) WHERE state IN ('called', 'serving');
CREATE UNIQUE INDEX tickets_visit_order_idx ON tickets (visit_id, visit_order) WHERE state <> 'transferred';
CREATE INDEX tickets_waiting_idx ON tickets (service_id, queued_at) WHERE state = 'waiting';
CREATE INDEX tickets_centre_day_idx ON tickets (centre_id, local_day);
CREATE INDEX tickets_service_ended_idx ON tickets (service_id, ended_at DESC) WHERE state = 'done';
CREATE INDEX tickets_visit_idx ON tickets (visit_id);

-- Every moment of a ticket, so statistics can be recomputed exactly.
CREATE TABLE ticket_events (
  id bigserial PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES tickets(id),
  kind text NOT NULL CHECK (kind IN ('issued', 'queued', 'called', 'recalled', 'started', 'ended', 'transferred', 'parked', 'resumed', 'no_show', 'cancelled')),
  at timestamptz NOT NULL,
  counter_id uuid REFERENCES counters(id),
  staff_id uuid REFERENCES staff(id),
  outcome text,
  note text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id);

-- A counter at work: who opened it, whether it is open or paused, since when. A counter has at most
-- one session that is not closed, and a staff member sits at one counter at a time.
CREATE TABLE counter_sessions (
  id uuid PRIMARY KEY,
  counter_id uuid NOT NULL REFERENCES counters(id),
  staff_id uuid NOT NULL REFERENCES staff(id),
  state text NOT NULL CHECK (state IN ('open', 'paused', 'closed')),
  opened_at timestamptz NOT NULL,
  state_since timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by uuid REFERENCES staff(id)
);
CREATE UNIQUE INDEX counter_sessions_live_counter ON counter_sessions (counter_id) WHERE state <> 'closed';
CREATE UNIQUE INDEX counter_sessions_live_staff ON counter_sessions (staff_id) WHERE state <> 'closed';

-- How a unit orders its queues (docs/queue.md): head starts in minutes move a ticket's place as if it
-- had arrived that much earlier. A unit without a row uses the defaults in queue.ordering.ts.
CREATE TABLE queue_policies (
  unit_id uuid PRIMARY KEY REFERENCES units(id),
  priority_head_start_minutes integer NOT NULL CHECK (priority_head_start_minutes BETWEEN 0 AND 480),
  emergency_head_start_minutes integer NOT NULL CHECK (emergency_head_start_minutes BETWEEN 0 AND 480),
  appointment_head_start_minutes integer NOT NULL CHECK (appointment_head_start_minutes BETWEEN 0 AND 480),
  appointment_early_minutes integer NOT NULL CHECK (appointment_early_minutes BETWEEN 0 AND 120),
  no_show_after_calls integer NOT NULL CHECK (no_show_after_calls BETWEEN 1 AND 10),
  updated_by uuid REFERENCES staff(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A retried request (double click, lost answer) with the same key gets the first answer again.
-- The row is written in the transaction of the change, so it exists exactly when the change does.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  -- Filled in before the transaction commits; others never see it empty (they wait on the key).
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
