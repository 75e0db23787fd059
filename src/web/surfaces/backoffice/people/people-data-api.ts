import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api.js';

/** Timeline and access report of a person (docs/people.md, "Timeline" and "Who accessed my file"). */

export type TimelineKind =
  | 'visit.started'
  | 'ticket.issued'
  | 'ticket.called'
  | 'ticket.served'
  | 'ticket.transferred'
  | 'ticket.no_show'
  | 'ticket.cancelled'
  | 'appointment.booked'
  | 'appointment.moved'
  | 'appointment.cancelled'
  | 'appointment.checked_in'
  | 'appointment.no_show';

export interface TimelineEntry {
  id: string;
  at: string;
  kind: TimelineKind;
  centre: { id: string; name: string; timeZone: string };
  unit: { id: string; name: string } | null;
  service: { id: string; names: Record<string, string> } | null;
  ticketNumber: string | null;
  appointmentReference: string | null;
  counter: string | null;
  outcome: string | null;
  details: { startsAt?: string; from?: string; to?: string; origin?: string; language?: string };
}

export interface TimelinePage {
  items: TimelineEntry[];
  nextCursor: string | null;
}

export function usePersonTimeline(personId: string) {
  return useInfiniteQuery({
    queryKey: ['people', personId, 'timeline'],
    queryFn: ({ pageParam }) => api.get<TimelinePage>(`/api/v1/people/${personId}/timeline${queryString({ cursor: pageParam, limit: 30 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface AccessReportEntry {
  at: string;
  action: string;
  kind: 'read' | 'change' | 'other';
  staff: { id: string | null; name: string; roles: string[] };
  centre: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
  breakGlass: boolean;
  reason: string | null;
}

export interface AccessReport {
  person: { id: string; displayName: string; homeCentre: { id: string; name: string } };
  generatedAt: string;
  from: string | null;
  to: string | null;
  items: AccessReportEntry[];
  truncated: boolean;
}

export function useAccessReport(personId: string) {
  return useQuery({ queryKey: ['people', personId, 'access-report'], queryFn: () => api.get<AccessReport>(`/api/v1/people/${personId}/access-report`), staleTime: Infinity });
}

export const accessReportCsvUrl = (personId: string) => `/api/v1/people/${personId}/access-report.csv`;
export const subjectExportUrl = (personId: string) => `/api/v1/people/${personId}/export.zip`;
