import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DefaultedTimestamp, CalendarDate } from './columns.js';

// ── Queues (migration 0005) ─────────────────────────────────────────────────────────────────────

export type PriorityReason = 'disability' | 'pregnancy' | 'elderly' | 'small_children' | 'emergency';
export type TicketState = 'pending' | 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'transferred' | 'cancelled';
export type PriorityClass = 'normal' | 'priority' | 'emergency';
export type TicketEventKind = 'issued' | 'queued' | 'called' | 'recalled' | 'started' | 'ended' | 'transferred' | 'parked' | 'resumed' | 'no_show' | 'cancelled';

export interface VisitsTable {
  id: string;
  centre_id: string;
  local_day: CalendarDate;
  public_code: string;
  person_id: string | null;
  language: string;
  purpose: Generated<string>;
  interpreter_needed: Generated<boolean>;
  priority_reasons: Generated<PriorityReason[]>;
  origin: 'reception' | 'kiosk' | 'appointment';
  created_by: string | null;
  created_at: DefaultedTimestamp;
  /** Set when the centre's day closed (migration 0013). */
  closed_at: Timestamp | null;
}

export interface TicketSequencesTable {
  service_id: string;
  local_day: CalendarDate;
  last_number: number;
}

export interface TicketsTable {
  id: string;
  visit_id: string;
  centre_id: string;
  unit_id: string;
  service_id: string;
  local_day: CalendarDate;
  number: string;
  visit_order: number;
  state: TicketState;
  priority_class: PriorityClass;
  appointment_due_at: Timestamp | null;
  transferred_from: string | null;
  issued_at: Timestamp;
  queued_at: Timestamp | null;
  first_called_at: Timestamp | null;
  called_at: Timestamp | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  call_count: Generated<number>;
  counter_id: string | null;
  outcome: string | null;
  created_by: string | null;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  kind: TicketEventKind;
  at: Timestamp;
  counter_id: string | null;
  staff_id: string | null;
  outcome: string | null;
  note: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface CounterSessionsTable {
  id: string;
  counter_id: string;
  staff_id: string;
  state: 'open' | 'paused' | 'closed';
  opened_at: Timestamp;
  state_since: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface QueuePoliciesTable {
  unit_id: string;
  priority_head_start_minutes: number;
  emergency_head_start_minutes: number;
  appointment_head_start_minutes: number;
  appointment_early_minutes: number;
  no_show_after_calls: number;
  notify_when_ahead: Generated<number>;
  appointment_late_grace_minutes: Generated<number>;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

/** Answers kept for repeated requests (Idempotency-Key), used by queue and appointments. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response: ColumnType<unknown, string | null, string>;
  created_at: DefaultedTimestamp;
}

// ── "You are next" (migration 0014) ─────────────────────────────────────────────────────────────

export type TicketAlertChannel = 'email' | 'sms';
export type TicketAlertTemplate = 'queue.you_are_next' | 'queue.your_turn';

/** A person's wish to be told when their turn is near, with the consent to use the contact for it. */
export interface TicketAlertsTable {
  visit_id: string;
  centre_id: string;
  local_day: CalendarDate;
  channel: TicketAlertChannel;
  recipient: string;
  locale: string;
  link: string;
  consent_at: Timestamp;
  source: 'phone' | 'reception';
  created_by: string | null;
}

export interface TicketAlertSendsTable {
  ticket_id: string;
  template: TicketAlertTemplate;
  notification_id: string | null;
  sent_at: DefaultedTimestamp;
}
