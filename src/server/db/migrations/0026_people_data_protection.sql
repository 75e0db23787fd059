-- Data protection of the people registry (docs/people.md, "Retention and anonymisation"):
-- retention rules per unit and document type, the mark of an anonymised person, and the link from
-- an appointment to the registered person it was booked for.

-- How long a person's data is kept after their last activity. A rule with neither unit nor document
-- type is the network default; a unit's rule applies to people that unit served (the longest
-- applicable rule wins, so a unit bound to keep files longer is never overruled); a rule with a
-- document type governs identity documents of that type (deleted earlier or later than the person).
CREATE TABLE retention_rules (
  id uuid PRIMARY KEY,
  unit_id uuid REFERENCES units(id),
  document_type text CHECK (document_type IS NULL OR document_type IN ('passport', 'national_id', 'residence_permit', 'travel_document', 'birth_certificate', 'other')),
  retain_years integer NOT NULL CHECK (retain_years BETWEEN 1 AND 100),
  note text NOT NULL DEFAULT '',
  updated_by uuid REFERENCES staff(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One rule per (unit, document type), the absent ones counting as a value of their own.
CREATE UNIQUE INDEX retention_rules_scope_idx ON retention_rules (
  coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(document_type, '')
);

-- Set once by the anonymisation task; an anonymised person keeps only what statistics need.
ALTER TABLE people ADD COLUMN anonymised_at timestamptz;
CREATE INDEX people_not_anonymised_idx ON people (created_at) WHERE anonymised_at IS NULL;

-- Staff booking on behalf of a registered person records who it is for; checked-in appointments
-- are also linked through their visit.
ALTER TABLE appointments ADD COLUMN IF NOT EXISTS person_id uuid REFERENCES people(id);
CREATE INDEX IF NOT EXISTS appointments_person_idx ON appointments (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX visits_person_idx ON visits (person_id) WHERE person_id IS NOT NULL;

-- Anonymisation keeps the year and quarter of birth: a date reduced to the first day of its quarter.
ALTER TABLE people DROP CONSTRAINT people_birth_precision_check;
ALTER TABLE people ADD CONSTRAINT people_birth_precision_check CHECK (birth_precision IN ('year', 'quarter', 'month', 'day'));
