import { describe, expect, it } from 'vitest';
import { CONTENT_LANGUAGES, findLocale, INTERFACE_LOCALES, LANGUAGE_TAG_PATTERN } from './locales.js';

describe('interface language for a language tag', () => {
  it.each([
    ['pt', 'pt'],
    ['pt-PT', 'pt'],
    ['pt-AO', 'pt'],
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-hans', 'zh-Hans'],
    ['pa-Guru-IN', 'pa'],
    ['uk-UA', 'uk'],
    ['ar-MA', 'ar'],
    ['fa-AF', 'fa'],
    ['en-GB', 'en'],
  ])('%s → %s', (tag, expected) => {
    expect(findLocale(tag)?.code).toBe(expected);
  });

  it('has none for a language the interface is not written in, or no tag', () => {
    expect(findLocale('sw')).toBeUndefined();
    expect(findLocale('')).toBeUndefined();
    expect(findLocale(null)).toBeUndefined();
  });

  it('lists at least the twenty languages of the network, each once, each also a content language', () => {
    const codes = INTERFACE_LOCALES.map((locale) => locale.code);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(codes).size).toBe(codes.length);
    for (const locale of INTERFACE_LOCALES) {
      const content = CONTENT_LANGUAGES.find((language) => language.code === locale.code);
      expect(content, locale.code).toBeDefined();
      expect(content?.dir).toBe(locale.dir);
      expect(content?.nativeName).toBe(locale.nativeName);
    }
    // Every language's texts can be stored wherever texts per language are (names, labels, settings).
    for (const language of CONTENT_LANGUAGES) expect(language.code, language.code).toMatch(LANGUAGE_TAG_PATTERN);
    expect('pt_BR').not.toMatch(LANGUAGE_TAG_PATTERN);
    expect(INTERFACE_LOCALES.filter((locale) => locale.dir === 'rtl').map((locale) => locale.code)).toEqual(['ar', 'fa', 'ur']);
  });
});
