-- "You are next": a person may leave a phone number or an e-mail address (on the phone page of the
-- ticket, or at reception) to be told when their turn is near. It is contact data given for this one
-- purpose: the row records the consent and is erased when the centre's day closes.
CREATE TABLE ticket_alerts (
  visit_id uuid PRIMARY KEY REFERENCES visits(id),
  centre_id uuid NOT NULL REFERENCES centres(id),
  local_day date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- An e-mail address, or a phone number in international form (+351912345678).
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
  locale text NOT NULL CHECK (length(locale) BETWEEN 2 AND 16),
  -- The ticket's page (/t/:code) as an absolute URL, for the messages.
  link text NOT NULL CHECK (length(link) BETWEEN 1 AND 2000),
  consent_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('phone', 'reception')),
  created_by uuid REFERENCES staff(id)
);
-- The call path looks up the day's opt-ins of one centre.
CREATE INDEX ticket_alerts_centre_day_idx ON ticket_alerts (centre_id, local_day);

-- One message of each kind per ticket, whatever the number of instances calling at once: the key is
-- claimed in the transaction of the call that makes the message due. ticket_id has no foreign key on
-- purpose: checking it would lock the ticket row against the counter calling that very ticket at the
-- same moment, and two calls would deadlock. Rows live two days (queue.purge).
CREATE TABLE ticket_alert_sends (
  ticket_id uuid NOT NULL,
  template text NOT NULL CHECK (template IN ('queue.you_are_next', 'queue.your_turn')),
  -- Filled in right after the claim, in the same transaction, with the message requested.
  notification_id uuid REFERENCES notifications(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, template)
);

-- How near the turn is when "you are next" goes out: at most this many tickets ahead (per unit).
ALTER TABLE queue_policies ADD COLUMN notify_when_ahead integer NOT NULL DEFAULT 2 CHECK (notify_when_ahead BETWEEN 0 AND 20);
