import { z } from 'zod';
import { isCountryCode, isTimeZone } from './network.validation.js';
import { firstOverlap, MAX_OPENING_SPAN_DAYS, daysBetween } from './network.opening.js';
import { LANGUAGE_TAG_PATTERN } from '../../../shared/locales.js';

// ── Shared pieces ────────────────────────────────────────────────────────────────────────────────

export const LanguageCode = z.string().regex(LANGUAGE_TAG_PATTERN, 'expected a language code such as pt, en, pt-BR or zh-Hans');
export type LanguageCode = z.infer<typeof LanguageCode>;

/** Names of one thing per language: { pt: '…', en: '…' }. */
export const LocalisedText = z.record(LanguageCode, z.string().trim().min(1, 'must not be empty').max(200));
export type LocalisedText = z.infer<typeof LocalisedText>;

export const LanguageList = z
  .array(LanguageCode)
  .max(30)
  .refine((list) => new Set(list).size === list.length, 'lists a language twice');

/** Short human codes of centres, units and services: "LIS", "IMM", "RENEW". */
export const Code = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,19}$/, 'expected 2–20 capital letters, digits, - or _');

export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');
export const CalendarDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });

export const IdParams = z.object({ id: z.uuid() });
export const IncludeArchivedQuery = z.object({ includeArchived: z.enum(['true', 'false']).optional() });

export const NoContent = z.null();

// ── Network ──────────────────────────────────────────────────────────────────────────────────────

export const NetworkView = z.object({ id: z.uuid(), name: z.string(), hostLanguage: z.string() });
export type NetworkView = z.infer<typeof NetworkView>;

// ── Centres ──────────────────────────────────────────────────────────────────────────────────────

export const CentreKind = z.enum(['national', 'branch', 'local']);

export const Address = z.object({
  street: z.string().trim().max(200).optional(),
  postalCode: z.string().trim().max(20).optional(),
  city: z.string().trim().max(100).optional(),
  country: z.string().refine(isCountryCode, 'expected an ISO 3166 country code such as PT'),
});

export const CentreInput = z.object({
  code: Code,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  kind: CentreKind,
  timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Lisbon'),
  address: Address,
  phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'expected a phone number such as +351 210 000 000').nullable().optional(),
  email: z.email('expected an e-mail address').max(200).nullable().optional(),
  announcementLanguages: LanguageList.max(10).optional(),
});
export type CentreInput = z.infer<typeof CentreInput>;

export const CentrePatch = CentreInput.partial();
export type CentrePatch = z.infer<typeof CentrePatch>;

export const CentreView = z.object({
  id: z.uuid(),
  networkId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: CentreKind,
  timeZone: z.string(),
  address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  announcementLanguages: z.array(z.string()),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CentreView = z.infer<typeof CentreView>;

// ── Opening hours and calendar exceptions ────────────────────────────────────────────────────────

export const OpeningInterval = z.object({
  weekday: z.int().min(1, 'expected 1 (Monday) to 7 (Sunday)').max(7, 'expected 1 (Monday) to 7 (Sunday)'),
  opens: TimeOfDay,
  closes: TimeOfDay,
});
export type OpeningInterval = z.infer<typeof OpeningInterval>;

export const WeeklyHours = z.object({
  hours: z
    .array(OpeningInterval)
    .max(70)
    .superRefine((rows, ctx) => {
      rows.forEach((row, index) => {
        if (row.opens >= row.closes) ctx.addIssue({ code: 'custom', path: [index, 'closes'], message: 'must be later than the opening time' });
      });
      const overlap = firstOverlap(rows);
      if (overlap !== undefined) ctx.addIssue({ code: 'custom', path: [overlap], message: 'overlaps another interval of the same day' });
    }),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

export const ExceptionKind = z.enum(['holiday', 'closed', 'special_hours']);

export const ExceptionInput = z
  .object({
    date: CalendarDate,
    kind: ExceptionKind,
    opens: TimeOfDay.nullable().optional(),
    closes: TimeOfDay.nullable().optional(),
    label: z.string().trim().max(120).optional(),
  })
  .superRefine((value, ctx) => {
    for (const issue of exceptionHoursIssues(value)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type ExceptionInput = z.infer<typeof ExceptionInput>;

export const ExceptionPatch = z.object({
  date: CalendarDate.optional(),
  kind: ExceptionKind.optional(),
  opens: TimeOfDay.nullable().optional(),
  closes: TimeOfDay.nullable().optional(),
  label: z.string().trim().max(120).optional(),
});
export type ExceptionPatch = z.infer<typeof ExceptionPatch>;

/** Special hours need both times in order; holidays and closed days have none. */
export function exceptionHoursIssues(value: { kind: string; opens?: string | null; closes?: string | null }): { path: string[]; message: string }[] {
  if (value.kind !== 'special_hours') {
    return (['opens', 'closes'] as const).filter((field) => value[field] != null).map((field) => ({ path: [field], message: 'only special hours have times' }));
  }
  const issues = (['opens', 'closes'] as const).filter((field) => value[field] == null).map((field) => ({ path: [field], message: 'is required for special hours' }));
  if (issues.length === 0 && value.opens! >= value.closes!) issues.push({ path: ['closes'], message: 'must be later than the opening time' });
  return issues;
}

export const ExceptionView = z.object({
  id: z.uuid(),
  date: z.string(),
  kind: ExceptionKind,
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  label: z.string(),
});
export type ExceptionView = z.infer<typeof ExceptionView>;

export const CentreDetail = CentreView.extend({
  openingHours: z.array(OpeningInterval),
  /** Exceptions from today (in the centre's time zone) on. */
  calendarExceptions: z.array(ExceptionView),
});
export type CentreDetail = z.infer<typeof CentreDetail>;

export const CentreExceptionParams = z.object({ id: z.uuid(), exceptionId: z.uuid() });

export const DateRangeQuery = z
  .object({ from: CalendarDate, to: CalendarDate })
  .superRefine((range, ctx) => {
    const span = daysBetween(range.from, range.to);
    if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (span >= MAX_OPENING_SPAN_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may cover at most ${MAX_OPENING_SPAN_DAYS} days` });
  });

export const OpeningDay = z.object({
  date: z.string(),
  weekday: z.int(),
  open: z.boolean(),
  /** What decided the day: the weekly pattern or an exception of that kind. */
  source: z.enum(['week', 'holiday', 'closed', 'special_hours']),
  label: z.string(),
  intervals: z.array(z.object({ opens: z.string(), closes: z.string() })),
});
export type OpeningDay = z.infer<typeof OpeningDay>;

export const OpeningCalendar = z.object({ centreId: z.uuid(), timeZone: z.string(), days: z.array(OpeningDay) });
export type OpeningCalendar = z.infer<typeof OpeningCalendar>;
