import type { FastifyServerOptions } from 'fastify';

/**
 * Secrets and personal data never reach the log: cookies, tokens, passwords, and the values of query
 * strings (people are searched by name, phone and document number).
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.passwordHash',
  '*.password_hash',
  '*.totpSecret',
  '*.totp_secret',
  '*.token',
  '*.csrfToken',
  '*.email',
  '*.phone',
  '*.dateOfBirth',
  '*.documentNumber',
];

export function withoutQueryValues(url: string): string {
  const [pathname, query] = url.split('?', 2);
  if (!query) return pathname ?? url;
  const names = query.split('&').map((pair) => `${pair.split('=')[0]}=…`);
  return `${pathname}?${names.join('&')}`;
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; ip?: string; id?: string }) {
        return { method: request.method, url: withoutQueryValues(request.url), ip: request.ip, id: request.id };
      },
    },
  };
}
