import type { ColumnType } from 'kysely';
import type { DefaultedTimestamp, Json, Timestamp } from './columns.js';

export type NotificationChannel = 'email' | 'sms';
export type NotificationStatus = 'queued' | 'sent' | 'held' | 'failed' | 'cancelled';
export interface NotificationAttachment {
  filename: string;
  contentType: string;
  content: string;
}
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** E-mail and SMS to people, delivered by a durable job (migration 0011, src/server/notifications). */
export interface NotificationsTable {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  locale: string;
  template: string;
  params: Json<Record<string, string | number>>;
  attachments: ColumnType<NotificationAttachment[], string | undefined, string>;
  subject_type: string | null;
  subject_id: string | null;
  centre_id: string | null;
  status: Defaulted<NotificationStatus>;
  rendered_subject: string | null;
  rendered_body: string | null;
  provider: string | null;
  provider_message_id: string | null;
  attempts: Defaulted<number>;
  last_error: string | null;
  created_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
  /** Migration 0015: the language of the text used, and the last change of status. */
  rendered_locale: string | null;
  updated_at: DefaultedTimestamp;
}
