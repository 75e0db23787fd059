import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DefaultedTimestamp, CalendarDate, TimeOfDay } from './columns.js';

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
  /** HMAC of the client's address for public holds and bookings (migration 0017); null for staff. */
  client_address_hash: Generated<string | null>;
  /** The registry's person it was booked for (phone line, migration 0020; staff bookings, 0026), and why staff cancelled. */
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
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

/** One-time links and short sessions of "my procedures" (migration 0020). */
export interface PortalAccessTokensTable {
  id: string;
  token_hash: string;
  purpose: 'link' | 'session';
  contact_kind: 'email' | 'phone';
  contact_key: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: DefaultedTimestamp;
}

/** Requests for an access link, counted per address and per contact (migration 0020). */
export interface PortalAccessRequestsTable {
  id: string;
  kind: 'link' | 'reference';
  address_hash: string;
  contact_hash: string;
  created_at: DefaultedTimestamp;
}
