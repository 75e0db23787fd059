/** Shapes of /api/v1/directory/partners (docs/directory.md, "Partners kept by hand"). */
export const PARTNER_TYPES = ['association', 'ngo', 'municipal'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const SERVICE_STATUSES = ['active', 'temporarily closed', 'inactive', 'defunct'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export interface PartnerPhone {
  number: string;
  type: string;
}

export interface PartnerSchedule {
  days: Weekday[];
  opensAt: string;
  closesAt: string;
}

export interface PartnerLocation {
  id?: string;
  name: string | null;
  address1: string;
  address2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phones: PartnerPhone[];
  schedules: PartnerSchedule[];
}

export interface PartnerService {
  id?: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  applicationProcess: string | null;
  feesDescription: string | null;
  languages: string[];
  phones: PartnerPhone[];
  schedules: PartnerSchedule[];
  requiredDocuments: string[];
  /** Positions in the partner's locations. */
  locations: number[];
}

export interface PartnerInput {
  name: string;
  alternateName: string | null;
  description: string;
  partnerType: PartnerType;
  email: string | null;
  website: string | null;
  locations: PartnerLocation[];
  services: PartnerService[];
}

export interface PartnerView extends Omit<PartnerInput, 'partnerType'> {
  id: string;
  partnerType: PartnerType | null;
  origin: 'network' | 'manual' | 'import';
  lastModified: string;
}

export interface PartnerSummary {
  id: string;
  name: string;
  partnerType: PartnerType | null;
  origin: 'network' | 'manual' | 'import';
  services: number;
  lastModified: string;
}
