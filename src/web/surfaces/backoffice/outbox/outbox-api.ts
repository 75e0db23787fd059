import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../app/api.js';

/** The outbox API as the staff screen uses it (GET /api/v1/notifications, docs/notifications.md). */

export type NotificationStatus = 'queued' | 'sent' | 'held' | 'failed' | 'cancelled';
export const STATUSES: NotificationStatus[] = ['queued', 'sent', 'held', 'failed', 'cancelled'];
export type NotificationChannel = 'email' | 'sms';

export interface NotificationSummary {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  locale: string;
  template: string;
  status: NotificationStatus;
  centre: { id: string; name: string } | null;
  about: { type: string; id: string | null } | null;
  renderedSubject: string | null;
  provider: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface NotificationDetail extends NotificationSummary {
  renderedBody: string | null;
  renderedLocale: string | null;
  providerMessageId: string | null;
  params: Record<string, string | number>;
  attachments: { index: number; filename: string; contentType: string; size: number }[];
}

export interface OutboxFilter {
  recipient?: string;
  centreId?: string;
  template?: string;
  status?: NotificationStatus;
  channel?: NotificationChannel;
}

export const FILTER_FIELDS = ['recipient', 'centreId', 'template', 'status', 'channel'] as const;

/** Reads the filter from the page address, so a filtered view can be bookmarked. */
export function filterFromSearch(search: URLSearchParams): OutboxFilter {
  const text = (name: string) => search.get(name)?.trim() || undefined;
  const status = text('status');
  const channel = text('channel');
  return {
    recipient: text('recipient'),
    centreId: text('centreId'),
    template: text('template'),
    status: STATUSES.includes(status as NotificationStatus) ? (status as NotificationStatus) : undefined,
    channel: channel === 'email' || channel === 'sms' ? channel : undefined,
  };
}

export function useOutbox(filter: OutboxFilter) {
  return useInfiniteQuery({
    queryKey: ['outbox', 'list', filter],
    queryFn: ({ pageParam }) => api.get<{ items: NotificationSummary[]; nextCursor: string | null }>(`/api/v1/notifications${queryString({ ...filter, cursor: pageParam, limit: 25 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useNotification(id: string) {
  return useQuery({ queryKey: ['outbox', 'one', id], queryFn: () => api.get<NotificationDetail>(`/api/v1/notifications/${id}`) });
}

export function attachmentUrl(id: string, index: number): string {
  return `/api/v1/notifications/${id}/attachments/${index}`;
}

export function useRetryNotification(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<NotificationDetail>(`/api/v1/notifications/${id}/retry`),
    onSuccess: (detail) => {
      client.setQueryData(['outbox', 'one', id], detail);
      void client.invalidateQueries({ queryKey: ['outbox', 'list'] });
    },
  });
}

export interface JobsOverview {
  counts: { kind: string; status: string; count: number }[];
  overdue: { count: number; oldestRunAt: string | null };
  failed: { id: string; kind: string; attempts: number; lastError: string | null; finishedAt: string | null; createdAt: string }[];
  recurring: { task: string; cron: string | null; lastScheduledFor: string | null; lastFinishedAt: string | null; lastError: string | null; lastOutcome: Record<string, unknown> | null }[];
}

export function useJobsOverview() {
  return useQuery({ queryKey: ['operations', 'jobs'], queryFn: () => api.get<JobsOverview>('/api/v1/operations/jobs'), refetchInterval: 30_000 });
}
