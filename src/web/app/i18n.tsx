import { useDirection } from '@mantine/core';
import type { MessageFormatElement } from 'react-intl';
import { IntlProvider } from 'react-intl';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadMoreScripts, needsMoreScripts } from './fonts.js';
import { findLocale, HOST_LOCALE, INTERFACE_LOCALES, type InterfaceLocale } from '../../shared/locales.js';

export type Catalogue = Record<string, MessageFormatElement[]>;

// Compiled at build time by scripts/compile-locales.mjs; each language is its own chunk.
const catalogues = import.meta.glob<Catalogue>('../generated/locales/*.json', { import: 'default' });
const STORAGE_KEY = 'oneroof.locale';

/** A language's compiled messages (also used to announce in several languages at once, on screens). */
export async function loadCatalogue(code: string): Promise<Catalogue> {
  const loader = catalogues[`../generated/locales/${code}.json`];
  return loader ? loader() : {};
}

function initialLocale(): InterfaceLocale {
  const stored = findLocale(localStorage.getItem(STORAGE_KEY));
  if (stored) return stored;
  for (const language of navigator.languages ?? []) {
    const match = findLocale(language);
    if (match) return match;
  }
  return findLocale(HOST_LOCALE) ?? INTERFACE_LOCALES[0]!;
}

interface LocaleContextValue {
  locale: InterfaceLocale;
  setLocale(code: string): void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale is used outside LocaleProvider');
  return value;
}

/** Loads the interface language, sets lang/dir on the page, and mirrors Mantine for right-to-left. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);
  const [messages, setMessages] = useState<{ code: string; catalogue: Catalogue } | null>(null);
  const { setDirection } = useDirection();

  useEffect(() => {
    let current = true;
    if (needsMoreScripts(locale.code)) void loadMoreScripts();
    void loadCatalogue(locale.code).then((catalogue) => {
      if (current) setMessages({ code: locale.code, catalogue });
    });
    document.documentElement.lang = locale.code;
    document.documentElement.dir = locale.dir;
    setDirection(locale.dir);
    return () => {
      current = false;
    };
  }, [locale, setDirection]);

  const setLocale = useCallback((code: string) => {
    const next = findLocale(code);
    if (!next) return;
    localStorage.setItem(STORAGE_KEY, next.code);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  if (!messages) return null;
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={messages.code} messages={messages.catalogue} defaultLocale={HOST_LOCALE}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
