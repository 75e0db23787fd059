import { z } from 'zod';
import { PartnerContact } from '../directory/directory.partner-lookup.js';
import { LANGUAGE_TAG_PATTERN } from '../../../shared/locales.js';

/** Texts per language: { pt: '…', en: '…' }; the host language (pt) is required where people read them. */
const LanguageCode = z.string().regex(LANGUAGE_TAG_PATTERN, 'expected a language code such as pt, en or zh-Hans');
export const LocalisedLabel = z.record(LanguageCode, z.string().trim().min(1).max(200)).refine((labels) => Boolean(labels.pt), { message: 'expected at least a Portuguese (pt) text' });

export const SectionName = z.enum(['notes', 'forms', 'purposes', 'documents', 'procedures']);
export const IdParams = z.object({ id: z.uuid('expected an id') });
export const PersonParams = z.object({ personId: z.uuid('expected the id of a person') });
export const UnitParams = z.object({ unitId: z.uuid('expected the id of a unit') });
export const ServiceParams = z.object({ serviceId: z.uuid('expected the id of a service') });

// ── Forms ────────────────────────────────────────────────────────────────────────────────────────

const FieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'expected lower-case letters, digits and _ (start with a letter)');
export const FormFieldInput = z
  .object({
    key: FieldKey,
    label: LocalisedLabel,
    type: z.enum(['text', 'number', 'date', 'choice', 'yes_no']),
    required: z.boolean().default(false),
    options: z.array(z.object({ value: FieldKey, label: LocalisedLabel })).min(2).max(40).optional(),
  })
  .refine((f) => (f.type === 'choice') === Boolean(f.options), { message: 'a choice field needs options, other fields have none', path: ['options'] });
export const FormInput = z
  .object({ serviceId: z.uuid(), title: LocalisedLabel, fields: z.array(FormFieldInput).min(1).max(60) })
  .refine((f) => new Set(f.fields.map((x) => x.key)).size === f.fields.length, { message: 'field keys must be different', path: ['fields'] });
export type FormInput = z.infer<typeof FormInput>;
export const FormView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  serviceId: z.uuid(),
  version: z.int(),
  title: z.record(z.string(), z.string()),
  fields: z.array(z.object({ key: z.string(), label: z.record(z.string(), z.string()), type: z.string(), required: z.boolean(), options: z.array(z.object({ value: z.string(), label: z.record(z.string(), z.string()) })).optional() })),
  createdAt: z.string(),
});
export type FormView = z.infer<typeof FormView>;

// ── Entries (notes, filled forms, purposes of visit) ─────────────────────────────────────────────

export const NoteInput = z.object({ unitId: z.uuid(), text: z.string().trim().min(1).max(20_000) });
export const PurposeInput = z.object({ unitId: z.uuid(), serviceId: z.uuid().optional(), text: z.string().trim().min(1).max(4000) });
export const FormAnswersInput = z.object({ formId: z.uuid(), answers: z.record(z.string(), z.unknown()) });
export const EntryPatch = z.object({ text: z.string().trim().min(1).max(20_000).optional(), answers: z.record(z.string(), z.unknown()).optional() });
export const EntryView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  unitId: z.uuid(),
  section: z.enum(['notes', 'forms', 'purposes']),
  serviceId: z.uuid().nullable(),
  formId: z.uuid().nullable(),
  text: z.string(),
  answers: z.record(z.string(), z.unknown()).nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  breakGlass: z.boolean(),
});
export type EntryView = z.infer<typeof EntryView>;
export const EntryListQuery = z.object({ unitId: z.uuid().optional(), section: z.enum(['notes', 'forms', 'purposes']).optional() });

/** What the file overview says about sections the viewer may not see: how many units hold them. */
export const FileOverview = z.object({
  personId: z.uuid(),
  coreReadable: z.boolean(),
  visible: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), section: SectionName, records: z.int(), breakGlass: z.boolean() })),
  hiddenUnits: z.int().describe('units holding sections of this file that the viewer may not see (their names are not revealed)'),
  breakGlassUntil: z.string().nullable(),
});
export type FileOverview = z.infer<typeof FileOverview>;

