-- Messages to people (e-mail, SMS): every message is first a row here, written in the same
-- transaction as the change it tells about (a booking, a call in the queue), then delivered by a
-- durable job through the configured provider. Without a provider the row stays readable by staff in
-- the development outbox. Bodies are rendered at delivery, in the person's language.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  locale text NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
  -- Template id, e.g. 'queue.you_are_next'; its texts are in locales/<lang>/notify-*.json.
  template text NOT NULL CHECK (length(template) BETWEEN 1 AND 120),
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Files sent with an e-mail, e.g. a calendar file: [{ filename, contentType, content }] (text content).
  attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Where it was sent from in the product, for staff: 'appointment', 'ticket', …, and that record's id.
  subject_type text,
  subject_id uuid,
  centre_id uuid REFERENCES centres(id),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'held', 'failed', 'cancelled')),
  rendered_subject text,
  rendered_body text,
  provider text,
  provider_message_id text,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX notifications_recent_idx ON notifications (created_at DESC);
CREATE INDEX notifications_subject_idx ON notifications (subject_type, subject_id);
CREATE INDEX notifications_recipient_idx ON notifications (recipient, created_at DESC);
