/** Every error the API can answer with, and the HTTP status it maps to. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  second_factor_required: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  account_locked: 423,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * What a field broke, for screens to say it in the reader's language (the `message` is English,
 * for developers and logs): `required`, `too_short` / `too_long` (text), `too_small` / `too_big`
 * (numbers, dates), `too_few` / `too_many` (lists), `email`, `date`, `format`, `choice`, `invalid`.
 */
export type FieldRule = 'required' | 'too_short' | 'too_long' | 'too_small' | 'too_big' | 'too_few' | 'too_many' | 'email' | 'date' | 'format' | 'choice' | 'invalid';

/** One field that failed validation: `path` is dotted ("address.city", "names.pt"). */
export interface FieldError {
  path: string;
  message: string;
  rule?: FieldRule;
  /** The bound a `too_*` rule refers to (characters, items, or the number). */
  limit?: number;
}

/** The JSON shape of every error the API returns. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
    requestId?: string;
    retryAfterSeconds?: number;
  };
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} was not found`);
  }

  static forbidden(message = 'You do not have permission to do this'): AppError {
    return new AppError('forbidden', message);
  }

  static invalid(fields: FieldError[], message = 'Some fields are not valid'): AppError {
    return new AppError('validation_failed', message, { fields });
  }

  static conflict(message: string, fields?: FieldError[]): AppError {
    return new AppError('conflict', message, fields ? { fields } : {});
  }
}

/** Postgres error codes that mean the request collided with stored data, not a server fault. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = String((error as { code: unknown }).code);
  const constraint = 'constraint' in error ? String((error as { constraint?: unknown }).constraint ?? '') : '';
  if (code === '23505') return new AppError('already_exists', 'A record with the same identifying values already exists', constraint ? { fields: [{ path: constraint, message: 'must be unique' }] } : {});
  if (code === '23503') return new AppError('conflict', 'The record refers to, or is referred to by, another record');
  if (code === '23514') return new AppError('validation_failed', 'A value breaks a rule of the stored data', constraint ? { fields: [{ path: constraint, message: 'breaks a rule' }] } : {});
  if (code === '40001' || code === '40P01') return new AppError('conflict', 'The request collided with another one; please try again');
  return undefined;
}
