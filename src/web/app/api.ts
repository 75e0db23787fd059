import { noteAnswerSource } from './offline.js';

/**
 * One field the server refused, with a dotted path such as "body.name". `message` is the server's
 * English; `rule` and `limit` let the screen say it in the reader's language (fieldErrorText).
 */
export interface ApiFieldError {
  path: string;
  message: string;
  rule?: 'required' | 'too_short' | 'too_long' | 'too_small' | 'too_big' | 'too_few' | 'too_many' | 'email' | 'date' | 'format' | 'choice' | 'invalid';
  limit?: number;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, echoed on every write. Set by the session hook after sign-in. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Extra request headers, e.g. an Idempotency-Key on writes a person could repeat. */
export type RequestHeaders = Record<string, string>;

async function request<T>(method: string, url: string, body?: unknown, extraHeaders: RequestHeaders = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'network');
  }
  noteAnswerSource(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const payload: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; fields?: ApiFieldError[]; retryAfterSeconds?: number } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? response.statusText, error?.fields ?? [], error?.retryAfterSeconds);
  }
  return payload as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(url: string, headers?: RequestHeaders) => request<T>('GET', url, undefined, headers),
  post: <T>(url: string, body?: unknown, headers?: RequestHeaders) => request<T>('POST', url, body ?? {}, headers),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  delete: <T>(url: string) => request<T>('DELETE', url),
};

/** Builds a query string from defined values only. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
