import type { DefaultedTimestamp } from './columns.js';

/** Retention rules of the people registry (migration 0026, module people). */
export interface RetentionRulesTable {
  id: string;
  unit_id: string | null;
  document_type: 'passport' | 'national_id' | 'residence_permit' | 'travel_document' | 'birth_certificate' | 'other' | null;
  retain_years: number;
  note: string;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}
