-- The case file (docs/casefile.md): sections of a person's file owned by units (notes, structured
-- forms, the purpose of a visit recorded at reception), the consents that share them, referrals
-- that open them to another unit, and break-glass access. Who may see a section is decided in SQL by
-- casefile.access.ts from these tables alone.

-- A unit's form for one of its services; a new version is a new row, answers keep the version they
-- were written with.
CREATE TABLE casefile_forms (
  id uuid PRIMARY KEY,
  unit_id uuid NOT NULL REFERENCES units(id),
  service_id uuid NOT NULL REFERENCES services(id),
  version integer NOT NULL CHECK (version > 0),
  -- Title per language ({ "pt": "…", "en": "…" }).
  title jsonb NOT NULL,
  -- [{ key, label: {pt,…}, type: text|number|date|choice|yes_no, required, options? }]
  fields jsonb NOT NULL,
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, version)
);
CREATE INDEX casefile_forms_unit ON casefile_forms (unit_id, service_id, version DESC);

-- One entry of a unit's section: a note, a filled form, or a purpose of visit.
CREATE TABLE casefile_entries (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  -- The unit that owns the section this entry belongs to.
  unit_id uuid NOT NULL REFERENCES units(id),
  section text NOT NULL CHECK (section IN ('notes', 'forms', 'purposes')),
  service_id uuid REFERENCES services(id),
  form_id uuid REFERENCES casefile_forms(id),
  body text NOT NULL DEFAULT '',
  answers jsonb,
  CHECK ((section = 'forms') = (form_id IS NOT NULL AND answers IS NOT NULL)),
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES staff(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX casefile_entries_person ON casefile_entries (person_id, unit_id, section, created_at);

-- The person's agreement to one purpose. Sharing follows a consent only while it is given, not
-- expired and not withdrawn: evaluated at every read, so an expiry needs no job.
CREATE TABLE casefile_consents (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  purpose text NOT NULL CHECK (purpose IN ('share_with_unit', 'share_with_partner', 'contact_sms', 'contact_email')),
  -- Sharing purposes name whose section is shared (the unit that recorded the consent) and with whom.
  source_unit_id uuid REFERENCES units(id),
  target_unit_id uuid REFERENCES units(id),
  partner_name text,
  CHECK (purpose <> 'share_with_unit' OR (source_unit_id IS NOT NULL AND target_unit_id IS NOT NULL AND source_unit_id <> target_unit_id)),
  CHECK (purpose <> 'share_with_partner' OR (source_unit_id IS NOT NULL AND partner_name IS NOT NULL)),
  given_how text NOT NULL CHECK (given_how IN ('in_person_signed', 'verbal_witnessed', 'online')),
  witness_name text,
  CHECK (given_how <> 'verbal_witnessed' OR coalesce(witness_name, '') <> ''),
  given_at timestamptz NOT NULL,
  expires_at timestamptz,
  CHECK (expires_at IS NULL OR expires_at > given_at),
  recorded_by uuid REFERENCES staff(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES staff(id),
  withdrawal_note text
);
CREATE INDEX casefile_consents_person ON casefile_consents (person_id, purpose);

-- A unit asks another unit (or a partner association, outside the system) to act for a person.
CREATE TABLE casefile_referrals (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  from_unit_id uuid NOT NULL REFERENCES units(id),
  to_unit_id uuid REFERENCES units(id),
  partner_name text,
  CHECK ((to_unit_id IS NULL) <> (partner_name IS NULL)),
  CHECK (to_unit_id IS NULL OR to_unit_id <> from_unit_id),
  -- The sending unit's sections this referral opens to the receiving unit while accepted.
  shared_sections text[] NOT NULL DEFAULT '{}',
  message text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'rejected', 'done', 'revoked')),
  sent_by uuid REFERENCES staff(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  answered_by uuid REFERENCES staff(id),
  answered_at timestamptz,
  answer_note text,
  closed_by uuid REFERENCES staff(id),
  closed_at timestamptz,
  close_note text
);
CREATE INDEX casefile_referrals_incoming ON casefile_referrals (to_unit_id, status, sent_at);
CREATE INDEX casefile_referrals_person ON casefile_referrals (person_id, from_unit_id, status);

-- A staff member opening a person's sections without need-to-know, with a reason, for a while.
CREATE TABLE casefile_break_glass (
  id uuid PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff(id),
  person_id uuid NOT NULL REFERENCES people(id),
  reason text NOT NULL CHECK (length(btrim(reason)) >= 20),
  opened_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > opened_at)
);
CREATE INDEX casefile_break_glass_staff ON casefile_break_glass (staff_id, person_id, expires_at);
