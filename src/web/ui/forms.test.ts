import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../scripts/locale-catalogue.mjs';
import { fieldErrorText } from './forms.js';

const intlIn = (locale: string) => createIntl({ locale, messages: readCatalogue(locale, 'interface') as Record<string, string> });

describe("a field's error in the reader's language", () => {
  it('says the rule the server named, with its limit, in Portuguese, Ukrainian and Arabic', () => {
    const field = { path: 'body.name', message: 'Too big: expected string to have <=100 characters', rule: 'too_long' as const, limit: 100 };
    expect(fieldErrorText(intlIn('pt'), field)).toBe('Escreva no máximo 100 caracteres');
    expect(fieldErrorText(intlIn('uk'), field)).not.toContain('expected');
    expect(fieldErrorText(intlIn('uk'), field)).toMatch(/100/);
    expect(fieldErrorText(intlIn('ar'), { ...field, rule: 'required', limit: 1 })).toBe('املأ هذا الحقل');
  });

  it("keeps the server's words for a rule particular to one form, and never shows a bound it was not given", () => {
    expect(fieldErrorText(intlIn('pt'), { path: 'body.serviceId', message: 'is full today' })).toBe('is full today');
    expect(fieldErrorText(intlIn('en'), { path: 'body.code', message: 'Too small', rule: 'too_short' })).toBe('This value is not valid');
  });
});
