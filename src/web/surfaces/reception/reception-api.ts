import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../app/api.js';
import type { Centre, Service, Unit } from '../backoffice/network/network-api.js';
import { queueKeys, type Visit } from '../queue/queue-api.js';

/** People registry shapes reception needs (docs/people.md). */
export interface Person {
  id: string;
  givenNames: string;
  familyNames: string;
  nativeGivenNames: string;
  nativeFamilyNames: string;
  birthDate: string | null;
  preferredLanguage: string | null;
  latinName: string;
  contacts: { kind: 'phone' | 'email'; value: string }[];
  documents: { type: string; number: string }[];
}

export interface DuplicateCandidate {
  person: Person;
  score: number;
  reasons: { code: string; text: string; weight: number }[];
}

export interface RegisterResult {
  person: Person | null;
  duplicates: DuplicateCandidate[];
}

/** The person a visit is for: someone registered, or nobody (served anonymously). */
export type VisitPerson = { kind: 'person'; person: Person } | { kind: 'anonymous' };

export function personName(person: Person): string {
  const latin = [person.givenNames, person.familyNames].filter(Boolean).join(' ');
  const native = [person.nativeGivenNames, person.nativeFamilyNames].filter(Boolean).join(' ');
  return latin && native ? `${latin} (${native})` : latin || native;
}

export const usePeopleSearch = (q: string) =>
  useQuery({
    queryKey: ['people', 'search', q],
    queryFn: () => api.get<{ items: { person: Person; matchedBy: string[] }[] }>(`/api/v1/people${queryString({ q, limit: 10 })}`),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

export const useCentreServices = (centreId: string) =>
  useQuery({ queryKey: ['network', 'centre-services', centreId], queryFn: () => api.get<Service[]>(`/api/v1/centres/${centreId}/services`) });

export const useCentreUnits = (centreId: string) =>
  useQuery({ queryKey: ['network', 'units', centreId, false], queryFn: () => api.get<Unit[]>(`/api/v1/centres/${centreId}/units`) });

export const useStaffCentres = () => useQuery({ queryKey: ['network', 'centres', false], queryFn: () => api.get<Centre[]>('/api/v1/centres') });

export const useTodayVisits = (centreId: string) =>
  useQuery({ queryKey: queueKeys.visits(centreId), queryFn: () => api.get<{ day: string; items: Visit[] }>(`/api/v1/centres/${centreId}/queue/visits?origin=reception`) });

/** Today's date and time at the centre, for its opening hours. */
export function centreNow(timeZone: string, now = new Date()): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now).map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export interface OpeningDay {
  date: string;
  open: boolean;
  intervals: { opens: string; closes: string }[];
}

export const useOpenNow = (centre: Centre) => {
  const today = centreNow(centre.timeZone).date;
  return useQuery({
    queryKey: ['network', 'opening', centre.id, today],
    queryFn: async () => {
      const calendar = await api.get<{ days: OpeningDay[] }>(`/api/v1/centres/${centre.id}/opening${queryString({ from: today, to: today })}`);
      const day = calendar.days[0];
      const time = centreNow(centre.timeZone).time;
      return { open: Boolean(day?.open && day.intervals.some((interval) => interval.opens <= time && time < interval.closes)), intervals: day?.intervals ?? [] };
    },
    staleTime: 60_000,
  });
};
