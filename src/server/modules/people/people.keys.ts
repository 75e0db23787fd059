import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';

/**
 * Name keys for search and duplicate detection. Any script goes to Latin letters with any-ascii
 * (Arabic, Persian, Cyrillic, Devanagari, Bengali, Chinese as pinyin, Latin with diacritics); a
 * token then gets three comparable forms:
 * - `latin`: the plain lower-case Latin spelling ("mohammed", "oleksandr");
 * - `skeleton`: a consonant skeleton with look-alike sounds folded together ("mhmt"). Arabic and
 *   Persian scripts write no short vowels, so "محمد" can only meet "Mohammed" on its consonants;
 * - `phonetic`: the Double Metaphone primary key of the Latin spelling ("MHMT").
 */
export interface NameToken {
  latin: string;
  skeleton: string;
  phonetic: string;
  /** True when the token came from a script without written short vowels (abjad). */
  abjad: boolean;
}

/** Arabic, Syriac, Thaana and Hebrew blocks, Arabic presentation forms: scripts that omit short vowels. */
const ABJAD = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Particles that name order and spelling habits add or drop ("Al-Zahra" / "Zahra", "bin Laden"). */
const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'bint', 'de', 'da', 'do', 'dos', 'das', 'del', 'van', 'von']);

/** Digraphs first (a Latin spelling habit), then single letters folded into sound classes. */
const DIGRAPHS: [RegExp, string][] = [
  [/kh/g, 'h'], // Khalid / Halid, Ахмед → Akhmed / Ahmed
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/sh/g, 's'],
  [/ch/g, 's'],
  [/zh/g, 'j'],
  [/dj/g, 'j'],
  [/ck/g, 'k'],
  [/x/g, 'ks'],
];
const LETTER_CLASS: Record<string, string> = { p: 'b', v: 'f', q: 'k', c: 'k', z: 's', d: 't', g: 'j' };

/** Lower-case plain Latin letters and spaces; apostrophes (hamza, ayn, soft sign) vanish. */
export function toLatin(text: string): string {
  return anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/['`’ʿʾ]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function skeletonOfLatin(latin: string): string {
  let text = latin;
  for (const [pattern, replacement] of DIGRAPHS) text = text.replace(pattern, replacement);
  let out = '';
  for (const letter of text) {
    // y and w are written for long vowels in abjad names (يوسف → ywsf ~ Yusuf): vowels here.
    if ('aeiouyw'.includes(letter)) continue;
    out += LETTER_CLASS[letter] ?? letter;
  }
  return out;
}

/** Marks a name that starts with a vowel (Ali, Omar) or with alef/ayn/hamza (علي, عمر): Ali is not Layla. */
export const VOWEL_START = '_';
/** Arabic letters that Persian, Urdu and Turkish spellings read as z or s, Arabic ones as d or t (Reza / رضا). */
export const DZ_LETTER = '*';
const ABJAD_VOWEL_START = /^[\u0621-\u0627\u0639\u0626]/;
const ABJAD_DZ = new Set(['ض', 'ظ', 'ذ', 'ث']);

function finishSkeleton(raw: string, vowelStart: boolean): string {
  // Doubled letters (Mohammed, Hussein) and a closing h (Fatimah, فاطمة → ftmh) carry no identity.
  let key = raw.replace(/(.)\1+/g, '$1');
  if (key.length > 2 && key.endsWith('h')) key = key.slice(0, -1);
  if (vowelStart) key = VOWEL_START + key;
  // The Arabic article glued to a name (الزهراء, Alzahra) against "Zahra".
  if (key.length >= 5 && key.startsWith(`${VOWEL_START}l`)) key = key.slice(2);
  return key;
}

/**
 * An abjad word is transliterated letter by letter, so letters that meet (ز + ه → "zh") are not
 * read as a Latin digraph.
 */
function skeletonOfWord(word: string): string {
  if (!ABJAD.test(word)) {
    const latin = toLatin(word).replace(/ /g, '');
    return finishSkeleton(skeletonOfLatin(latin), /^[aeiou]/.test(latin));
  }
  const letters = [...word].map((char) => (ABJAD_DZ.has(char) ? DZ_LETTER : skeletonOfLatin(toLatin(char).replace(/ /g, '')))).join('');
  return finishSkeleton(letters, ABJAD_VOWEL_START.test(word));
}

/** Skeletons are equal when every letter is, a Persian/Arabic d-or-z letter standing for d, t, s or z. */
export function sameSkeleton(a: string, b: string): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    if ((x === DZ_LETTER && 'ts'.includes(y)) || (y === DZ_LETTER && 'ts'.includes(x))) continue;
    return false;
  }
  return true;
}

/** The tokens of one name field in any script (a Chinese name written without spaces is one token). */
export function nameTokens(text: string): NameToken[] {
  const tokens: NameToken[] = [];
  for (const word of text.normalize('NFC').split(/[\s\-‐,.·]+/u)) {
    if (!word) continue;
    const latin = toLatin(word).replace(/ /g, '');
    if (!latin || PARTICLES.has(latin)) continue;
    const abjad = ABJAD.test(word);
    tokens.push({ latin, skeleton: skeletonOfWord(word), phonetic: doubleMetaphone(latin)[0], abjad });
  }
  return tokens;
}

/** The searchable Latin form of all of a person's names, space-separated (trigram-indexed). */
export function nameKey(names: string[]): string {
  return names
    .flatMap((name) => nameTokens(name).map((token) => token.latin))
    .join(' ');
}

/** Keys stored per person: duplicate candidates share at least one of them (or a trigram). */
export function storedKeys(names: string[]): { nameKey: string; skeletonKeys: string[]; phoneticKeys: string[] } {
  const tokens = names.flatMap(nameTokens);
  // Short keys are too common to select candidates by (Ali → "_l"); a d-or-z letter cannot be looked up exactly.
  const skeletonKeys = [...new Set(tokens.map((t) => t.skeleton).filter((key) => key.length >= 3 && !key.includes(DZ_LETTER)))];
  const phoneticKeys = [...new Set(tokens.map((t) => t.phonetic).filter((key) => key.length >= 2))];
  return { nameKey: nameKey(names), skeletonKeys, phoneticKeys };
}

/** Document numbers compare on letters and digits only: "AB 12-345" is "AB12345". */
export function documentNumberKey(number: string): string {
  return anyAscii(number).toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Phones to E.164 where the number allows: "+" or "00" prefixed numbers keep their country code,
 * a 9-digit national number gets the host country's code (Portugal, +351).
 */
export function phoneKey(phone: string, defaultCountryCode = '351'): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `+${digits.slice(1).replace(/\+/g, '')}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.length === 9) return `+${defaultCountryCode}${digits}`;
  return digits;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
