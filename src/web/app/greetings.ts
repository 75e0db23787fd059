import { useEffect, useState } from 'react';
import { INTERFACE_LOCALES } from '../../shared/locales.js';

/** Plain texts shown in every interface language at once (written by scripts/compile-locales.mjs). */
export type GreetingId = 'kiosk.chooseLanguage' | 'kioskInfo.entry';
type Greetings = Record<string, Record<GreetingId, string>>;

const files = import.meta.glob<Greetings>('../generated/locale-greetings.json', { eager: true, import: 'default' });
const greetings: Greetings = Object.values(files)[0] ?? {};

export interface Greeting {
  lang: string;
  dir: 'ltr' | 'rtl';
  text: string;
}

/** The text in every interface language that has it, in the pickers' order. */
export function greetingsFor(id: GreetingId, except?: string): Greeting[] {
  return INTERFACE_LOCALES.filter((locale) => locale.code !== except && greetings[locale.code]?.[id]).map((locale) => ({ lang: locale.code, dir: locale.dir, text: greetings[locale.code]![id] }));
}

/**
 * One language after another, every few seconds: with twenty languages a kiosk cannot print the
 * question twenty times, so it asks in the current language and cycles through the others beside it.
 */
export function useRotatingGreeting(id: GreetingId, except?: string, everyMs = 2500): Greeting | undefined {
  const all = greetingsFor(id, except);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (all.length < 2) return;
    const timer = window.setInterval(() => setIndex((current) => current + 1), everyMs);
    return () => window.clearInterval(timer);
  }, [all.length, everyMs]);
  return all.length > 0 ? all[index % all.length] : undefined;
}
