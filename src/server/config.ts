import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGE_TAG_PATTERN } from '../shared/locales.js';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
    error: 'expected true or false',
  })
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const urlWithProtocol = (protocols: string[]) =>
  z.url({ error: `expected a URL starting with ${protocols.join(' or ')}` }).refine(
    (value) => protocols.some((protocol) => value.startsWith(protocol)),
    { message: `expected a URL starting with ${protocols.join(' or ')}` },
  );

/** Every setting OneRoof reads from its environment, with the variable name each one comes from. */
const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(0, 'expected a port between 0 and 65535')
    .max(65535, 'expected a port between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'expected a host name or address').default('127.0.0.1'),
  PUBLIC_URL: urlWithProtocol(['http://', 'https://']).optional(),
  DATABASE_URL: urlWithProtocol(['postgres://', 'postgresql://']).optional(),
  DATA_DIR: z.string().min(1, 'expected a folder path').default('./.data'),
  SESSION_SECRET: z
    .string()
    .min(32, 'expected at least 32 characters of random text')
    .optional(),
  DEMO: booleanFromEnv.optional(),
  DEMO_PASSWORD: z.string().min(8, 'expected at least 8 characters').optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'expected one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SMTP_URL: urlWithProtocol(['smtp://', 'smtps://']).optional(),
  MAIL_FROM: z.string().min(3, 'expected an e-mail sender such as "OneRoof <noreply@example.org>"').default('OneRoof <noreply@localhost>'),
  SMS_WEBHOOK_URL: urlWithProtocol(['http://', 'https://']).optional(),
  SMS_WEBHOOK_TOKEN: z.string().min(8, 'expected a token of at least 8 characters').optional(),
  JOBS_ENABLED: booleanFromEnv.default(true),
  JOBS_POLL_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .min(0.05, 'expected at least 0.05 seconds')
    .max(300, 'expected at most 300 seconds')
    .default(5),
  JOBS_CONCURRENCY: z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').min(1, 'expected at least 1').max(32, 'expected at most 32').default(2),
  JOBS_LOCK_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .min(1, 'expected at least 1 second')
    .max(24 * 3600, 'expected at most 86400 seconds')
    .default(300),
  TRUST_PROXY: booleanFromEnv.default(false),
  SESSION_HOURS: z.coerce
    .number({ error: 'expected a number of hours' })
    .positive('expected a positive number of hours')
    .max(24 * 30, 'expected at most 720 hours')
    .default(12),
  LOGIN_MAX_FAILURES: z.coerce.number({ error: 'expected a whole number' }).int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number({ error: 'expected a number of minutes' }).positive().max(24 * 60).default(15),
  OIDC_ISSUER_URL: urlWithProtocol(['http://', 'https://']).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_BUTTON_LABEL: z.string().min(1).default('Single sign-on'),
  REALTIME_HEARTBEAT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .min(0.01, 'expected at least 0.01 seconds')
    .max(300, 'expected at most 300 seconds')
    .default(15),
  REALTIME_RETENTION_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .positive('expected a positive number of days')
    .max(365, 'expected at most 365 days')
    .default(3),
  ALTCHA_HMAC_KEY: z.string().min(32, 'expected at least 32 characters of random text').optional(),
  ALTCHA_REQUIRED: booleanFromEnv.default(true),
  ALTCHA_MAX_NUMBER: z.coerce.number({ error: 'expected a whole number' }).int().min(1, 'expected at least 1').max(10_000_000, 'expected at most 10000000').default(50_000),
  PUBLIC_BOOKING_RATE_LIMIT: z.coerce.number({ error: 'expected a whole number' }).int().min(1).max(1_000_000).default(30),
  APPOINTMENT_REMINDER_HOURS: z.coerce.number({ error: 'expected a number of hours' }).min(0.25, 'expected at least 0.25 hours').max(24 * 14, 'expected at most 336 hours').default(24),
  WAITLIST_MAX_DAYS: z.coerce.number({ error: 'expected a number of days' }).int().min(1).max(365).default(60),
  MT_URL: urlWithProtocol(['http://', 'https://']).optional(),
  MT_API_KEY: z.string().min(1).optional(),
  DOCUMENT_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value), 'expected 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  DOCUMENT_MAX_MB: z.coerce.number({ error: 'expected a number of megabytes' }).positive().max(50, 'expected at most 50 MB').default(10),
  BREAK_GLASS_MINUTES: z.coerce.number({ error: 'expected a number of minutes' }).int().min(5, 'expected at least 5 minutes').max(24 * 60, 'expected at most 1440 minutes').default(30),
  HOST_LANGUAGE: z
    .string()
    .regex(LANGUAGE_TAG_PATTERN, 'expected a language code such as pt or pt-BR')
    .default('pt'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** Cookies get the Secure flag when people reach the app over TLS. */
  secureCookies: boolean;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  sessionSecret: string;
  sessionHours: number;
  demo: boolean;
  demoPassword: string | undefined;
  logLevel: Environment['LOG_LEVEL'];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SMS go out as a JSON POST to this address when set; otherwise they stay in the outbox. */
  smsWebhookUrl: string | undefined;
  smsWebhookToken: string | undefined;
  /** The job runner in this process (docs/operations.md, "Jobs"). */
  jobs: { enabled: boolean; pollMs: number; concurrency: number; lockMs: number };
  trustProxy: boolean;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  oidc: { issuerUrl: string; clientId: string; clientSecret: string; buttonLabel: string } | undefined;
  hostLanguage: string;
  /** Public booking: proof-of-work, per-address limits, reminders and the waiting list (docs/appointments.md). */
  booking: {
    /** Signs proof-of-work challenges; derived from the secret-box key in the data folder when unset. */
    altchaHmacKey: string | undefined;
    altchaRequired: boolean;
    /** Difficulty: the solver tries up to this many numbers (about half on average). */
    altchaMaxNumber: number;
    /** Public booking requests one client address may make per 10 minutes and kind of request. */
    rateLimitPer10Minutes: number;
    reminderLeadMinutes: number;
    waitlistMaxDays: number;
  };
  /** A LibreTranslate-style machine translation service for article drafts; none by default. */
  machineTranslation: { url: string; apiKey: string | undefined } | undefined;
  /** The key that encrypts case-file documents (base64, 32 bytes); when absent, one is created in DATA_DIR/keys. */
  documentKey: Buffer | undefined;
  /** The largest document (after decoding) an upload may carry. */
  documentMaxBytes: number;
  /** How long break-glass access to a person's file lasts. */
  breakGlassMinutes: number;
  /** How often open event streams send a heartbeat comment (and re-check their session). */
  realtimeHeartbeatMs: number;
  /** Realtime events older than this are deleted; the audit journal is never. */
  realtimeRetentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once; a bad value becomes one line that names the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const oidcParts = [values.OIDC_ISSUER_URL, values.OIDC_CLIENT_ID, values.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration: OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: expected all three together for single sign-on',
    );
  }
  const dataDir = path.resolve(values.DATA_DIR);
  const publicUrl = (values.PUBLIC_URL ?? `http://${displayHost(values.HOST)}:${values.PORT}`).replace(/\/$/, '');
  return {
    port: values.PORT,
    host: values.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
    dataDir,
    // Sessions live in the database, so a random secret per process is safe: it only signs short-lived values.
    sessionSecret: values.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionHours: values.SESSION_HOURS,
    demo: values.DEMO ?? !values.DATABASE_URL,
    demoPassword: values.DEMO_PASSWORD,
    logLevel: values.LOG_LEVEL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    smsWebhookUrl: values.SMS_WEBHOOK_URL,
    smsWebhookToken: values.SMS_WEBHOOK_TOKEN,
    jobs: {
      enabled: values.JOBS_ENABLED,
      pollMs: Math.round(values.JOBS_POLL_SECONDS * 1000),
      concurrency: values.JOBS_CONCURRENCY,
      lockMs: Math.round(values.JOBS_LOCK_SECONDS * 1000),
    },
    trustProxy: values.TRUST_PROXY,
    loginMaxFailures: values.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: values.LOGIN_LOCKOUT_MINUTES,
    oidc:
      values.OIDC_ISSUER_URL && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET
        ? {
            issuerUrl: values.OIDC_ISSUER_URL,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            buttonLabel: values.OIDC_BUTTON_LABEL,
          }
        : undefined,
    hostLanguage: values.HOST_LANGUAGE,
    booking: {
      altchaHmacKey: values.ALTCHA_HMAC_KEY,
      altchaRequired: values.ALTCHA_REQUIRED,
      altchaMaxNumber: values.ALTCHA_MAX_NUMBER,
      rateLimitPer10Minutes: values.PUBLIC_BOOKING_RATE_LIMIT,
      reminderLeadMinutes: Math.round(values.APPOINTMENT_REMINDER_HOURS * 60),
      waitlistMaxDays: values.WAITLIST_MAX_DAYS,
    },
    machineTranslation: values.MT_URL ? { url: values.MT_URL.replace(/\/$/, ''), apiKey: values.MT_API_KEY } : undefined,
    documentKey: values.DOCUMENT_KEY ? Buffer.from(values.DOCUMENT_KEY, 'base64') : undefined,
    documentMaxBytes: Math.round(values.DOCUMENT_MAX_MB * 1024 * 1024),
    breakGlassMinutes: values.BREAK_GLASS_MINUTES,
    realtimeHeartbeatMs: Math.round(values.REALTIME_HEARTBEAT_SECONDS * 1000),
    realtimeRetentionDays: values.REALTIME_RETENTION_DAYS,
  };
}

/** A URL fit for the log: the password (and a token in the query) replaced. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = 'redacted';
    for (const name of [...parsed.searchParams.keys()]) parsed.searchParams.set(name, 'redacted');
    return parsed.toString();
  } catch {
    return '[redacted]';
  }
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}
