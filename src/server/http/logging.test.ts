import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, withoutQueryValues } from './logging.js';

function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = loggerOptions('info') as pino.LoggerOptions;
  return { logger: pino(options, stream), lines };
}

describe('log redaction', () => {
  it('hides secrets and personal data wherever they appear', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        req: { method: 'POST', url: '/api/v1/people?name=Fatima&phone=912345678', headers: { cookie: 'oneroof_session=abc', authorization: 'Bearer xyz', 'x-csrf-token': 'tok' } },
        body: { password: 'hunter22', email: 'fatima@example.org', phone: '+351912345678', dateOfBirth: '1990-01-02', documentNumber: 'P1234567' },
        session: { token: 'session-token', csrfToken: 'csrf-token' },
      },
      'something happened',
    );
    const line = lines.join('');
    for (const secret of ['abc', 'xyz', 'hunter22', 'fatima@example.org', '912345678', '1990-01-02', 'P1234567', 'session-token', 'csrf-token', 'Fatima']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('something happened');
  });

  it('keeps the names of query parameters and drops their values', () => {
    expect(withoutQueryValues('/api/v1/people?name=Ana&page=2')).toBe('/api/v1/people?name=…&page=…');
    expect(withoutQueryValues('/api/health')).toBe('/api/health');
  });
});
