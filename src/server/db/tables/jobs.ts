import type { ColumnType } from 'kysely';
import type { DefaultedTimestamp, Json, Timestamp } from './columns.js';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** Durable background jobs (migration 0010, src/server/jobs). */
export interface JobsTable {
  id: string;
  kind: string;
  payload: Json<unknown>;
  run_at: Timestamp;
  dedupe_key: string | null;
  status: Defaulted<JobStatus>;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
  /** The instance running it (migration 0015). */
  locked_by: string | null;
  started_at: Timestamp | null;
}

/** One row per recurring task and scheduled moment (migration 0010). */
export interface RecurringTaskRunsTable {
  task: string;
  scheduled_for: Timestamp;
  started_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
  outcome: Json<unknown> | null;
  error: string | null;
}
