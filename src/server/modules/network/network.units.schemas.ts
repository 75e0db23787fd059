import { z } from 'zod';
import { Code, LanguageList, LocalisedText, TimeOfDay } from './network.schemas.js';

// ── Units ────────────────────────────────────────────────────────────────────────────────────────

export const UnitKind = z.enum(['agency_branch', 'support_office', 'complementary_service']);

export const UnitInput = z.object({
  code: Code,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  kind: UnitKind,
  /** The agency an agency branch belongs to, or the partner that runs a support office. */
  organisation: z.string().trim().max(200).optional(),
  location: z.string().trim().max(200).optional(),
});
export type UnitInput = z.infer<typeof UnitInput>;

export const UnitPatch = UnitInput.partial();
export type UnitPatch = z.infer<typeof UnitPatch>;

export const UnitView = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  organisation: z.string(),
  location: z.string(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitView = z.infer<typeof UnitView>;

// ── Services ─────────────────────────────────────────────────────────────────────────────────────

export const RequiredDocument = z.object({ names: LocalisedText });

export const ServiceInput = z.object({
  code: Code,
  /** Names per language; the network's host language is required (checked by the service). */
  names: LocalisedText,
  typicalMinutes: z.int().min(1, 'expected at least 1 minute').max(480, 'expected at most 480 minutes'),
  ticketPrefix: z.string().regex(/^[A-Z]{1,3}$/, 'expected 1 to 3 capital letters'),
  requiredDocuments: z.array(RequiredDocument).max(30).optional(),
  /** Languages the service is offered in. */
  languages: LanguageList.optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ServicePatch = ServiceInput.partial();
export type ServicePatch = z.infer<typeof ServicePatch>;

export const ServiceView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  centreId: z.uuid(),
  code: z.string(),
  names: z.record(z.string(), z.string()),
  typicalMinutes: z.int(),
  ticketPrefix: z.string(),
  requiredDocuments: z.array(z.object({ names: z.record(z.string(), z.string()) })),
  languages: z.array(z.string()),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceView = z.infer<typeof ServiceView>;

// ── Counters ─────────────────────────────────────────────────────────────────────────────────────

/** A planned break of a counter, every opening day, in the centre's local time. */
export const CounterBreak = z.object({ starts: TimeOfDay, ends: TimeOfDay });
export type CounterBreak = z.infer<typeof CounterBreak>;

/** At most four a day, none overlapping another; each ends after it starts. */
export const CounterBreaks = z
  .array(CounterBreak)
  .max(4)
  .superRefine((rows, ctx) => {
    rows.forEach((row, index) => {
      if (row.starts >= row.ends) ctx.addIssue({ code: 'custom', path: [index, 'ends'], message: 'must be later than the start' });
    });
    const ordered = rows.map((row, index) => ({ ...row, index })).sort((a, b) => a.starts.localeCompare(b.starts) || a.index - b.index);
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]!.starts < ordered[i - 1]!.ends) {
        ctx.addIssue({ code: 'custom', path: [Math.max(ordered[i]!.index, ordered[i - 1]!.index)], message: 'overlaps another break' });
        break;
      }
    }
  });

export const CounterInput = z.object({
  /** What the screens announce: "Counter 7". */
  label: z.string().trim().min(1, 'must not be empty').max(40),
  location: z.string().trim().max(200).optional(),
  /** Services of the same centre this counter can serve. */
  serviceIds: z
    .array(z.uuid())
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a service twice')
    .optional(),
  /** Planned breaks (lunch…): waiting-time estimates count the counter away during them. */
  breaks: CounterBreaks.optional(),
});
export type CounterInput = z.infer<typeof CounterInput>;

export const CounterPatch = CounterInput.partial();
export type CounterPatch = z.infer<typeof CounterPatch>;

export const CounterView = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  centreId: z.uuid(),
  label: z.string(),
  location: z.string(),
  serviceIds: z.array(z.uuid()),
  breaks: z.array(CounterBreak),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CounterView = z.infer<typeof CounterView>;
