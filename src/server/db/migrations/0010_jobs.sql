-- Durable background work: one row per job to run at a moment (a reminder, a delivery retry, the
-- release of a cancelled slot). Any number of server processes take due jobs with SKIP LOCKED, so
-- a job runs once even when several instances share one PostgreSQL. A job written in the same
-- transaction as the change that needs it is never lost and never runs for a change that rolled back.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 80),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at timestamptz NOT NULL,
  -- At most one pending job per (kind, dedupe key): enqueueing again moves it instead of adding one.
  dedupe_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  -- A running job whose process died is taken again once this passes.
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX jobs_pending_dedupe_idx ON jobs (kind, dedupe_key) WHERE dedupe_key IS NOT NULL AND status = 'pending';
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('pending', 'running');

-- Recurring tasks (end-of-day closing, purges, sweeps): one row per task and scheduled moment, so
-- that with several instances each moment runs once, and operators see when each task last ran.
CREATE TABLE recurring_task_runs (
  task text NOT NULL,
  scheduled_for timestamptz NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome jsonb,
  error text,
  PRIMARY KEY (task, scheduled_for)
);
