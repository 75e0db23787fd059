import type { Config } from '../../config.js';
import { AppError } from '../../http/errors.js';

/**
 * Machine translation through a LibreTranslate-style HTTP API (`POST <MT_URL>/translate` with
 * `{ q, source, target, format, api_key }` answering `{ translatedText }`). Optional: without
 * MT_URL the editor simply offers no machine draft.
 */
export interface MachineTranslator {
  translate(texts: string[], source: string, target: string): Promise<string[]>;
}

/** Our content codes to the codes LibreTranslate knows. */
function providerCode(code: string): string {
  if (code === 'zh-Hans') return 'zh';
  if (code === 'pt-BR') return 'pb';
  return code.split('-')[0]!;
}

export function machineTranslatorFrom(config: Config): MachineTranslator | undefined {
  const settings = config.machineTranslation;
  if (!settings) return undefined;
  return {
    async translate(texts, source, target) {
      const results: string[] = [];
      for (const text of texts) {
        if (text.trim() === '') {
          results.push('');
          continue;
        }
        results.push(await translateOne(settings, text, providerCode(source), providerCode(target)));
      }
      return results;
    },
  };
}

async function translateOne(settings: { url: string; apiKey: string | undefined }, q: string, source: string, target: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${settings.url}/translate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q, source, target, format: 'text', ...(settings.apiKey ? { api_key: settings.apiKey } : {}) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new AppError('unavailable', 'The machine translation service cannot be reached');
  }
  if (!response.ok) throw new AppError('unavailable', `The machine translation service answered ${response.status}`);
  const answer = (await response.json().catch(() => null)) as { translatedText?: unknown } | null;
  if (!answer || typeof answer.translatedText !== 'string') throw new AppError('unavailable', 'The machine translation service gave no text');
  return answer.translatedText;
}
