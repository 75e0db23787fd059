import nodemailer, { type Transporter } from 'nodemailer';
import { redactUrl, type Config } from '../config.js';
import type { NotificationAttachment, NotificationChannel } from '../db/types.js';

/** One message ready to leave: rendered text, the recipient, files for an e-mail. */
export interface OutgoingMessage {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  attachments: NotificationAttachment[];
}

/**
 * What was done with a message: `sent` by a real provider, or `held` in the development outbox
 * (no provider configured for the channel), where staff read it.
 */
export interface DeliveryResult {
  status: 'sent' | 'held';
  provider: string;
  providerMessageId: string | null;
}

export interface DeliveryProvider {
  /** Short name stored with the message: 'smtp', 'sms-webhook', 'outbox'. */
  name: string;
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

/** A provider answered with an error; the delivery job tries again later. */
export class ProviderError extends Error {
  override name = 'ProviderError';
}

/** E-mail through an SMTP server (SMTP_URL, MAIL_FROM), attachments included. */
export class SmtpProvider implements DeliveryProvider {
  readonly name = 'smtp';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: message.recipient,
        subject: message.subject ?? '',
        text: message.body,
        attachments: message.attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })),
        // One message id per notification, so a mail server can drop a repeat after a retry.
        messageId: `<${message.id}@oneroof>`,
      })) as { messageId?: string };
      return { status: 'sent', provider: this.name, providerMessageId: info.messageId ?? null };
    } catch (error) {
      throw new ProviderError(`SMTP: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * SMS through a generic HTTP gateway (SMS_WEBHOOK_URL): a JSON POST `{ id, to, text }` with an
 * optional bearer token (SMS_WEBHOOK_TOKEN). A 2xx answer is a send; its JSON `id` (or `messageId`)
 * is kept as the provider's reference.
 */
export class SmsWebhookProvider implements DeliveryProvider {
  readonly name = 'sms-webhook';

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 15_000,
  ) {}

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.id };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: message.id, to: message.recipient, text: message.body }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ProviderError(`SMS gateway unreachable: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new ProviderError(`SMS gateway answered ${response.status}: ${text.slice(0, 200)}`);
    let reference: string | null = null;
    try {
      const json = JSON.parse(text) as { id?: unknown; messageId?: unknown };
      const value = json.id ?? json.messageId;
      if (typeof value === 'string' || typeof value === 'number') reference = String(value);
    } catch {
      reference = null;
    }
    return { status: 'sent', provider: this.name, providerMessageId: reference };
  }
}

/** No provider for the channel: the message stays in the outbox, readable by staff (development, demos). */
export class OutboxProvider implements DeliveryProvider {
  readonly name = 'outbox';

  send(): Promise<DeliveryResult> {
    return Promise.resolve({ status: 'held', provider: this.name, providerMessageId: null });
  }
}

const smtpProviders = new Map<string, SmtpProvider>();

/** The provider for a channel under this configuration; SMTP connections are reused per process. */
export function providerFor(channel: NotificationChannel, config: Config): DeliveryProvider {
  if (channel === 'email' && config.smtpUrl) {
    const key = `${config.smtpUrl}\u0000${config.mailFrom}`;
    let provider = smtpProviders.get(key);
    if (!provider) {
      provider = new SmtpProvider(config.smtpUrl, config.mailFrom);
      smtpProviders.set(key, provider);
    }
    return provider;
  }
  if (channel === 'sms' && config.smsWebhookUrl) return new SmsWebhookProvider(config.smsWebhookUrl, config.smsWebhookToken);
  return new OutboxProvider();
}

/** Where messages go, for the start-up log: addresses with their passwords and tokens redacted. */
export function describeDelivery(config: Config): { email: string; sms: string } {
  return {
    email: config.smtpUrl ? `smtp ${redactUrl(config.smtpUrl)} from ${config.mailFrom}` : 'outbox (no SMTP_URL)',
    sms: config.smsWebhookUrl ? `webhook ${redactUrl(config.smsWebhookUrl)}${config.smsWebhookToken ? ' with a bearer token' : ''}` : 'outbox (no SMS_WEBHOOK_URL)',
  };
}
