import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/** Names of languages, countries and weekdays in the interface language, from the browser's Intl data. */

/** Languages the network commonly works in; the pickers also accept any other code. */
export const COMMON_LANGUAGES = ['pt', 'en', 'es', 'fr', 'kea', 'ru', 'uk', 'ro', 'ar', 'hi', 'ne', 'bn', 'ur', 'zh', 'fa', 'pa', 'wo', 'ff'];

export function useLanguageName(): (code: string) => string {
  const { locale } = useIntl();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}

export function useCountryName(): (code: string) => string | undefined {
  const { locale } = useIntl();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    return (code: string) => {
      try {
        return /^[A-Z]{2}$/.test(code) ? names.of(code) : undefined;
      } catch {
        return undefined;
      }
    };
  }, [locale]);
}

/** ISO weekday 1 (Monday) to 7 (Sunday) as a long name. */
export function useWeekdayName(): (weekday: number) => string {
  const { locale } = useIntl();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    return (weekday: number) => format.format(new Date(Date.UTC(2024, 0, weekday)));
  }, [locale]);
}

/** A calendar day ('YYYY-MM-DD') written out, without time-zone shifts; `short` leaves out the year. */
export function useDayFormatter(short = false): (date: string) => string {
  const { locale } = useIntl();
  return useMemo(() => {
    const options: Intl.DateTimeFormatOptions = short ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
  }, [locale, short]);
}

/** The name of something in the interface language, else the host language, else any. */
export function pickName(names: Record<string, string>, locale: string, hostLanguage = 'pt'): string {
  return names[locale] ?? names[hostLanguage] ?? Object.values(names)[0] ?? '';
}

export function timeZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  return supported && supported.length > 0 ? supported : ['Europe/Lisbon', 'Atlantic/Azores', 'Atlantic/Madeira', 'UTC'];
}
