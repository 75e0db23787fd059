import { z } from 'zod';
import { IDENTITY_DOCUMENT_TYPES } from '../../../shared/document-types.js';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** The registry's identity documents; the case file and retention rules take any type (src/shared/document-types.ts). */
export const DOCUMENT_TYPES = IDENTITY_DOCUMENT_TYPES;

export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

const Language = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "pt" or "uk"');
const Country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code such as "UA"');
const Name = z.string().trim().max(200);

/** "1990", "1990-05" or "1990-05-17": as much of the date of birth as the person knows. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => value.length < 10 || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a day of the calendar');

export const DocumentInput = z.object({
  type: z.enum(DOCUMENT_TYPES),
  number: z.string().trim().min(2).max(64).regex(/[A-Za-z0-9]/, 'expected letters or digits'),
  issuingCountry: Country.nullable().optional(),
  expiresOn: z.iso.date().nullable().optional(),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

export const ContactInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phone'), value: z.string().trim().regex(/^\+?[\d\s().-]{6,24}$/, 'expected a phone number') }),
  z.object({ kind: z.literal('email'), value: z.email() }),
]);
export type ContactInput = z.infer<typeof ContactInput>;

export const Address = z.object({
  street: z.string().trim().max(200).default(''),
  postalCode: z.string().trim().max(20).default(''),
  locality: z.string().trim().max(100).default(''),
  country: Country.nullable().default(null),
});

const PersonFields = {
  givenNames: Name.default('').describe('Given names in Latin letters'),
  familyNames: Name.default(''),
  otherNames: Name.default('').describe('Other names or aliases'),
  nativeGivenNames: Name.default('').describe('Given names as written in the person\'s own script'),
  nativeFamilyNames: Name.default(''),
  nativeScript: z.string().regex(/^[A-Z][a-z]{3}$/, 'expected an ISO 15924 script code such as "Arab"').nullable().default(null),
  birthDate: PartialDate.nullable().default(null),
  sex: z.enum(SEXES).default('unknown'),
  nationalities: z.array(Country).max(5).default([]),
  preferredLanguage: Language.nullable().default(null),
  languages: z.array(Language).max(10).default([]),
  needsNotes: z.string().trim().max(2000).default('').describe('Accessibility or other needs staff should know'),
  address: Address.nullable().default(null),
};

const hasAName = (person: { givenNames?: string; familyNames?: string; nativeGivenNames?: string; nativeFamilyNames?: string }) =>
  Boolean(person.givenNames || person.familyNames || person.nativeGivenNames || person.nativeFamilyNames);

export const PersonInput = z
  .object({
    homeCentreId: z.uuid().describe('The centre whose staff share this person\'s core file'),
    ...PersonFields,
    documents: z.array(DocumentInput).max(10).default([]),
    contacts: z.array(ContactInput).max(10).default([]),
    confirmNotDuplicate: z.boolean().default(false).describe('Register even though likely duplicates were shown'),
  })
  .refine(hasAName, { message: 'a name is needed, in Latin letters or in the person\'s script', path: ['givenNames'] });
export type PersonInput = z.infer<typeof PersonInput>;

export const PersonPatch = z.object({
  givenNames: Name.optional(),
  familyNames: Name.optional(),
  otherNames: Name.optional(),
  nativeGivenNames: Name.optional(),
  nativeFamilyNames: Name.optional(),
  nativeScript: PersonFields.nativeScript.removeDefault().optional(),
  birthDate: PartialDate.nullable().optional(),
  sex: z.enum(SEXES).optional(),
  nationalities: z.array(Country).max(5).optional(),
  preferredLanguage: Language.nullable().optional(),
  languages: z.array(Language).max(10).optional(),
  needsNotes: z.string().trim().max(2000).optional(),
  address: Address.nullable().optional(),
  documents: z.array(DocumentInput).max(10).optional().describe('Replaces the documents'),
  contacts: z.array(ContactInput).max(10).optional().describe('Replaces the contacts'),
});
export type PersonPatch = z.infer<typeof PersonPatch>;

export const DocumentView = z.object({ id: z.uuid(), type: z.enum(DOCUMENT_TYPES), number: z.string(), issuingCountry: z.string().nullable(), expiresOn: z.string().nullable() });
export const ContactView = z.object({ id: z.uuid(), kind: z.enum(['phone', 'email']), value: z.string(), normalised: z.string() });

export const PersonView = z.object({
  id: z.uuid(),
  homeCentreId: z.uuid(),
  ...PersonFields,
  birthDate: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD, as precise as known'),
  latinName: z.string().describe('All names in plain Latin letters, as search and matching read them'),
  documents: z.array(DocumentView),
  contacts: z.array(ContactView),
  mergedPeople: z.array(z.uuid()).describe('Records merged into this one; their documents and contacts are included'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof PersonView>;

export const MatchReasonView = z.object({ code: z.string(), text: z.string(), weight: z.number() });
export const DuplicateCandidate = z.object({
  person: PersonView,
  score: z.number().min(0).max(1),
  reasons: z.array(MatchReasonView),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const RegisterResult = z.object({
  person: PersonView.nullable().describe('The new record; null when likely duplicates need a decision first'),
  duplicates: z.array(DuplicateCandidate),
});
export type RegisterResult = z.infer<typeof RegisterResult>;

export const PersonSearchQuery = z.object({
  q: z.string().trim().min(2).max(200).describe('A name in any script, a phone number, an e-mail or a document number'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PersonSearchQuery = z.infer<typeof PersonSearchQuery>;

export const PersonSearchHit = z.object({ person: PersonView, score: z.number(), matchedBy: z.array(z.enum(['name', 'phone', 'email', 'document'])) });
export const PersonSearchResult = z.object({ items: z.array(PersonSearchHit) });
export type PersonSearchResult = z.infer<typeof PersonSearchResult>;

export const MergeInput = z.object({
  survivorId: z.uuid().describe('The record that stays'),
  mergedId: z.uuid().describe('The duplicate: it points to the survivor from now on'),
  reason: z.string().trim().min(3).max(500),
});
export type MergeInput = z.infer<typeof MergeInput>;

export const MergeView = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  reason: z.string(),
  mergedBy: z.uuid().nullable(),
  mergedAt: z.string(),
  undoneBy: z.uuid().nullable(),
  undoneAt: z.string().nullable(),
});
export type MergeView = z.infer<typeof MergeView>;
export const MergeHistory = z.object({ items: z.array(MergeView) });
