import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, queryString } from '../../../app/api.js';

/** The network module's API as the screens use it (shapes of /api/v1 network routes). */

export type CentreKind = 'national' | 'branch' | 'local';
export type UnitKind = 'agency_branch' | 'support_office' | 'complementary_service';
export type ExceptionKind = 'holiday' | 'closed' | 'special_hours';
export type Localised = Record<string, string>;

export interface Network {
  id: string;
  name: string;
  hostLanguage: string;
}

export interface Centre {
  id: string;
  networkId: string;
  code: string;
  name: string;
  kind: CentreKind;
  timeZone: string;
  address: { street: string; postalCode: string; city: string; country: string };
  phone: string | null;
  email: string | null;
  announcementLanguages: string[];
  archivedAt: string | null;
}

export interface OpeningInterval {
  weekday: number;
  opens: string;
  closes: string;
}

export interface CalendarException {
  id: string;
  date: string;
  kind: ExceptionKind;
  opens: string | null;
  closes: string | null;
  label: string;
}

export interface CentreDetail extends Centre {
  openingHours: OpeningInterval[];
  calendarExceptions: CalendarException[];
}

export interface Unit {
  id: string;
  centreId: string;
  code: string;
  name: string;
  kind: UnitKind;
  organisation: string;
  location: string;
  archivedAt: string | null;
}

export interface Service {
  id: string;
  unitId: string;
  centreId: string;
  code: string;
  names: Localised;
  typicalMinutes: number;
  ticketPrefix: string;
  requiredDocuments: { names: Localised }[];
  languages: string[];
  archivedAt: string | null;
}

export interface Counter {
  id: string;
  unitId: string;
  centreId: string;
  label: string;
  location: string;
  serviceIds: string[];
  /** Planned breaks every opening day, 'HH:MM' in the centre's time. */
  breaks: CounterBreak[];
  archivedAt: string | null;
}

export interface CounterBreak {
  starts: string;
  ends: string;
}

const archived = (includeArchived: boolean) => queryString({ includeArchived: includeArchived || undefined });

export const networkKeys = {
  all: ['network'] as const,
  network: () => ['network', 'info'] as const,
  centres: (includeArchived: boolean) => ['network', 'centres', includeArchived] as const,
  centre: (id: string) => ['network', 'centre', id] as const,
  units: (centreId: string, includeArchived: boolean) => ['network', 'units', centreId, includeArchived] as const,
  unit: (id: string) => ['network', 'unit', id] as const,
  services: (unitId: string, includeArchived: boolean) => ['network', 'services', unitId, includeArchived] as const,
  centreServices: (centreId: string) => ['network', 'centre-services', centreId] as const,
  counters: (unitId: string, includeArchived: boolean) => ['network', 'counters', unitId, includeArchived] as const,
};

export const useNetwork = () => useQuery({ queryKey: networkKeys.network(), queryFn: () => api.get<Network>('/api/v1/network'), staleTime: 5 * 60_000 });

export const useCentres = (includeArchived: boolean) =>
  useQuery({ queryKey: networkKeys.centres(includeArchived), queryFn: () => api.get<Centre[]>(`/api/v1/centres${archived(includeArchived)}`) });

export const useCentre = (id: string) => useQuery({ queryKey: networkKeys.centre(id), queryFn: () => api.get<CentreDetail>(`/api/v1/centres/${id}`) });

export const useUnits = (centreId: string, includeArchived: boolean) =>
  useQuery({ queryKey: networkKeys.units(centreId, includeArchived), queryFn: () => api.get<Unit[]>(`/api/v1/centres/${centreId}/units${archived(includeArchived)}`) });

export const useUnit = (id: string) => useQuery({ queryKey: networkKeys.unit(id), queryFn: () => api.get<Unit>(`/api/v1/units/${id}`) });

export const useServices = (unitId: string, includeArchived: boolean) =>
  useQuery({ queryKey: networkKeys.services(unitId, includeArchived), queryFn: () => api.get<Service[]>(`/api/v1/units/${unitId}/services${archived(includeArchived)}`) });

export const useCentreServices = (centreId: string | undefined) =>
  useQuery({
    queryKey: networkKeys.centreServices(centreId ?? ''),
    queryFn: () => api.get<Service[]>(`/api/v1/centres/${centreId}/services`),
    enabled: Boolean(centreId),
  });

export const useCounters = (unitId: string, includeArchived: boolean) =>
  useQuery({ queryKey: networkKeys.counters(unitId, includeArchived), queryFn: () => api.get<Counter[]>(`/api/v1/units/${unitId}/counters${archived(includeArchived)}`) });

/** After any change, everything the network screens show is fetched again (the model is small). */
export function useRefreshNetwork(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: networkKeys.all }), [client]);
}
