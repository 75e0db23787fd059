-- Retention rules per unit and document type (docs/people.md, "Retention and anonymisation"): a rule
-- names any document type the case file stores (contract, payslip, proof_of_address…), not only the
-- registry's identity documents. Same shape as the case file's document types
-- (src/shared/document-types.ts).
ALTER TABLE retention_rules DROP CONSTRAINT retention_rules_document_type_check;
ALTER TABLE retention_rules ADD CONSTRAINT retention_rules_document_type_check
  CHECK (document_type IS NULL OR document_type ~ '^[a-z][a-z0-9_]{1,39}$');
