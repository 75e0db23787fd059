import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fromDatabaseError, type ErrorBody, type FieldError } from './errors.js';

/** One place turns every failure into the same JSON shape; 5xx details stay in the log. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, appError.message);
    }
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.message,
        requestId: request.id,
        ...(appError.extra.fields ? { fields: appError.extra.fields } : {}),
        ...(appError.extra.retryAfterSeconds ? { retryAfterSeconds: appError.extra.retryAfterSeconds } : {}),
      },
    };
    if (appError.extra.retryAfterSeconds) reply.header('retry-after', String(appError.extra.retryAfterSeconds));
    return reply.status(appError.status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}`, requestId: request.id },
    };
    return reply.status(404).send(body);
  });
}

interface ZodIssueParams {
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

/** The zod issue as a rule a screen can name in any language (see FieldRule). */
export function ruleOf(code: string, params: ZodIssueParams = {}): Pick<FieldError, 'rule' | 'limit'> {
  const limit = (value: number | bigint | undefined) => (typeof value === 'number' && Number.isFinite(value) ? { limit: value } : typeof value === 'bigint' ? { limit: Number(value) } : {});
  switch (code) {
    case 'invalid_type':
      return { rule: params.input === undefined || params.input === null ? 'required' : 'invalid' };
    case 'too_small':
      if (params.origin === 'string') return { rule: params.minimum === 1 ? 'required' : 'too_short', ...limit(params.minimum) };
      if (params.origin === 'array' || params.origin === 'set') return { rule: 'too_few', ...limit(params.minimum) };
      return { rule: 'too_small', ...limit(params.minimum) };
    case 'too_big':
      if (params.origin === 'string') return { rule: 'too_long', ...limit(params.maximum) };
      if (params.origin === 'array' || params.origin === 'set') return { rule: 'too_many', ...limit(params.maximum) };
      return { rule: 'too_big', ...limit(params.maximum) };
    case 'invalid_format':
      // A pattern of our own carries its own sentence with an example ("expected a phone number such as …").
      if (params.format === 'regex') return {};
      return { rule: params.format === 'email' ? 'email' : params.format === 'date' || params.format === 'datetime' ? 'date' : 'format' };
    case 'custom':
      // A rule a schema wrote itself (a refine): its message is the only one that says what is wrong.
      return {};
    case 'invalid_value':
    case 'invalid_union':
      return { rule: 'choice' };
    default:
      return { rule: 'invalid' };
  }
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: FieldError[] = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: issue.message ?? 'is not valid',
      ...ruleOf(issue.keyword, issue.params as ZodIssueParams),
    }));
    return AppError.invalid(fields);
  }
  if (isResponseSerializationError(error)) return new AppError('internal', 'The server could not complete the request');
  const fromDatabase = fromDatabaseError(error);
  if (fromDatabase) return fromDatabase;
  const status = error.statusCode ?? 500;
  if (status === 413) return new AppError('payload_too_large', 'The request body is too large');
  if (status === 429) return new AppError('rate_limited', 'Too many requests; please wait and try again');
  if (status === 415) return new AppError('bad_request', 'Unsupported content type; send JSON');
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, empty body) carry safe messages.
    return new AppError('bad_request', error.message || 'The request is not valid');
  }
  return new AppError('internal', 'The server could not complete the request');
}
