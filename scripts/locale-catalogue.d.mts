export function readCatalogue(language: string): Record<string, unknown>;
