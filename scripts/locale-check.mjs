// Checks interface languages against the host language: same ids, valid ICU, the same arguments,
// and every plural category the language's own rules need (Russian needs few/many, Arabic zero…many).
// Used by test/locales.test.ts and by translators: `node scripts/locale-check.mjs [language…]`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { LOCALES_DIR, readCatalogue } from './locale-catalogue.mjs';

export const HOST_LANGUAGE = 'pt';

/** Arguments a message uses, with their kind ('text', 'number', 'plural', …). */
export function messageArguments(message) {
  const found = new Map();
  const kinds = { [TYPE.argument]: 'text', [TYPE.number]: 'number', [TYPE.date]: 'date', [TYPE.time]: 'time', [TYPE.select]: 'select', [TYPE.plural]: 'plural', [TYPE.tag]: 'tag' };
  const visit = (elements) => {
    for (const element of elements) {
      if (element.type in kinds) found.set(element.value, kinds[element.type]);
      if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return found;
}

// Counts a message can meet (people, minutes, records). Portuguese, French and Spanish "many" is for
// exact millions only ("1 milhão de pessoas"), which no count here reaches, so it is not required.
const SAMPLE_COUNTS = [...Array.from({ length: 220 }, (_, n) => n), 1000, 1001, 10000, 100000];

const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The words of a message a reader sees, without argument names or plural and select keywords. */
export function literalText(message) {
  const parts = [];
  const visit = (elements) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) parts.push(element.value);
      if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return parts.join(' ');
}

/** Plural arguments whose options miss a category the language's rules give to some count. */
export function missingPluralCategories(message, language) {
  const cardinal = new Intl.PluralRules(language);
  const ordinal = new Intl.PluralRules(language, { type: 'ordinal' });
  const problems = [];
  const visit = (elements) => {
    for (const element of elements) {
      if (element.type === TYPE.plural) {
        const rules = element.pluralType === 'ordinal' ? ordinal : cardinal;
        const needed = new Set(SAMPLE_COUNTS.filter((n) => !(`=${n}` in element.options)).map((n) => rules.select(n)));
        const missing = CATEGORY_ORDER.filter((category) => needed.has(category) && !(category in element.options));
        if (missing.length > 0) problems.push(`{${element.value}, plural} lacks ${missing.join(', ')}`);
      }
      if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return problems;
}

/** Languages not written in Latin letters, with the Unicode ranges of their script. */
const SCRIPTS = {
  ar: /[\u0600-\u06FF]/, fa: /[\u0600-\u06FF]/, ur: /[\u0600-\u06FF]/, uk: /[\u0400-\u04FF]/, ru: /[\u0400-\u04FF]/,
  hi: /[\u0900-\u097F]/, ne: /[\u0900-\u097F]/, bn: /[\u0980-\u09FF]/, pa: /[\u0A00-\u0A7F]/, ta: /[\u0B80-\u0BFF]/,
  'zh-Hans': /[\u3400-\u9FFF]/, ti: /[\u1200-\u139F]/,
};
/** Words no language translates (abbreviations, formats, key names, the product's name). */
const UNTRANSLATED_WORDS = new Set(['OneRoof', 'HSDS', 'JSON', 'Markdown', 'Enter', 'Escape', 'Space', 'Tab', 'WebAuthn', 'UTF']);

/**
 * Messages of a language written in another script that have an English or Portuguese word and no
 * letter of the language's own script: most likely a text left untranslated.
 */
export function untranslatedMessages(catalogue, language) {
  const script = SCRIPTS[language];
  if (!script) return [];
  const suspicious = [];
  for (const [id, message] of Object.entries(catalogue)) {
    let text;
    try {
      text = literalText(message);
    } catch {
      continue; // reported as not parsing
    }
    const words = (text.match(/[A-Za-zÀ-ÿ]{4,}/g) ?? []).filter((word) => !UNTRANSLATED_WORDS.has(word));
    if (!script.test(text) && words.length > 0) suspicious.push(`${id}: not in the language's script (untranslated?)`);
  }
  return suspicious;
}

export function localeLanguages() {
  return readdirSync(LOCALES_DIR).filter((name) => statSync(path.join(LOCALES_DIR, name)).isDirectory());
}

/** Everything wrong with one language, as readable lines; an empty list means it is complete. */
export function localeProblems(language) {
  const source = readCatalogue(HOST_LANGUAGE);
  let catalogue;
  try {
    catalogue = readCatalogue(language);
  } catch (error) {
    return [error.message];
  }
  const problems = [];
  for (const id of Object.keys(source)) if (!(id in catalogue)) problems.push(`${id}: missing`);
  for (const id of Object.keys(catalogue)) if (!(id in source)) problems.push(`${id}: not in the host language`);
  for (const [id, message] of Object.entries(catalogue)) {
    if (!(id in source)) continue;
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(`${id}: empty`);
      continue;
    }
    let used;
    try {
      used = messageArguments(message);
    } catch (error) {
      problems.push(`${id}: does not parse (${error.message})`);
      continue;
    }
    const expected = messageArguments(source[id]);
    for (const [name, kind] of expected) {
      if (!used.has(name)) problems.push(`${id}: lacks {${name}}`);
      // A plain {name} shows any value; another kind must match what the code passes.
      else if (used.get(name) !== 'text' && used.get(name) !== kind) problems.push(`${id}: {${name}} must be ${kind} or plain, is ${used.get(name)}`);
    }
    for (const name of used.keys()) if (!expected.has(name)) problems.push(`${id}: unknown argument {${name}}`);
    for (const problem of missingPluralCategories(message, language)) problems.push(`${id}: ${problem}`);
  }
  problems.push(...untranslatedMessages(catalogue, language));
  const meta = readMeta(language);
  if (typeof meta === 'string') problems.push(meta);
  return problems;
}

/** locales/<language>/_meta.json: who translated it and whether a native speaker reviewed it. */
export function readMeta(language) {
  const file = path.join(LOCALES_DIR, language, '_meta.json');
  let meta;
  try {
    meta = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return `_meta.json: missing or not JSON`;
  }
  if (!['source', 'reviewed', 'needs-review'].includes(meta.review)) return `_meta.json: "review" must be "source", "reviewed" or "needs-review"`;
  if (meta.review === 'reviewed' && (typeof meta.reviewedBy !== 'string' || !meta.reviewedBy.trim())) return `_meta.json: a reviewed language names its reviewer in "reviewedBy"`;
  return meta;
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const languages = process.argv.length > 2 ? process.argv.slice(2) : localeLanguages();
  let failed = false;
  for (const language of languages) {
    const problems = localeProblems(language);
    console.log(`${language}: ${problems.length === 0 ? 'complete' : `${problems.length} problems`}`);
    for (const problem of problems.slice(0, 200)) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
