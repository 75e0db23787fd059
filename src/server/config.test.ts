import { describe, expect, it } from 'vitest';
import { loadConfig, redactUrl } from './config.js';
import { describeDelivery } from './notifications/providers.js';

describe('configuration', () => {
  it('defaults to the embedded database with the demo network on', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('pglite');
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.secureCookies).toBe(false);
  });

  it('uses PostgreSQL with DATABASE_URL and then leaves the demo off unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/oneroof' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/oneroof' });
    expect(config.demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/oneroof', DEMO: 'true' }).demo).toBe(true);
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://oneroof.example.org/' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://oneroof.example.org/' }).publicUrl).toBe('https://oneroof.example.org');
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT: expected a port number$/],
    [{ PORT: '70000' }, /PORT: expected a port between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\//],
    [{ DEMO: 'maybe' }, /DEMO: expected true or false/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: expected one of fatal, error/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET: expected at least 32 characters/],
    [{ DEMO_PASSWORD: 'abc' }, /DEMO_PASSWORD: expected at least 8 characters/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL: expected a URL starting with smtp:\/\/ or smtps:\/\//],
    [{ SMS_WEBHOOK_URL: 'ftp://sms' }, /SMS_WEBHOOK_URL: expected a URL starting with http:\/\/ or https:\/\//],
    [{ JOBS_ENABLED: 'sometimes' }, /JOBS_ENABLED: expected true or false/],
    [{ JOBS_POLL_SECONDS: '0' }, /JOBS_POLL_SECONDS: expected at least 0.05 seconds/],
    [{ JOBS_CONCURRENCY: '2.5' }, /JOBS_CONCURRENCY: expected a whole number/],
    [{ OIDC_ISSUER_URL: 'https://id.example.org' }, /OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/],
  ])('refuses %o with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('runs background jobs by default, every 5 seconds, two at a time', () => {
    expect(loadConfig({}).jobs).toEqual({ enabled: true, pollMs: 5000, concurrency: 2, lockMs: 300_000 });
    expect(loadConfig({ JOBS_ENABLED: 'false', JOBS_POLL_SECONDS: '0.5' }).jobs).toMatchObject({ enabled: false, pollMs: 500 });
  });

  it('keeps passwords and tokens of provider addresses out of the log', () => {
    expect(redactUrl('smtps://mailer:s3cret@mail.example.org:465')).toBe('smtps://mailer:redacted@mail.example.org:465');
    expect(redactUrl('https://sms.example.org/send?key=abc123&to=x')).toBe('https://sms.example.org/send?key=redacted&to=redacted');
    const delivery = describeDelivery(loadConfig({ SMTP_URL: 'smtp://u:pw-123@mail', SMS_WEBHOOK_URL: 'https://sms.example.org/send', SMS_WEBHOOK_TOKEN: 'token-987654' }));
    expect(JSON.stringify(delivery)).not.toMatch(/pw-123|token-987654/);
    expect(delivery.sms).toBe('webhook https://sms.example.org/send with a bearer token');
    expect(describeDelivery(loadConfig({}))).toEqual({ email: 'outbox (no SMTP_URL)', sms: 'outbox (no SMS_WEBHOOK_URL)' });
  });

  it('reads the document key, the document size limit and the break-glass duration', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({ DOCUMENT_KEY: key, DOCUMENT_MAX_MB: '5', BREAK_GLASS_MINUTES: '45' });
    expect(config.documentKey?.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(config.documentMaxBytes).toBe(5 * 1024 * 1024);
    expect(config.breakGlassMinutes).toBe(45);
    expect(loadConfig({}).documentKey).toBeUndefined();
    expect(() => loadConfig({ DOCUMENT_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/DOCUMENT_KEY: expected 32 random bytes in base64/);
    expect(() => loadConfig({ BREAK_GLASS_MINUTES: '2' })).toThrow(/BREAK_GLASS_MINUTES/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('pglite');
  });
});
