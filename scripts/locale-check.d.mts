export const HOST_LANGUAGE: string;
export function messageArguments(message: string): Map<string, 'text' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'tag'>;
export function missingPluralCategories(message: string, language: string): string[];
export function localeLanguages(): string[];
export function localeProblems(language: string): string[];
export interface LocaleMeta {
  review: 'source' | 'reviewed' | 'needs-review';
  translatedBy?: string;
  reviewedBy?: string;
  note?: string;
}
/** The language's metadata, or a sentence saying what is wrong with it. */
export function readMeta(language: string): LocaleMeta | string;
export function literalText(message: string): string;
export function untranslatedMessages(catalogue: Record<string, unknown>, language: string): string[];
