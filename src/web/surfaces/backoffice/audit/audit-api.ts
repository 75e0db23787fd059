import { useInfiniteQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api.js';

/** The audit module's API as the auditor's screen uses it (GET /api/v1/audit/events, docs/audit.md). */

export interface AuditEvent {
  id: string;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  resourceType: string;
  resourceId: string | null;
  centre: { id: string; name: string | null } | null;
  unit: { id: string; name: string | null } | null;
  personalData: boolean;
  breakGlass: boolean;
  reason: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditEventPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

/** The filter as the server takes it; dates are already instants (see filterFromSearch). */
export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  centreId?: string;
  personalDataOnly?: boolean;
  breakGlassOnly?: boolean;
}

/** The filter fields as the form and the address bar hold them: days as YYYY-MM-DD in the viewer's time zone. */
export const FILTER_FIELDS = ['fromDay', 'toDay', 'actor', 'action', 'resourceType', 'resourceId', 'centreId', 'personalDataOnly', 'breakGlassOnly'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** Midnight at the start of a calendar day in the viewer's time zone, as an instant. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** Reads the filter from the page address, so a filtered view can be bookmarked and shared. */
export function filterFromSearch(search: URLSearchParams): AuditFilter {
  const text = (name: FilterField) => search.get(name)?.trim() || undefined;
  return {
    from: startOfDay(search.get('fromDay') ?? ''),
    // "To" names the last day wanted: events before the next midnight.
    to: startOfDay(search.get('toDay') ?? '', 1),
    actor: text('actor'),
    action: text('action'),
    resourceType: text('resourceType'),
    resourceId: text('resourceId'),
    centreId: text('centreId'),
    personalDataOnly: search.get('personalDataOnly') === 'true' || undefined,
    breakGlassOnly: search.get('breakGlassOnly') === 'true' || undefined,
  };
}

export function auditCsvUrl(filter: AuditFilter): string {
  return `/api/v1/audit/events.csv${queryString({ ...filter })}`;
}

export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', filter],
    queryFn: ({ pageParam }) => api.get<AuditEventPage>(`/api/v1/audit/events${queryString({ ...filter, cursor: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
