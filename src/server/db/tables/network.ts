import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DefaultedTimestamp, CalendarDate, TimeOfDay, Json, LocalisedText } from './columns.js';

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

/** Planned breaks of a counter, every opening day, in the centre's local time (migration 0036). */
export interface CounterBreaksTable {
  counter_id: string;
  starts: TimeOfDay;
  ends: TimeOfDay;
}
