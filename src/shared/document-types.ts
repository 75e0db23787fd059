/**
 * Document types (docs/casefile.md "Documents", docs/people.md "Retention and anonymisation").
 * The case file stores documents of any type a unit needs (`contract`, `payslip`…), so a type is a
 * name of this shape rather than a closed list; retention rules name types the same way, and the
 * database checks the same pattern (migration 0030).
 */
export const DOCUMENT_TYPE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const DOCUMENT_TYPE_HINT = 'expected a document type such as passport, residence_permit, payslip (lower-case letters, digits and _)';

/** The registry's identity documents (people module): a closed list, with numbers matched for duplicates. */
export const IDENTITY_DOCUMENT_TYPES = ['passport', 'national_id', 'residence_permit', 'travel_document', 'birth_certificate', 'other'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** The kinds the screens offer when a document is scanned into the case file, in this order. */
export const CASEFILE_DOCUMENT_TYPES = ['passport', 'residence_permit', 'id_card', 'birth_certificate', 'contract', 'payslip', 'proof_of_address', 'other'] as const;

export function isDocumentType(value: string): boolean {
  return DOCUMENT_TYPE_PATTERN.test(value);
}
