import type { ColumnType, Generated } from 'kysely';
import type { DefaultedTimestamp, Json, LocalisedText, Timestamp } from './columns.js';

/** Case file (migrations 0022–0024, module casefile). */
export type SectionName = 'notes' | 'forms' | 'purposes' | 'documents' | 'procedures';

export interface FormField {
  key: string;
  label: LocalisedText;
  type: 'text' | 'number' | 'date' | 'choice' | 'yes_no';
  required: boolean;
  options?: { value: string; label: LocalisedText }[];
}

export interface CasefileFormsTable {
  id: string;
  unit_id: string;
  service_id: string;
  version: number;
  title: Json<LocalisedText>;
  fields: Json<FormField[]>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
}

export interface CasefileEntriesTable {
  id: string;
  person_id: string;
  unit_id: string;
  section: 'notes' | 'forms' | 'purposes';
  service_id: string | null;
  form_id: string | null;
  body: Generated<string>;
  answers: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  updated_by: string | null;
  updated_at: DefaultedTimestamp;
}

export type ConsentPurpose = 'share_with_unit' | 'share_with_partner' | 'contact_sms' | 'contact_email';
export type ConsentGivenHow = 'in_person_signed' | 'verbal_witnessed' | 'online';

export interface CasefileConsentsTable {
  id: string;
  person_id: string;
  purpose: ConsentPurpose;
  source_unit_id: string | null;
  target_unit_id: string | null;
  /** The name as recorded (free text before migration 0031; the directory's name since). */
  partner_name: string | null;
  /** The partner's organisation in the directory (migration 0031); null for older free-text rows. */
  partner_organization_id: ColumnType<string | null, string | null | undefined, string | null>;
  given_how: ConsentGivenHow;
  witness_name: string | null;
  given_at: Timestamp;
  expires_at: Timestamp | null;
  recorded_by: string | null;
  recorded_at: DefaultedTimestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
}

export type ReferralStatus = 'sent' | 'accepted' | 'rejected' | 'done' | 'revoked';

export interface CasefileReferralsTable {
  id: string;
  person_id: string;
  from_unit_id: string;
  to_unit_id: string | null;
  /** The name as recorded (free text before migration 0031; the directory's name since). */
  partner_name: string | null;
  /** The partner's organisation in the directory (migration 0031); null for older free-text rows. */
  partner_organization_id: ColumnType<string | null, string | null | undefined, string | null>;
  shared_sections: ColumnType<SectionName[], SectionName[], SectionName[]>;
  message: Generated<string>;
  status: Generated<ReferralStatus>;
  sent_by: string | null;
  sent_at: DefaultedTimestamp;
  answered_by: string | null;
  answered_at: Timestamp | null;
  answer_note: string | null;
  closed_by: string | null;
  closed_at: Timestamp | null;
  close_note: string | null;
}

export interface CasefileBreakGlassTable {
  id: string;
  staff_id: string;
  person_id: string;
  reason: string;
  opened_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface WorkflowState {
  key: string;
  labels: LocalisedText;
  final: boolean;
}

export interface CasefileWorkflowsTable {
  id: string;
  service_id: string;
  version: number;
  states: Json<WorkflowState[]>;
  transitions: Json<{ from: string; to: string }[]>;
  initial_state: string;
  created_by: string | null;
  created_at: DefaultedTimestamp;
}

export interface CasefileProceduresTable {
  id: string;
  person_id: string;
  unit_id: string;
  service_id: string;
  workflow_id: string;
  state: string;
  is_final: Generated<boolean>;
  opened_by: string | null;
  opened_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface CasefileProcedureTransitionsTable {
  id: string;
  procedure_id: string;
  from_state: string | null;
  to_state: string;
  note: Generated<string>;
  by_staff: string | null;
  at: DefaultedTimestamp;
}

export interface CasefileDocumentsTable {
  id: string;
  person_id: string;
  unit_id: string;
  document_type: string;
  title: Generated<string>;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: DefaultedTimestamp;
}

export interface CasefileDocumentContentsTable {
  document_id: string;
  key_id: string;
  iv: Uint8Array;
  auth_tag: Uint8Array;
  ciphertext: Uint8Array;
}

/** One case-file record moved by a people merge (0032), so the undo can move it back. */
export interface CasefileMergeMovesTable {
  merge_id: string;
  record_table: 'casefile_entries' | 'casefile_consents' | 'casefile_referrals' | 'casefile_procedures' | 'casefile_documents';
  record_id: string;
}
