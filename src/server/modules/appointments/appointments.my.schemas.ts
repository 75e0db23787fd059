import { z } from 'zod';
import { AppointmentState, SecretInput } from './appointments.schemas.js';
import { TodaysTicket } from './appointments.phone.schemas.js';

/** Shapes of "my procedures" (docs/appointments.md): what a person sees of their own bookings and tickets. */

const Localised = z.record(z.string(), z.string());
const Locale = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "pt"');

export const MyBooking = z.object({
  reference: z.string(),
  secret: z.string().nullable().describe("The booking link's secret: lets the page change or cancel this booking (null when the booking has no link)"),
  state: AppointmentState,
  serviceNames: Localised,
  centreName: z.string(),
  timeZone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type MyBooking = z.infer<typeof MyBooking>;

export const MyProcedures = z.object({
  bookings: z.array(MyBooking),
  tickets: z.array(TodaysTicket),
  procedures: z
    .array(
      z.object({
        id: z.string(),
        serviceName: z.string(),
        status: z.object({ key: z.string(), label: z.string(), final: z.boolean() }),
        openedAt: z.string(),
        updatedAt: z.string(),
        steps: z.array(z.object({ label: z.string(), at: z.string() })),
      }),
    )
    .describe("The case file's procedures of the person the bookings belong to: person-visible status labels in the asked language, never staff notes"),
  access: z.enum(['reference', 'contact']),
  expiresAt: z.string().nullable().describe('When access by contact ends (null for reference and secret)'),
});
export type MyProcedures = z.infer<typeof MyProcedures>;

export const MyByReferenceInput = SecretInput.extend({ locale: Locale.default('pt').describe('Language of the procedure status labels') });
export type MyByReferenceInput = z.infer<typeof MyByReferenceInput>;

export const AccessLinkInput = z.object({
  contact: z.string().trim().min(3).max(254).describe('The e-mail address or phone number the person gave when booking or registering'),
  locale: Locale.default('pt'),
});
export type AccessLinkInput = z.infer<typeof AccessLinkInput>;

export const AccessLinkAnswer = z.object({ message: z.string(), minutes: z.int() });
export type AccessLinkAnswer = z.infer<typeof AccessLinkAnswer>;

const Token = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'is not a valid link');
export const RedeemInput = z.object({ token: Token, locale: Locale.default('pt').describe('Language of the procedure status labels') });
export const SessionInput = z.object({ session: Token, locale: Locale.default('pt').describe('Language of the procedure status labels') });

export const Redeemed = z.object({ session: z.string().describe('Opens "my procedures" until expiresAt; keep it in the tab'), expiresAt: z.string(), view: MyProcedures });
export type Redeemed = z.infer<typeof Redeemed>;
