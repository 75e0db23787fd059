/** Checks of values zod cannot know by itself: they ask the platform's own Intl data. */

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

// Codes CLDR names that are not countries: unknown region, outlying Oceania, EU, eurozone, UN.
const NOT_COUNTRIES = new Set(['ZZ', 'QO', 'EU', 'EZ', 'UN']);

/** An ISO 3166-1 alpha-2 code of a real country or territory. */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value) || NOT_COUNTRIES.has(value)) return false;
  return regionNames.of(value) !== undefined;
}
