/** Interface languages: code, the name people know it by in that language, and writing direction. */
export interface InterfaceLocale {
  code: string;
  nativeName: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
}

export const HOST_LOCALE = 'pt';

export const INTERFACE_LOCALES: readonly InterfaceLocale[] = [
  { code: 'pt', nativeName: 'Português', englishName: 'Portuguese', dir: 'ltr' },
  { code: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl' },
];

export function findLocale(code: string | null | undefined): InterfaceLocale | undefined {
  if (!code) return undefined;
  return INTERFACE_LOCALES.find((locale) => locale.code === code) ?? INTERFACE_LOCALES.find((locale) => locale.code === code.split('-')[0]);
}
