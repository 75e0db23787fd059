-- The service directory (docs/directory.md), modelled on Open Referral HSDS v3: table and column
-- names follow HSDS so that export and import map one to one. `origin` tells rows generated from
-- the network model (units under the roof) from rows kept by hand or imported (outside partners).
-- Every table keeps `last_modified` for the public API's `modified_after`.

CREATE TABLE directory_organization (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL DEFAULT '',
  email text,
  website text,
  legal_status text,
  year_incorporated integer,
  -- under_roof: a unit of a centre; partner: an association, NGO or municipal service outside.
  kind text NOT NULL DEFAULT 'partner' CHECK (kind IN ('under_roof', 'partner')),
  origin text NOT NULL DEFAULT 'manual' CHECK (origin IN ('network', 'manual', 'import')),
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_service (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES directory_organization(id),
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL DEFAULT '',
  url text,
  email text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  application_process text,
  fees_description text,
  origin text NOT NULL DEFAULT 'manual' CHECK (origin IN ('network', 'manual', 'import')),
  last_modified timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_service_organization_idx ON directory_service (organization_id);
CREATE INDEX directory_service_modified_idx ON directory_service (last_modified, id);

CREATE TABLE directory_location (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES directory_organization(id),
  location_type text NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
  url text,
  name text,
  description text,
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  origin text NOT NULL DEFAULT 'manual' CHECK (origin IN ('network', 'manual', 'import')),
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_service_at_location (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES directory_service(id),
  location_id uuid NOT NULL REFERENCES directory_location(id),
  description text,
  last_modified timestamptz NOT NULL DEFAULT now(),
  UNIQUE (service_id, location_id)
);

CREATE TABLE directory_address (
  id uuid PRIMARY KEY,
  location_id uuid NOT NULL REFERENCES directory_location(id),
  attention text,
  address_1 text NOT NULL,
  address_2 text,
  city text NOT NULL,
  region text,
  state_province text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '',
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  address_type text NOT NULL DEFAULT 'physical' CHECK (address_type IN ('physical', 'postal', 'virtual')),
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_phone (
  id uuid PRIMARY KEY,
  location_id uuid REFERENCES directory_location(id),
  service_id uuid REFERENCES directory_service(id),
  organization_id uuid REFERENCES directory_organization(id),
  number text NOT NULL,
  extension text,
  type text CHECK (type IN ('text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone')),
  description text,
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_schedule (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES directory_service(id),
  location_id uuid REFERENCES directory_location(id),
  service_at_location_id uuid REFERENCES directory_service_at_location(id),
  valid_from date,
  valid_to date,
  freq text CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  -- iCalendar weekdays, comma-separated: MO,TU,WE.
  byday text,
  opens_at time,
  closes_at time,
  description text,
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_language (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES directory_service(id),
  location_id uuid REFERENCES directory_location(id),
  phone_id uuid REFERENCES directory_phone(id),
  name text,
  code text NOT NULL,
  note text,
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_required_document (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES directory_service(id),
  document text NOT NULL,
  uri text,
  last_modified timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_taxonomy_term (
  id uuid PRIMARY KEY,
  code text,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  parent_id uuid REFERENCES directory_taxonomy_term(id),
  taxonomy text,
  language text,
  last_modified timestamptz NOT NULL DEFAULT now()
);

-- HSDS v3 links taxonomy terms to records through attributes.
CREATE TABLE directory_attribute (
  id uuid PRIMARY KEY,
  link_id uuid NOT NULL,
  link_type text,
  link_entity text NOT NULL CHECK (link_entity IN ('organization', 'service', 'location')),
  taxonomy_term_id uuid NOT NULL REFERENCES directory_taxonomy_term(id),
  value text,
  last_modified timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_attribute_link_idx ON directory_attribute (link_id);
