import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../locales');

/** Texts of e-mails and SMS (notify-*.json): read by the server only, never sent to browsers. */
export const NOTIFY_FILE = /^notify-[a-z0-9-]+\.json$/;

/**
 * One language's messages: every locales/<language>/*.json merged; an id defined twice is an error.
 * `which`: 'all' (checks), 'interface' (the web bundle, without notify-*.json) or 'notify'.
 */
export function readCatalogue(language, which = 'all') {
  const dir = path.join(LOCALES_DIR, language);
  const messages = {};
  const wanted = (name) => (which === 'all' ? true : which === 'notify' ? NOTIFY_FILE.test(name) : !NOTIFY_FILE.test(name));
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('_') && wanted(name)).sort()) {
    const entries = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    for (const [id, message] of Object.entries(entries)) {
      if (id in messages) throw new Error(`${language}/${file}: message id "${id}" is defined twice`);
      messages[id] = message;
    }
  }
  return messages;
}
