// Merges locales/<lang>/*.json into one catalogue per language and compiles the ICU messages to
// ASTs (FormatJS), so browsers get pre-parsed messages and no parser. Texts of e-mails and SMS
// (notify-*.json) stay on the server.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { LOCALES_DIR, readCatalogue } from './locale-catalogue.mjs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'src/web/generated/locales');
const workDir = path.join(os.tmpdir(), `oneroof-locales-${process.pid}`);

mkdirSync(outDir, { recursive: true });
mkdirSync(workDir, { recursive: true });
const formatjs = path.join(root, 'node_modules/.bin/formatjs');
const languages = readdirSync(LOCALES_DIR).filter((name) => !name.startsWith('.') && !name.endsWith('.json'));
for (const language of languages) {
  const merged = path.join(workDir, `${language}.json`);
  writeFileSync(merged, JSON.stringify(readCatalogue(language, 'interface')));
  execFileSync(formatjs, ['compile', merged, '--ast', '--format', 'simple', '--out-file', path.join(outDir, `${language}.json`)], { stdio: 'inherit' });
}
rmSync(workDir, { recursive: true, force: true });

// The few texts a kiosk shows in every language at once (the language step, the way into the
// information mode): one small file, so a kiosk does not load twenty catalogues to greet people.
const GREETING_IDS = ['kiosk.chooseLanguage', 'kioskInfo.entry'];
const greetings = {};
for (const language of languages) {
  const catalogue = readCatalogue(language, 'interface');
  greetings[language] = {};
  for (const id of GREETING_IDS) {
    // A missing message is the locale test's to report; the kiosk just skips that language.
    if (typeof catalogue[id] !== 'string') continue;
    if (/[{}<]/.test(catalogue[id])) throw new Error(`${language}: greeting "${id}" must be plain text`);
    greetings[language][id] = catalogue[id];
  }
}
writeFileSync(path.join(root, 'src/web/generated/locale-greetings.json'), JSON.stringify(greetings));
console.log(`Compiled interface messages for ${languages.length} languages: ${languages.join(', ')}`);
