import type { ColumnType } from 'kysely';

/** Read as an ISO string (the export compares text), written as string or Date. */
type Modified = ColumnType<Date, Date | string | undefined, Date | string>;
type Origin = 'network' | 'manual' | 'import';

export interface DirectoryOrganizationTable {
  id: string;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  email: string | null;
  website: string | null;
  legal_status: string | null;
  year_incorporated: number | null;
  kind: ColumnType<'under_roof' | 'partner', 'under_roof' | 'partner' | undefined>;
  origin: ColumnType<Origin, Origin | undefined>;
  last_modified: Modified;
}

export interface DirectoryServiceTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: ColumnType<string, string | undefined, string>;
  url: string | null;
  email: string | null;
  status: ColumnType<string, string | undefined>;
  application_process: string | null;
  fees_description: string | null;
  origin: ColumnType<Origin, Origin | undefined>;
  last_modified: Modified;
}

export interface DirectoryLocationTable {
  id: string;
  organization_id: string | null;
  location_type: ColumnType<string, string | undefined>;
  url: string | null;
  name: string | null;
  description: string | null;
  latitude: ColumnType<string | null, number | string | null, number | string | null>;
  longitude: ColumnType<string | null, number | string | null, number | string | null>;
  origin: ColumnType<Origin, Origin | undefined>;
  last_modified: Modified;
}

export interface DirectoryServiceAtLocationTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
  last_modified: Modified;
}

export interface DirectoryAddressTable {
  id: string;
  location_id: string;
  attention: string | null;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: ColumnType<string, string | undefined>;
  postal_code: ColumnType<string, string | undefined>;
  country: string;
  address_type: ColumnType<string, string | undefined>;
  last_modified: Modified;
}

export interface DirectoryPhoneTable {
  id: string;
  location_id: string | null;
  service_id: string | null;
  organization_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
  last_modified: Modified;
}

export interface DirectoryScheduleTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  service_at_location_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  freq: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
  last_modified: Modified;
}

export interface DirectoryLanguageTable {
  id: string;
  service_id: string | null;
  location_id: string | null;
  phone_id: string | null;
  name: string | null;
  code: string;
  note: string | null;
  last_modified: Modified;
}

export interface DirectoryRequiredDocumentTable {
  id: string;
  service_id: string;
  document: string;
  uri: string | null;
  last_modified: Modified;
}

export interface DirectoryTaxonomyTermTable {
  id: string;
  code: string | null;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  parent_id: string | null;
  taxonomy: string | null;
  language: string | null;
  last_modified: Modified;
}

export interface DirectoryAttributeTable {
  id: string;
  link_id: string;
  link_type: string | null;
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
  last_modified: Modified;
}
