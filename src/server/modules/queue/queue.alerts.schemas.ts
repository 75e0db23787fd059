import { z } from 'zod';

/** A phone number in international form: "+", country code, number; spaces, dots, dashes and brackets are dropped. */
export const InternationalPhone = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{7,14}$/, 'is not a phone number in international form, e.g. +351 912 345 678'));

const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('is not an e-mail address'));
const Consent = z.literal(true, 'must be given: the contact is used only to tell the person their turn is near');
const Locale = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language code such as "pt" or "uk"');

/**
 * "Tell me when my turn is near": a phone number (SMS) or an e-mail address, and the person's
 * consent to its use for this one purpose. `locale`: the language of the messages (the ticket's by default).
 */
export const AlertContactInput = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), recipient: InternationalPhone, consent: Consent, locale: Locale.optional() }),
  z.object({ channel: z.literal('email'), recipient: Email, consent: Consent, locale: Locale.optional() }),
]);
export type AlertContactInput = z.infer<typeof AlertContactInput>;

export const AlertView = z.object({
  channel: z.enum(['sms', 'email']),
  recipient: z.string().describe('Masked: enough for the person to recognise their contact, not enough to read it off a screen'),
  consentAt: z.string(),
  notifyWhenAhead: z.number().int().describe('"You are next" goes out when at most this many tickets are ahead'),
});
export type AlertView = z.infer<typeof AlertView>;

export const AlertState = z.object({ alert: AlertView.nullable(), available: z.boolean().describe('false once the visit has no ticket left to wait for') });
export type AlertState = z.infer<typeof AlertState>;
