-- Procedures (cases): a person's procedure with one unit for one service, moving through the states
-- of the service's workflow. A unit administrator defines the workflow; a new definition is a new
-- version and running procedures keep the version they started with.
CREATE TABLE casefile_workflows (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES services(id),
  version integer NOT NULL CHECK (version > 0),
  -- [{ key, labels: { pt, en, ar, … }, final }] : labels are what the person sees.
  states jsonb NOT NULL,
  -- [{ from, to }]
  transitions jsonb NOT NULL,
  initial_state text NOT NULL,
  created_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, version)
);

CREATE TABLE casefile_procedures (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  service_id uuid NOT NULL REFERENCES services(id),
  workflow_id uuid NOT NULL REFERENCES casefile_workflows(id),
  state text NOT NULL,
  is_final boolean NOT NULL DEFAULT false,
  opened_by uuid REFERENCES staff(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX casefile_procedures_person ON casefile_procedures (person_id, unit_id);

CREATE TABLE casefile_procedure_transitions (
  id uuid PRIMARY KEY,
  procedure_id uuid NOT NULL REFERENCES casefile_procedures(id),
  from_state text,
  to_state text NOT NULL,
  note text NOT NULL DEFAULT '',
  by_staff uuid REFERENCES staff(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX casefile_procedure_transitions_procedure ON casefile_procedure_transitions (procedure_id, at);
