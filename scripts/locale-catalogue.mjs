import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../locales');

/** One language's messages: every locales/<language>/*.json merged; an id defined twice is an error. */
export function readCatalogue(language) {
  const dir = path.join(LOCALES_DIR, language);
  const messages = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('_')).sort()) {
    const entries = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    for (const [id, message] of Object.entries(entries)) {
      if (id in messages) throw new Error(`${language}/${file}: message id "${id}" is defined twice`);
      messages[id] = message;
    }
  }
  return messages;
}
