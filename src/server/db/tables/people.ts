import type { Generated } from 'kysely';
import type { Timestamp, DefaultedTimestamp, CalendarDate, Json } from './columns.js';

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
  birth_precision: 'year' | 'quarter' | 'month' | 'day' | null;
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
  /** Set by the anonymisation task (migration 0026). */
  anonymised_at: Generated<Date | null>;
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
