import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fallbackLanguages, renderTemplate } from './templates.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'oneroof-notify-'));
function write(language: string, file: string, messages: Record<string, string>): void {
  mkdirSync(path.join(dir, language), { recursive: true });
  writeFileSync(path.join(dir, language, file), JSON.stringify(messages));
}
write('pt', 'notify-test.json', {
  'notify.test.visit.subject': 'Marcação {reference}',
  'notify.test.visit.body': 'Dia {startsAt, date, full} às {startsAt, time, short}. Ver <{link}>',
  'notify.test.visit.sms': 'Às {startsAt, time, short}',
  'notify.test.only_pt.sms': 'Só português',
});
write('en', 'notify-test.json', {
  'notify.test.visit.subject': 'Appointment {reference}',
  'notify.test.visit.body': 'On {startsAt, date, full} at {startsAt, time, short}. See <{link}>',
  'notify.test.visit.sms': 'At {startsAt, time, short}',
  'notify.test.only_en.sms': 'English only',
});
// A language with the SMS but not the e-mail of a template.
write('ar', 'notify-test.json', { 'notify.test.visit.sms': 'الساعة {startsAt, time, short}' });
// Not a template file: ignored.
write('en', 'common.json', { 'notify.test.ignored.sms': 'never' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const params = { reference: 'K7P2QX', startsAt: '2026-03-02T09:30:00Z', timeZone: 'Europe/Lisbon', link: 'https://oneroof.example.org/a/K7P2QX' };

describe('notification templates', () => {
  it('writes an e-mail in the person language with dates in the centre time zone', () => {
    const message = renderTemplate({ channel: 'email', locale: 'en', template: 'test.visit', params }, 'pt', dir);
    expect(message).toEqual({
      locale: 'en',
      subject: 'Appointment K7P2QX',
      body: 'On Monday, March 2, 2026 at 9:30 AM. See <https://oneroof.example.org/a/K7P2QX>',
    });
    const inDelhi = renderTemplate({ channel: 'sms', locale: 'en', template: 'test.visit', params: { ...params, timeZone: 'Asia/Kolkata' } }, 'pt', dir);
    expect(inDelhi.body).toBe('At 3:00 PM');
    expect(inDelhi.subject).toBeNull();
  });

  it('falls back to the host language, then English, per channel', () => {
    expect(renderTemplate({ channel: 'sms', locale: 'ar', template: 'test.visit', params }, 'pt', dir).locale).toBe('ar');
    // Arabic has no e-mail of this template: Portuguese, the host language.
    const email = renderTemplate({ channel: 'email', locale: 'ar', template: 'test.visit', params }, 'pt', dir);
    expect(email.locale).toBe('pt');
    expect(email.body).toContain('segunda-feira, 2 de março de 2026 às 09:30');
    expect(renderTemplate({ channel: 'sms', locale: 'en-GB', template: 'test.only_pt', params: {} }, 'pt', dir)).toMatchObject({ locale: 'pt', body: 'Só português' });
    expect(renderTemplate({ channel: 'sms', locale: 'ti', template: 'test.only_en', params: {} }, 'pt', dir)).toMatchObject({ locale: 'en', body: 'English only' });
    expect(fallbackLanguages('pt-BR', 'pt')).toEqual(['pt-BR', 'pt', 'en']);
  });

  it('names the template and the languages tried when no language has it', () => {
    expect(() => renderTemplate({ channel: 'sms', locale: 'ar', template: 'test.ignored', params: {} }, 'pt', dir)).toThrow(
      'Template "test.ignored" has no notify.test.ignored.sms in ar, pt, en (locales/<lang>/notify-*.json)',
    );
  });

  it('refuses a missing param or a timestamp that is not one', () => {
    expect(() => renderTemplate({ channel: 'sms', locale: 'pt', template: 'test.visit', params: {} }, 'pt', dir)).toThrow(/notify.test.visit.sms \(pt\) could not be written/);
    expect(() => renderTemplate({ channel: 'sms', locale: 'pt', template: 'test.visit', params: { startsAt: 'tomorrow' } }, 'pt', dir)).toThrow(
      'Param "startsAt" is not an ISO-8601 timestamp: tomorrow',
    );
  });

  it('has the one-time link of "My procedures" in every language', () => {
    for (const locale of ['pt', 'en', 'ar']) {
      const email = renderTemplate({ channel: 'email', locale, template: 'portal.access_link', params: { link: 'https://x.example/p/abc', minutes: 15 } }, 'pt');
      expect(email.locale).toBe(locale);
      expect(email.body).toContain('https://x.example/p/abc');
      expect(email.body).toContain('15');
      const sms = renderTemplate({ channel: 'sms', locale, template: 'portal.access_link', params: { link: 'https://x.example/p/abc', minutes: 15 } }, 'pt');
      expect(sms.body.length).toBeLessThanOrEqual(160);
    }
  });
});
