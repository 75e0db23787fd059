/**
 * Bundled fonts for every script of the content languages (no CDN: centres and info points may have
 * a poor or filtered connection, and a page must not leak its readers to a third party).
 *
 * Only two weights per script: 400 (text) and 700 (headings, bold). The interface also asks for
 * 500, 600 and 800 (Mantine buttons, labels): CSS font matching gives those the 400 or 700 face, so
 * nothing is drawn with synthetic bold and every extra weight would only grow the download.
 *
 * Each @fontsource stylesheet declares its faces with `unicode-range` subsets, so a browser fetches
 * a file only when the page has a character in that range: a page in Portuguese never downloads
 * Bengali or Chinese files. Noto Sans itself carries Devanagari (Hindi, Nepali). Urdu is drawn with Noto Sans Arabic (Naskh style, not Nastaliq).
 *
 * Latin/Cyrillic/Greek and Arabic (the interface languages) are in the main stylesheet. The other
 * scripts' declarations (about 250 kB of CSS, most of it the Chinese subsets) are a separate
 * stylesheet loaded once the page has loaded and the browser is idle (main.tsx), so they never delay the first paint on a phone.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';

/** Adds the @font-face rules of Bengali, Gurmukhi, Tamil, Ethiopic and Chinese. */
export function loadMoreScripts(): Promise<unknown> {
  return import('./fonts-more-scripts.js');
}

/** Interface languages written in a script of the second stylesheet: loaded at once, not when idle. */
const LANGUAGES_OF_MORE_SCRIPTS = new Set(['bn', 'pa', 'ta', 'ti', 'zh-Hans']);

export function needsMoreScripts(language: string): boolean {
  return LANGUAGES_OF_MORE_SCRIPTS.has(language);
}
