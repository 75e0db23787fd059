import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_LOCALE, INTERFACE_LOCALES } from '../src/shared/locales.js';
import { readCatalogue } from '../scripts/locale-catalogue.mjs';
import { localeProblems, messageArguments, missingPluralCategories, readMeta, untranslatedMessages } from '../scripts/locale-check.mjs';

const localesDir = path.resolve('locales');
const languages = readdirSync(localesDir).filter((name) => statSync(path.join(localesDir, name)).isDirectory());
const source = readCatalogue(HOST_LOCALE) as Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'generated') return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Message ids written literally in the web app: `id: '…'`, `id="…"`, `labelId: '…'`, `…Id: '…'`. */
function literalIdsInWebApp(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /\b(?:id|[a-z]+Id)\s*[:=]\s*\{?\s*['"]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)['"]/g;
  for (const file of sourceFiles(path.resolve('src/web'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) found.set(match[1]!, path.relative(process.cwd(), file));
  }
  return found;
}

describe('interface messages', () => {
  it('has a folder for every interface language and an entry for every folder', () => {
    expect([...languages].sort()).toEqual(INTERFACE_LOCALES.map((locale) => locale.code).sort());
  });

  it.each(languages)('%s has every message of the host language, valid ICU with its arguments and plural forms', (language) => {
    expect(localeProblems(language)).toEqual([]);
  });

  it.each(languages.filter((language) => language !== HOST_LOCALE))('%s says whether a native speaker reviewed it', (language) => {
    const meta = readMeta(language);
    expect(typeof meta).toBe('object');
    expect(['reviewed', 'needs-review']).toContain((meta as { review: string }).review);
  });

  it('finds the problems a translator can make', () => {
    expect(messageArguments('{count, plural, one {# day} other {# days}} at {time}')).toEqual(new Map([['count', 'plural'], ['time', 'text']]));
    expect(missingPluralCategories('{n, plural, one {# файл} other {# файлов}}', 'ru')).toEqual(['{n, plural} lacks few, many']);
    expect(missingPluralCategories('{n, plural, =0 {nenhum} one {# ficheiro} other {# ficheiros}}', 'pt')).toEqual([]);
    expect(missingPluralCategories('{n, plural, other {# 个}}', 'zh-Hans')).toEqual([]);
    const arabic = { save: 'Save', sms: '{count} SMS', done: 'حفظ', product: 'OneRoof', days: '{n, plural, one {# day} other {# days}}', ayam: '{n, plural, one {# يوم} other {# أيام}}' };
    expect(untranslatedMessages(arabic, 'ar').map((problem) => problem.split(':')[0])).toEqual(['save', 'days']);
    expect(untranslatedMessages({ save: 'Save' }, 'fr')).toEqual([]);
  });

  it.each(languages)('%s keeps the texts of e-mails and SMS out of the web bundle', (language) => {
    const notify = Object.keys(readCatalogue(language, 'notify'));
    const webBundle = Object.keys(readCatalogue(language, 'interface'));
    // Every notify-*.json id is a template part: notify.<template>.subject|body|sms.
    expect(notify.filter((id) => !/^notify\.[a-z0-9_.]+\.(subject|body|sms)$/.test(id))).toEqual([]);
    expect(webBundle.filter((id) => id.startsWith('notify.'))).toEqual([]);
    expect(notify.length + webBundle.length).toBe(Object.keys(readCatalogue(language)).length);
  });

  it('every e-mail template has a subject and a body', () => {
    const ids = Object.keys(readCatalogue(HOST_LOCALE, 'notify'));
    const templates = new Set(ids.map((id) => id.replace(/\.(subject|body|sms)$/, '')));
    const incomplete = [...templates].filter((t) => ids.includes(`${t}.subject`) !== ids.includes(`${t}.body`));
    expect(incomplete).toEqual([]);
  });

  it('every message id the web app uses exists in the host language', () => {
    const used = literalIdsInWebApp();
    expect(used.size).toBeGreaterThan(10);
    const unknown = [...used].filter(([id]) => !(id in source)).map(([id, file]) => `${id} (${file})`);
    expect(unknown).toEqual([]);
  });
});
