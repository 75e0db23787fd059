import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import type { NotificationChannel } from '../db/types.js';

/** locales/<lang>/notify-*.json: message texts only the server reads (never in the web bundle). */
export const LOCALES_DIR = fileURLToPath(new URL('../../../locales/', import.meta.url));
const NOTIFY_FILE = /^notify-[a-z0-9-]+\.json$/;

const catalogues = new Map<string, Record<string, string>>();

/** One language's notification texts, read once per process; an unknown language has none. */
export function notifyCatalogue(language: string, dir = LOCALES_DIR): Record<string, string> {
  const cacheKey = `${dir}\u0000${language}`;
  const cached = catalogues.get(cacheKey);
  if (cached) return cached;
  const folder = path.join(dir, language);
  const messages: Record<string, string> = {};
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((name) => NOTIFY_FILE.test(name)).sort();
  } catch {
    files = [];
  }
  for (const file of files) Object.assign(messages, JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, string>);
  catalogues.set(cacheKey, messages);
  return messages;
}

export interface TemplateInput {
  channel: NotificationChannel;
  locale: string;
  template: string;
  params: Record<string, string | number>;
}

export interface RenderedMessage {
  /** The language whose text was used: the person's, or the fallback. */
  locale: string;
  /** E-mail only. */
  subject: string | null;
  /** The e-mail's plain text, or the SMS. */
  body: string;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** The parts a channel needs: an e-mail has a subject and a body, an SMS one short text. */
export function templateKeys(channel: NotificationChannel, template: string): { subject?: string; body: string } {
  return channel === 'email' ? { subject: `notify.${template}.subject`, body: `notify.${template}.body` } : { body: `notify.${template}.sms` };
}

/** The person's language, its base language (pt-BR → pt), the host language, then English. */
export function fallbackLanguages(locale: string, hostLanguage: string): string[] {
  return [...new Set([locale, locale.split('-')[0]!, hostLanguage, hostLanguage.split('-')[0]!, 'en'])];
}

/**
 * Writes the message in the first language that has every part of the template. Params whose name
 * ends in `At` are ISO timestamps shown in the IANA zone of the `timeZone` param (UTC without one),
 * so `{startsAt, date, full}` reads as the centre's local date whatever the server's zone.
 */
export function renderTemplate(input: TemplateInput, hostLanguage: string, dir = LOCALES_DIR): RenderedMessage {
  const keys = templateKeys(input.channel, input.template);
  const tried = fallbackLanguages(input.locale, hostLanguage);
  for (const language of tried) {
    const catalogue = notifyCatalogue(language, dir);
    const body = catalogue[keys.body];
    const subject = keys.subject ? catalogue[keys.subject] : undefined;
    if (body === undefined || (keys.subject && subject === undefined)) continue;
    const values = templateValues(input.params);
    const timeZone = typeof input.params.timeZone === 'string' ? input.params.timeZone : 'UTC';
    return {
      locale: language,
      subject: subject === undefined ? null : format(subject, language, values, timeZone, keys.subject!),
      body: format(body, language, values, timeZone, keys.body),
    };
  }
  const needed = [keys.subject, keys.body].filter(Boolean).join(' and ');
  throw new TemplateError(`Template "${input.template}" has no ${needed} in ${tried.join(', ')} (locales/<lang>/notify-*.json)`);
}

function templateValues(params: Record<string, string | number>): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('At') && typeof value === 'string') {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) throw new TemplateError(`Param "${name}" is not an ISO-8601 timestamp: ${value}`);
      values[name] = date;
    } else values[name] = value;
  }
  return values;
}

function format(message: string, language: string, values: Record<string, string | number | Date>, timeZone: string, key: string): string {
  try {
    const formatter = new IntlMessageFormat(message, language, undefined, {
      // Links and angle brackets in texts are text, not rich-text tags.
      ignoreTag: true,
      formatters: {
        getNumberFormat: (...args) => new Intl.NumberFormat(...args),
        getDateTimeFormat: (locales, options) => new Intl.DateTimeFormat(locales, { ...options, timeZone }),
        getPluralRules: (...args) => new Intl.PluralRules(...args),
      },
    });
    const text = formatter.format(values);
    return Array.isArray(text) ? text.join('') : String(text);
  } catch (error) {
    throw new TemplateError(`${key} (${language}) could not be written: ${(error as Error).message}`);
  }
}