// ── Partners (the service directory's outside organisations) ─────────────────────────────────────

/** A partner named on a consent or a referral: the directory's entry when linked, else the name as recorded. */
export const PartnerRef = PartnerContact.pick({ phones: true, addresses: true, email: true, website: true }).extend({
  organizationId: z.uuid().nullable().describe('null: named in free text before partners came from the directory (or no longer in it)'),
  name: z.string(),
});
export type PartnerRef = z.infer<typeof PartnerRef>;

// ── Consents ─────────────────────────────────────────────────────────────────────────────────────

export const ConsentInput = z
  .object({
    purpose: z.enum(['share_with_unit', 'share_with_partner', 'contact_sms', 'contact_email']),
    sourceUnitId: z.uuid().optional(),
    targetUnitId: z.uuid().optional(),
    /** share_with_partner: the partner's organisation in the service directory (GET /public/directory/partners). */
    partnerOrganizationId: z.uuid('expected the id of a partner organisation of the directory').optional(),
    givenHow: z.enum(['in_person_signed', 'verbal_witnessed', 'online']),
    witnessName: z.string().trim().min(2).max(200).optional(),
    givenAt: z.iso.datetime({ offset: true }).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.purpose === 'share_with_unit' && (!c.sourceUnitId || !c.targetUnitId)) ctx.addIssue({ code: 'custom', path: ['targetUnitId'], message: 'sharing with a unit names the unit whose section is shared and the unit it is shared with' });
    if (c.purpose === 'share_with_unit' && c.sourceUnitId && c.sourceUnitId === c.targetUnitId) ctx.addIssue({ code: 'custom', path: ['targetUnitId'], message: 'expected another unit' });
    if (c.purpose === 'share_with_partner' && (!c.sourceUnitId || !c.partnerOrganizationId)) ctx.addIssue({ code: 'custom', path: ['partnerOrganizationId'], message: 'sharing with a partner names the unit whose section is shared and the partner association of the directory' });
    if (c.purpose !== 'share_with_partner' && c.partnerOrganizationId) ctx.addIssue({ code: 'custom', path: ['partnerOrganizationId'], message: 'only a consent to share with a partner names one' });
    if (c.givenHow === 'verbal_witnessed' && !c.witnessName) ctx.addIssue({ code: 'custom', path: ['witnessName'], message: 'a verbal consent needs a witness' });
    if (c.expiresAt && new Date(c.expiresAt) <= new Date(c.givenAt ?? Date.now())) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expected a time after the consent was given' });
  });
export type ConsentInput = z.infer<typeof ConsentInput>;
export const WithdrawInput = z.object({ note: z.string().trim().max(1000).optional() });
export const ConsentView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  purpose: z.string(),
  sourceUnitId: z.uuid().nullable(),
  targetUnitId: z.uuid().nullable(),
  partnerOrganizationId: z.uuid().nullable().describe('The partner in the service directory; null for a partner named in free text before partners came from the directory'),
  partnerName: z.string().nullable().describe('The directory\'s name of the partner, or the name as recorded'),
  givenHow: z.string(),
  witnessName: z.string().nullable(),
  givenAt: z.string(),
  expiresAt: z.string().nullable(),
  recordedBy: z.uuid().nullable(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.uuid().nullable(),
  withdrawalNote: z.string().nullable(),
  active: z.boolean().describe('given, not expired and not withdrawn now'),
});
export type ConsentView = z.infer<typeof ConsentView>;

// ── Break-glass ──────────────────────────────────────────────────────────────────────────────────

export const BREAK_GLASS_REASON_MIN = 20;
export const BreakGlassInput = z.object({ reason: z.string().trim().min(BREAK_GLASS_REASON_MIN, `expected a reason of at least ${BREAK_GLASS_REASON_MIN} characters`).max(1000) });
export const BreakGlassView = z.object({ id: z.uuid(), personId: z.uuid(), reason: z.string(), openedAt: z.string(), expiresAt: z.string() });
export type BreakGlassView = z.infer<typeof BreakGlassView>;
