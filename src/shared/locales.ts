/**
 * A language tag as texts are keyed by: language, optional script, optional region
 * (pt, pt-BR, zh-Hans, sr-Latn-RS). Used wherever a text per language is stored.
 */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

/** Interface languages: code, the name people know it by in that language, and writing direction. */
export interface InterfaceLocale {
  code: string;
  nativeName: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
}

export const HOST_LOCALE = 'pt';

/**
 * Every language the interface is written in, in the order pickers list them: the host language,
 * English, then roughly by how many people of each community the network serves.
 * Each has a full set of locale files (test/locales.test.ts); `locales/<code>/_meta.json` says
 * whether a native speaker has reviewed it.
 */
export const INTERFACE_LOCALES: readonly InterfaceLocale[] = [
  { code: 'pt', nativeName: 'Português', englishName: 'Portuguese', dir: 'ltr' },
  { code: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr' },
  { code: 'pt-BR', nativeName: 'Português (Brasil)', englishName: 'Brazilian Portuguese', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', englishName: 'French', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', englishName: 'Spanish', dir: 'ltr' },
  { code: 'kea', nativeName: 'Kriolu kabuverdianu', englishName: 'Cape Verdean Creole', dir: 'ltr' },
  { code: 'uk', nativeName: 'Українська', englishName: 'Ukrainian', dir: 'ltr' },
  { code: 'ru', nativeName: 'Русский', englishName: 'Russian', dir: 'ltr' },
  { code: 'ro', nativeName: 'Română', englishName: 'Romanian', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl' },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Persian (Farsi)', dir: 'rtl' },
  { code: 'ur', nativeName: 'اردو', englishName: 'Urdu', dir: 'rtl' },
  { code: 'hi', nativeName: 'हिन्दी', englishName: 'Hindi', dir: 'ltr' },
  { code: 'ne', nativeName: 'नेपाली', englishName: 'Nepali', dir: 'ltr' },
  { code: 'bn', nativeName: 'বাংলা', englishName: 'Bengali', dir: 'ltr' },
  { code: 'pa', nativeName: 'ਪੰਜਾਬੀ', englishName: 'Punjabi', dir: 'ltr' },
  { code: 'zh-Hans', nativeName: '简体中文', englishName: 'Chinese (Simplified)', dir: 'ltr' },
  { code: 'ti', nativeName: 'ትግርኛ', englishName: 'Tigrinya', dir: 'ltr' },
  { code: 'tr', nativeName: 'Türkçe', englishName: 'Turkish', dir: 'ltr' },
  { code: 'ta', nativeName: 'தமிழ்', englishName: 'Tamil', dir: 'ltr' },
];

/**
 * The interface language for a language tag from a browser, a profile or a person's record:
 * the exact tag (any case), else the plain language of its family ("pt-AO" → pt), else the one
 * interface language of that family ("zh-CN", "zh" → zh-Hans; "pa-Guru-IN" → pa).
 */
export function findLocale(code: string | null | undefined): InterfaceLocale | undefined {
  if (!code) return undefined;
  const wanted = code.trim().replace(/_/g, '-').toLowerCase();
  const exact = INTERFACE_LOCALES.find((locale) => locale.code.toLowerCase() === wanted);
  if (exact) return exact;
  const family = wanted.split('-')[0];
  return INTERFACE_LOCALES.find((locale) => locale.code === family) ?? INTERFACE_LOCALES.find((locale) => locale.code.toLowerCase().split('-')[0] === family);
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
