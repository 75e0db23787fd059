import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/app.js';
import { ruleOf } from './error-handler.js';
import { AppError } from './errors.js';

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers health with the database checked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document and the browsable docs', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const document = spec.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/v1/auth/login']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('sets security headers including a content security policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('answers unknown API routes with the common JSON error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found', requestId: expect.any(String) } });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('names the rule each field broke, so a screen can say it in the reader\'s language', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x'.repeat(101) } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { path: 'body.username', message: expect.any(String), rule: 'too_long', limit: 100 },
      { path: 'body.password', message: expect.any(String), rule: 'required' },
    ]);
  });

  it('keeps a valid request id given by a proxy and replaces an unsafe one', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'proxy-12345678' } });
    expect(kept.headers['x-request-id']).toBe('proxy-12345678');
    const replaced = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });
});

describe('error handler', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('maps every AppError code to its status and never leaks internals of a crash', async () => {
    const probe = await createTestApp({ database: t.database });
    probe.app.get('/api/test/crash', async () => {
      throw new Error('secret connection string postgres://user:pw@host');
    });
    probe.app.get('/api/test/locked', async () => {
      throw new AppError('account_locked', 'Locked', { retryAfterSeconds: 90 });
    });
    probe.app.get('/api/test/bad-response', { schema: { response: { 200: z.object({ n: z.number() }) } } }, async () => ({ n: 'x' }) as never);
    const crash = await probe.app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('secret');
    expect(crash.body).not.toContain('at ');
    expect(crash.json()).toMatchObject({ error: { code: 'internal', requestId: expect.any(String) } });
    const locked = await probe.app.inject({ method: 'GET', url: '/api/test/locked' });
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['retry-after']).toBe('90');
    const badResponse = await probe.app.inject({ method: 'GET', url: '/api/test/bad-response' });
    expect(badResponse.statusCode).toBe(500);
    expect(badResponse.body).not.toContain('expected number');
    await probe.app.close();
    await probe.deps.bus.stop();
  });
});

describe('field rules', () => {
  const rulesOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), ...ruleOf(issue.code, issue as never) }));
  };

  it('tells required, length, size, count, format and choice apart', () => {
    const schema = z.object({
      name: z.string().trim().min(1),
      code: z.string().min(3).max(5),
      seats: z.int().min(1).max(9),
      email: z.email(),
      day: z.iso.date(),
      kind: z.enum(['walk_in', 'appointment']),
      services: z.array(z.uuid()).min(1).max(2),
      phone: z.string().regex(/^\+?[0-9 ]+$/, 'expected a phone number such as +351 210 000 000').optional(),
      hours: z.object({ opens: z.string(), closes: z.string() }).refine((hours) => hours.opens < hours.closes, { path: ['closes'], message: 'must be after the opening time' }).optional(),
    });
    expect(rulesOf(schema, { name: '', code: 'ab', seats: 10, email: 'nope', day: '2026-13-40', kind: 'other', services: [] })).toEqual([
      { path: 'name', rule: 'required', limit: 1 },
      { path: 'code', rule: 'too_short', limit: 3 },
      { path: 'seats', rule: 'too_big', limit: 9 },
      { path: 'email', rule: 'email' },
      { path: 'day', rule: 'date' },
      { path: 'kind', rule: 'choice' },
      { path: 'services', rule: 'too_few', limit: 1 },
    ]);
    // Rules a schema wrote itself keep their own sentence: no generic rule replaces it.
    expect(rulesOf(schema, { name: 'a', code: 'abc', seats: 1, email: 'a@b.pt', day: '2026-01-01', kind: 'walk_in', services: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'], phone: 'call me', hours: { opens: '18:00', closes: '09:00' } })).toEqual([
      { path: 'phone' },
      { path: 'hours.closes' },
    ]);
    expect(rulesOf(schema, { code: 'abcdef', seats: 0, services: ['a', 'b', 'c'], kind: 7 })).toEqual(
      expect.arrayContaining([
        { path: 'name', rule: 'required' },
        { path: 'code', rule: 'too_long', limit: 5 },
        { path: 'seats', rule: 'too_small', limit: 1 },
        { path: 'services', rule: 'too_many', limit: 2 },
        { path: 'kind', rule: 'choice' },
      ]),
    );
  });
});
