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

/** A language knowledge-base and directory content can be written or translated in. */
export interface ContentLanguage {
  code: string;
  nativeName: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** The PostgreSQL text search configuration for stemming; 'simple' when there is none. */
  searchConfig: string;
}

/**
 * Content languages are a superset of the interface languages: an article can be translated into
 * a language before the interface is. Kept apart from INTERFACE_LOCALES because every interface
 * language must carry a full set of locale files (test/locales.test.ts), content languages need none.
 */
export const CONTENT_LANGUAGES: readonly ContentLanguage[] = [
  { code: 'pt', nativeName: 'Português', englishName: 'Portuguese', dir: 'ltr', searchConfig: 'portuguese' },
  { code: 'pt-BR', nativeName: 'Português (Brasil)', englishName: 'Brazilian Portuguese', dir: 'ltr', searchConfig: 'portuguese' },
  { code: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr', searchConfig: 'english' },
  { code: 'fr', nativeName: 'Français', englishName: 'French', dir: 'ltr', searchConfig: 'french' },
  { code: 'es', nativeName: 'Español', englishName: 'Spanish', dir: 'ltr', searchConfig: 'spanish' },
  { code: 'kea', nativeName: 'Kriolu kabuverdianu', englishName: 'Cape Verdean Creole', dir: 'ltr', searchConfig: 'simple' },
  { code: 'uk', nativeName: 'Українська', englishName: 'Ukrainian', dir: 'ltr', searchConfig: 'simple' },
  { code: 'ru', nativeName: 'Русский', englishName: 'Russian', dir: 'ltr', searchConfig: 'russian' },
  { code: 'ro', nativeName: 'Română', englishName: 'Romanian', dir: 'ltr', searchConfig: 'romanian' },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl', searchConfig: 'arabic' },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Persian (Farsi)', dir: 'rtl', searchConfig: 'simple' },
  { code: 'ur', nativeName: 'اردو', englishName: 'Urdu', dir: 'rtl', searchConfig: 'simple' },
  { code: 'hi', nativeName: 'हिन्दी', englishName: 'Hindi', dir: 'ltr', searchConfig: 'hindi' },
  { code: 'ne', nativeName: 'नेपाली', englishName: 'Nepali', dir: 'ltr', searchConfig: 'nepali' },
  { code: 'bn', nativeName: 'বাংলা', englishName: 'Bengali', dir: 'ltr', searchConfig: 'simple' },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', englishName: 'Punjabi', dir: 'ltr', searchConfig: 'simple' },
  { code: 'zh-Hans', nativeName: '简体中文', englishName: 'Chinese (Simplified)', dir: 'ltr', searchConfig: 'simple' },
  { code: 'ti', nativeName: 'ትግርኛ', englishName: 'Tigrinya', dir: 'ltr', searchConfig: 'simple' },
  { code: 'tr', nativeName: 'Türkçe', englishName: 'Turkish', dir: 'ltr', searchConfig: 'turkish' },
  { code: 'ta', nativeName: 'தமிழ்', englishName: 'Tamil', dir: 'ltr', searchConfig: 'tamil' },
];

export function findContentLanguage(code: string | null | undefined): ContentLanguage | undefined {
  if (!code) return undefined;
  return CONTENT_LANGUAGES.find((language) => language.code === code) ?? CONTENT_LANGUAGES.find((language) => language.code.toLowerCase() === code.toLowerCase());
}
