import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** A timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A column with a database default. */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: a calendar day as 'YYYY-MM-DD'. */
export type CalendarDate = string;
/** A `time` column: 'HH:MM[:SS]'. */
export type TimeOfDay = string;
export type Json<T> = ColumnType<T, string, string>;

/** Names of something per language code, e.g. { pt: '…', en: '…' }. */
export type LocalisedText = Record<string, string>;

export interface NetworksTable {
  id: string;
  name: string;
  host_language: Generated<string>;
  created_at: DefaultedTimestamp;
}

export interface CentresTable {
  id: string;
  network_id: string;
  code: string;
  name: string;
  kind: 'national' | 'branch' | 'local';
  time_zone: string;
  street: Generated<string>;
  postal_code: Generated<string>;
  city: Generated<string>;
  country: Generated<string>;
  phone: string | null;
  email: string | null;
  announcement_languages: Generated<string[]>;
  archived_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CentreOpeningHoursTable {
  id: string;
  centre_id: string;
  weekday: number;
  opens: TimeOfDay;
  closes: TimeOfDay;
}

export interface CentreCalendarExceptionsTable {
  id: string;
  centre_id: string;
  on_date: CalendarDate;
  kind: 'holiday' | 'closed' | 'special_hours';
  opens: TimeOfDay | null;
  closes: TimeOfDay | null;
  label: Generated<string>;
}

export interface UnitsTable {
  id: string;
  centre_id: string;
  code: string;
  name: string;
  kind: 'agency_branch' | 'support_office' | 'complementary_service';
  organisation: Generated<string>;
  location: Generated<string>;
  archived_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface ServicesTable {
  id: string;
  unit_id: string;
  code: string;
  names: Json<LocalisedText>;
  typical_minutes: number;
  ticket_prefix: string;
  required_documents: ColumnType<LocalisedText[], string | undefined, string>;
  languages: Generated<string[]>;
  /** Tickets a kiosk may issue per local day (migration 0008, queue module); null: no limit. */
  daily_quota: Generated<number | null>;
  archived_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CountersTable {
  id: string;
  unit_id: string;
  label: string;
  location: Generated<string>;
  archived_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CounterServicesTable {
  counter_id: string;
  service_id: string;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | number | null, number | null | undefined, number | null>;
  password_changed_at: Timestamp | null;
  locale: Generated<string>;
  languages: Generated<string[]>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface StaffRolesTable {
  id: string;
  staff_id: string;
  role: string;
  scope_type: 'network' | 'centre' | 'unit';
  scope_id: string;
  granted_at: DefaultedTimestamp;
}

export interface StaffIdentitiesTable {
  issuer: string;
  subject: string;
  staff_id: string;
  created_at: DefaultedTimestamp;
}

export interface StaffSessionsTable {
  id: string;
  token_hash: string;
  staff_id: string;
  csrf_token: string;
  second_factor_pending: Generated<boolean>;
  method: 'password' | 'oidc';
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultedTimestamp;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  second_factor_failures: Generated<number>;
}

export interface OidcLoginsTable {
  browser_token_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: DefaultedTimestamp;
}

export interface AuditEventsTable {
  id: string;
  at: DefaultedTimestamp;
  actor_id: string | null;
  actor_name: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  centre_id: string | null;
  unit_id: string | null;
  personal_data: Generated<boolean>;
  reason: string | null;
  break_glass: Generated<boolean>;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface RealtimeEventsTable {
  id: Generated<number>;
  at: DefaultedTimestamp;
  type: string;
  centre_id: string | null;
  unit_id: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, never>;
  /** Assigned when the transaction commits, in commit order (migration 0004); null until then. */
  position: ColumnType<number | null, never, never>;
}

export interface RealtimeRetentionTable {
  singleton: Generated<boolean>;
  purged_through: number;
}

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
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

/** Appointments (migration 0006, module appointments). */
export interface AppointmentSchedulesTable {
  id: string;
  service_id: string;
  weekdays: number[];
  starts: TimeOfDay;
  ends: TimeOfDay;
  desks: number;
  valid_from: CalendarDate;
  valid_to: CalendarDate | null;
  created_at: DefaultedTimestamp;
}

export interface BookingPoliciesTable {
  service_id: string;
  slot_minutes: number | null;
  public_share_percent: number;
  earliest_days: number;
  latest_days: number;
  hold_minutes: number;
  max_active_per_contact: number;
  release_window_minutes: number;
  /** Check-in (migration 0009): opens this many minutes before the appointment… */
  checkin_opens_minutes_before: Generated<number>;
  /** …and stays open this many minutes after its start; later, the appointment is missed. */
  late_grace_minutes: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export type AppointmentState = 'held' | 'booked' | 'checked_in' | 'cancelled' | 'no_show' | 'expired';
export type AppointmentChannel = 'public' | 'phone' | 'staff';

export interface AppointmentsTable {
  id: string;
  reference: string;
  centre_id: string;
  service_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  seat_no: number;
  state: AppointmentState;
  channel: AppointmentChannel;
  hold_expires_at: Timestamp;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  preferred_language: string | null;
  email_key: string | null;
  phone_key: string | null;
  token_hash: string | null;
  hold_key: string | null;
  confirm_key: string | null;
  booked_by: string | null;
  booked_at: Timestamp | null;
  cancelled_by: string | null;
  cancelled_at: Timestamp | null;
  /** Check-in into the queue (migration 0009). */
  checked_in_at: Timestamp | null;
  checked_in_by: string | null;
  checkin_origin: 'reception' | 'kiosk' | null;
  visit_id: string | null;
  ticket_id: string | null;
  no_show_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AppointmentSeatsTable {
  service_id: string;
  starts_at: Timestamp;
  seat_no: number;
  appointment_id: string;
  held_until: Timestamp | null;
  released_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response: ColumnType<unknown, string | null, string>;
  created_at: DefaultedTimestamp;
}

/** Screens and kiosks authorised by a token (migration 0008, module queue). */
export interface QueueDevicesTable {
  id: string;
  kind: 'screen' | 'kiosk';
  centre_id: string;
  unit_id: string | null;
  label: string;
  token_hash: string;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

/** People registry (migration 0007, module people). */
export interface PeopleTable {
  id: string;
  home_centre_id: string;
  given_names: Generated<string>;
  family_names: Generated<string>;
  other_names: Generated<string>;
  native_given_names: Generated<string>;
  native_family_names: Generated<string>;
  native_script: string | null;
  birth_date: CalendarDate | null;
  birth_precision: 'year' | 'month' | 'day' | null;
  sex: Generated<'female' | 'male' | 'other' | 'unknown'>;
  nationalities: Generated<string[]>;
  preferred_language: string | null;
  languages: Generated<string[]>;
  needs_notes: Generated<string>;
  address: Json<Record<string, string> | null> | null;
  name_key: Generated<string>;
  skeleton_keys: Generated<string[]>;
  phonetic_keys: Generated<string[]>;
  merged_into: string | null;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface PersonDocumentsTable {
  id: string;
  person_id: string;
  type: 'passport' | 'national_id' | 'residence_permit' | 'travel_document' | 'birth_certificate' | 'other';
  number: string;
  number_key: string;
  issuing_country: string | null;
  expires_on: CalendarDate | null;
  created_at: DefaultedTimestamp;
}

export interface PersonContactsTable {
  id: string;
  person_id: string;
  kind: 'phone' | 'email';
  value: string;
  value_key: string;
  created_at: DefaultedTimestamp;
}

export interface PersonMergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  reason: Generated<string>;
  merged_by: string | null;
  merged_at: DefaultedTimestamp;
  undone_by: string | null;
  undone_at: Timestamp | null;
}

export interface Database {
  networks: NetworksTable;
  centres: CentresTable;
  centre_opening_hours: CentreOpeningHoursTable;
  centre_calendar_exceptions: CentreCalendarExceptionsTable;
  units: UnitsTable;
  services: ServicesTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  staff_identities: StaffIdentitiesTable;
  staff_sessions: StaffSessionsTable;
  oidc_logins: OidcLoginsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  realtime_events: RealtimeEventsTable;
  realtime_retention: RealtimeRetentionTable;
  visits: VisitsTable;
  ticket_sequences: TicketSequencesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  counter_sessions: CounterSessionsTable;
  queue_policies: QueuePoliciesTable;
  idempotency_keys: IdempotencyKeysTable;
  queue_devices: QueueDevicesTable;
  people: PeopleTable;
  person_documents: PersonDocumentsTable;
  person_contacts: PersonContactsTable;
  person_merges: PersonMergesTable;
  appointment_schedules: AppointmentSchedulesTable;
  booking_policies: BookingPoliciesTable;
  appointments: AppointmentsTable;
  appointment_seats: AppointmentSeatsTable;
}

export type Centre = Selectable<CentresTable>;
export type NewCentre = Insertable<CentresTable>;
export type CentreUpdate = Updateable<CentresTable>;
export type Unit = Selectable<UnitsTable>;
export type Service = Selectable<ServicesTable>;
export type Counter = Selectable<CountersTable>;
export type Staff = Selectable<StaffTable>;
export type StaffSession = Selectable<StaffSessionsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type RealtimeEvent = Selectable<RealtimeEventsTable>;
