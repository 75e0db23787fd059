export const LOCALES_DIR: string;
export const NOTIFY_FILE: RegExp;
export function readCatalogue(language: string, which?: 'all' | 'interface' | 'notify'): Record<string, unknown>;
