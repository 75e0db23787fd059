import type { DefaultedTimestamp } from './columns.js';

/** Retention rules of the people registry (migrations 0026 and 0030, module people). */
export interface RetentionRulesTable {
  id: string;
  unit_id: string | null;
  /** Any document type of the registry or the case file (src/shared/document-types.ts); null: the person as a whole. */
  document_type: string | null;
  retain_years: number;
  note: string;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}
