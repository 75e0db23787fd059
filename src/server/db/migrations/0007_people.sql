-- The people registry: one record per person served, with names in their own script and in Latin
-- letters, partial dates of birth, documents and contacts, and the keys that duplicate detection
-- and search use (see docs/people.md). Keys are computed by the server (people.keys.ts) so the same
-- transliteration runs on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE people (
  id uuid PRIMARY KEY,
  -- The centre whose staff share this person's core identity (DESIGN §5).
  home_centre_id uuid NOT NULL REFERENCES centres(id),
  -- Names in Latin letters, as the person's documents or the person spell them.
  given_names text NOT NULL DEFAULT '',
  family_names text NOT NULL DEFAULT '',
  other_names text NOT NULL DEFAULT '',
  -- Names as written in the person's own script, and that script (ISO 15924: Arab, Cyrl, Deva, Beng, Hans…).
  native_given_names text NOT NULL DEFAULT '',
  native_family_names text NOT NULL DEFAULT '',
  native_script text CHECK (native_script IS NULL OR native_script ~ '^[A-Z][a-z]{3}$'),
  -- A partial date is stored on its first day with its precision: 1990 is 1990-01-01 'year'.
  birth_date date,
  birth_precision text CHECK (birth_precision IN ('year', 'month', 'day')),
  CHECK ((birth_date IS NULL) = (birth_precision IS NULL)),
  sex text NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  nationalities text[] NOT NULL DEFAULT '{}',
  preferred_language text,
  languages text[] NOT NULL DEFAULT '{}',
  needs_notes text NOT NULL DEFAULT '',
  address jsonb,
  -- Search keys, rewritten on every change of a name: every name transliterated to plain Latin
  -- (trigram-indexed for fragments), and per name token a consonant skeleton and a Double Metaphone key.
  name_key text NOT NULL DEFAULT '',
  skeleton_keys text[] NOT NULL DEFAULT '{}',
  phonetic_keys text[] NOT NULL DEFAULT '{}',
  -- Set when this record was merged into another; an undo clears it (person_merges keeps the history).
  merged_into uuid REFERENCES people(id),
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX people_home_centre_idx ON people (home_centre_id) WHERE merged_into IS NULL;
CREATE INDEX people_name_key_trgm_idx ON people USING gin (name_key gin_trgm_ops);
CREATE INDEX people_skeleton_keys_idx ON people USING gin (skeleton_keys);
CREATE INDEX people_phonetic_keys_idx ON people USING gin (phonetic_keys);
CREATE INDEX people_merged_into_idx ON people (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE person_documents (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  type text NOT NULL CHECK (type IN ('passport', 'national_id', 'residence_permit', 'travel_document', 'birth_certificate', 'other')),
  -- As written on the document, and the key compared: upper-case letters and digits only.
  number text NOT NULL,
  number_key text NOT NULL CHECK (number_key ~ '^[A-Z0-9]+$'),
  issuing_country text CHECK (issuing_country IS NULL OR issuing_country ~ '^[A-Z]{2}$'),
  expires_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_documents_person_idx ON person_documents (person_id);
CREATE INDEX person_documents_number_key_idx ON person_documents (number_key);

CREATE TABLE person_contacts (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('phone', 'email')),
  value text NOT NULL,
  -- Phones in E.164 where the number allows it, e-mails lower-cased.
  value_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_contacts_person_idx ON person_contacts (person_id);
CREATE INDEX person_contacts_value_key_idx ON person_contacts (kind, value_key);

-- Merges: the merged record points to the survivor; its documents and contacts stay its own rows,
-- so an undo is a single update and nothing has to be guessed back apart.
CREATE TABLE person_merges (
  id uuid PRIMARY KEY,
  survivor_id uuid NOT NULL REFERENCES people(id),
  merged_id uuid NOT NULL REFERENCES people(id),
  reason text NOT NULL DEFAULT '',
  merged_by uuid REFERENCES staff(id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid REFERENCES staff(id),
  undone_at timestamptz,
  CHECK (survivor_id <> merged_id)
);
CREATE INDEX person_merges_survivor_idx ON person_merges (survivor_id);
CREATE INDEX person_merges_merged_idx ON person_merges (merged_id);
-- A record is merged at most once at a time.
CREATE UNIQUE INDEX person_merges_open_idx ON person_merges (merged_id) WHERE undone_at IS NULL;
