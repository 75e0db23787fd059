import { nameTokens, sameSkeleton, type NameToken } from './people.keys.js';

/** A person's names, in Latin letters and in their own script. */
export interface PersonNames {
  givenNames: string;
  familyNames: string;
  otherNames: string;
  nativeGivenNames: string;
  nativeFamilyNames: string;
}

export interface NameComparison {
  similarity: number;
  /** True when the best match paired a name in a non-Latin script with one in Latin letters. */
  acrossScripts: boolean;
  /** True when the best match paired given names with family names. */
  swapped: boolean;
}

interface NameVariant {
  given: NameToken[];
  family: NameToken[];
  other: NameToken[];
  nonLatin: boolean;
}

const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

function variantsOf(names: PersonNames): NameVariant[] {
  const variants: NameVariant[] = [];
  const latin = { given: nameTokens(names.givenNames), family: nameTokens(names.familyNames), other: nameTokens(names.otherNames) };
  if (latin.given.length + latin.family.length > 0) variants.push({ ...latin, nonLatin: NON_LATIN.test(names.givenNames + names.familyNames) });
  const native = { given: nameTokens(names.nativeGivenNames), family: nameTokens(names.nativeFamilyNames), other: [] };
  if (native.given.length + native.family.length > 0) variants.push({ ...native, nonLatin: NON_LATIN.test(names.nativeGivenNames + names.nativeFamilyNames) });
  return variants;
}

/** Jaro–Winkler similarity of two strings (1 = equal). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * How alike two name tokens are. A token from an abjad script has no short vowels, so it is
 * compared on consonants only; Latin spellings also by spelling and by sound.
 */
export function tokenSimilarity(a: NameToken, b: NameToken): number {
  if (a.latin === b.latin) return 1;
  const skeletonLength = Math.min(a.skeleton.length, b.skeleton.length);
  const skeletonsMatch = sameSkeleton(a.skeleton, b.skeleton);
  if (a.abjad || b.abjad) {
    // Consonants are all an abjad spelling offers: their agreement is the strongest evidence there is.
    if (skeletonsMatch) return skeletonLength >= 3 ? 0.97 : skeletonLength === 2 ? 0.93 : 0.8;
    return skeletonLength >= 3 ? 0.9 * jaroWinkler(a.skeleton, b.skeleton) : 0;
  }
  let best = jaroWinkler(a.latin, b.latin);
  if (skeletonsMatch && skeletonLength >= 2) best = Math.max(best, 0.92);
  if (a.phonetic && a.phonetic === b.phonetic && a.phonetic.length >= 2) best = Math.max(best, 0.9);
  return best;
}

/** Mean best similarity of each token of the shorter list to a distinct token of the longer. */
function alignTokens(left: NameToken[], right: NameToken[]): number {
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  if (short.length === 0) return 0;
  const used = new Set<number>();
  let total = 0;
  for (const token of short) {
    let best = 0;
    let bestIndex = -1;
    long.forEach((other, index) => {
      if (used.has(index)) return;
      const similarity = tokenSimilarity(token, other);
      if (similarity > best) [best, bestIndex] = [similarity, index];
    });
    if (bestIndex >= 0) used.add(bestIndex);
    total += best;
  }
  // A single name against a full name ("Mohammed" vs "Mohammed Rahman") proves little.
  const coverage = short.length === 1 && long.length > 1 ? 0.8 : 1;
  return (total / short.length) * coverage;
}

/** One written-together name ("王小明" → wangxiaoming) against spaced Latin in either order. */
function compactSimilarity(a: NameVariant, b: NameVariant): number {
  if ([a, b].some((v) => [...v.given, ...v.family].some((t) => t.abjad))) return 0;
  const joined = (tokens: NameToken[]) => tokens.map((t) => t.latin).join('');
  const forms = (v: NameVariant) => [joined([...v.given, ...v.family]), joined([...v.family, ...v.given])];
  let best = 0;
  for (const x of forms(a)) for (const y of forms(b)) best = Math.max(best, jaroWinkler(x, y));
  return best * 0.97;
}

function compareVariants(a: NameVariant, b: NameVariant): { similarity: number; swapped: boolean } {
  const inOrder = (alignTokens(a.given, b.given) + alignTokens(a.family, b.family)) / 2;
  const hasBothParts = (v: NameVariant) => v.given.length > 0 && v.family.length > 0;
  // Fields filled the other way round (family name typed as given name), or all names in one field.
  const swapped = hasBothParts(a) && hasBothParts(b) ? (alignTokens(a.given, b.family) + alignTokens(a.family, b.given)) / 2 : 0;
  const anyOrder = alignTokens([...a.given, ...a.family, ...a.other], [...b.given, ...b.family, ...b.other]);
  const orderFree = hasBothParts(a) && hasBothParts(b) ? Math.min(anyOrder, Math.max(inOrder, swapped, anyOrder * 0.97)) : anyOrder;
  const similarity = Math.max(inOrder, swapped, orderFree, compactSimilarity(a, b));
  return { similarity, swapped: swapped > inOrder + 0.05 };
}

/** The best comparison between any written form of one person's name and any of the other's. */
export function compareNames(left: PersonNames, right: PersonNames): NameComparison {
  let result: NameComparison = { similarity: 0, acrossScripts: false, swapped: false };
  for (const a of variantsOf(left)) {
    for (const b of variantsOf(right)) {
      const { similarity, swapped } = compareVariants(a, b);
      if (similarity > result.similarity + 1e-9) result = { similarity, swapped, acrossScripts: a.nonLatin !== b.nonLatin };
    }
  }
  return result;
}

/** How well every word typed in a search box matches some name of the person, in any script. */
export function nameSearchSimilarity(query: string, names: PersonNames): number {
  const wanted = nameTokens(query);
  const own = variantsOf(names).flatMap((v) => [...v.given, ...v.family, ...v.other]);
  if (wanted.length === 0 || own.length === 0) return 0;
  const best = wanted.map((token) => Math.max(...own.map((other) => tokenSimilarity(token, other))));
  return best.reduce((sum, value) => sum + value, 0) / best.length;
}

/** ISO 15924 codes of the scripts a native name is recognised in when staff do not say (Persian and Urdu are Arab). */
const SCRIPT_PATTERNS: [string, RegExp][] = [
  ['Arab', /\p{Script=Arabic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Guru', /\p{Script=Gurmukhi}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Thai', /\p{Script=Thai}/u],
];

/** The script a name is written in, so a reason can say "written in Arabic and in Latin letters". */
export function detectScript(text: string): string | null {
  return SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}
