import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useIntl } from 'react-intl';
import { useRealtime } from '../../app/realtime.js';

/** Shapes of the queue API (/api/v1, docs/queue.md) as the staff surfaces use them. */

export type Localised = Record<string, string>;
export type TicketState = 'pending' | 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'transferred' | 'cancelled';
export type PriorityReason = 'disability' | 'pregnancy' | 'elderly' | 'small_children' | 'emergency';
export const PRIORITY_REASONS: PriorityReason[] = ['disability', 'pregnancy', 'elderly', 'small_children', 'emergency'];
export type Outcome = 'resolved' | 'referred' | 'missing_documents' | 'not_resolved';
export const OUTCOMES: Outcome[] = ['resolved', 'referred', 'missing_documents', 'not_resolved'];

export interface Ticket {
  id: string;
  visitId: string;
  centreId: string;
  unitId: string;
  serviceId: string;
  serviceNames: Localised;
  number: string;
  visitOrder: number;
  state: TicketState;
  priorityClass: 'normal' | 'priority' | 'emergency';
  /** The booked time of a checked-in appointment: the ordering policy moves it ahead (docs/queue.md). */
  appointmentDueAt: string | null;
  issuedAt: string;
  queuedAt: string | null;
  calledAt: string | null;
  startedAt: string | null;
  callCount: number;
  counter: { id: string; label: string } | null;
  outcome: string | null;
}

export interface WaitingTicket extends Ticket {
  waitedMinutes: number;
  ahead: number;
  estimatedMinutes: number | null;
}

export interface Visit {
  id: string;
  centreId: string;
  publicCode: string;
  personId: string | null;
  language: string;
  purpose: string;
  interpreterNeeded: boolean;
  priorityReasons: PriorityReason[];
  origin: 'reception' | 'kiosk' | 'appointment';
  createdAt: string;
  tickets: Ticket[];
}

export interface CounterState {
  counterId: string;
  label: string;
  unitId: string;
  centreId: string;
  state: 'open' | 'paused' | 'closed';
  staffId: string | null;
  since: string | null;
  activeTicket: Ticket | null;
}

export interface MyCounter {
  counter: CounterState;
  unitName: string;
  centreName: string;
  serviceIds: string[];
  noShowAfterCalls: number;
}

export interface CounterQueue {
  counter: CounterState;
  waiting: WaitingTicket[];
  parked: Ticket[];
}

export interface TicketDetail {
  ticket: Ticket;
  visit: Omit<Visit, 'tickets'>;
  notes: { kind: string; at: string; note: string }[];
}

export interface PublicTicket {
  number: string;
  state: TicketState;
  ahead: number | null;
  estimatedMinutes: number | null;
}

export interface BoardUnit {
  unitId: string;
  unitName: string;
  waiting: number;
  longestWaitMinutes: number | null;
  atCounters: number;
  countersOpen: number;
  countersPaused: number;
  counters: number;
  servedToday: number;
  noShowsToday: number;
}

export interface CentreBoard {
  centreId: string;
  centreName: string;
  day: string;
  timeZone: string;
  units: BoardUnit[];
}

export const queueKeys = {
  all: ['queue'] as const,
  myCounters: () => ['queue', 'my-counters'] as const,
  counterQueue: (counterId: string) => ['queue', 'counter', counterId] as const,
  ticket: (ticketId: string) => ['queue', 'ticket', ticketId] as const,
  visits: (centreId: string) => ['queue', 'visits', centreId] as const,
  board: (centreId: string) => ['queue', 'board', centreId] as const,
  publicTicket: (code: string) => ['queue', 'public', code] as const,
};

/** Every event the queue engine writes (queue.events.ts and the counter service). */
export const QUEUE_EVENT_TYPES = [
  'queue.ticket_issued',
  'queue.ticket_queued',
  'queue.ticket_called',
  'queue.ticket_recalled',
  'queue.ticket_started',
  'queue.ticket_ended',
  'queue.ticket_transferred',
  'queue.ticket_parked',
  'queue.ticket_resumed',
  'queue.ticket_no_show',
  'queue.ticket_cancelled',
  'queue.counter_changed',
  'queue.policy_changed',
];

/**
 * Keeps every queue view of a centre current: each queue event (or a stream reset) refetches the
 * open queue queries, at most once per animation frame burst. Pushed, never polled.
 */
export function useQueueLive(centreId: string | null | undefined): void {
  const client = useQueryClient();
  const pending = useRef(false);
  useRealtime(QUEUE_EVENT_TYPES, (event) => {
    if (event.type !== 'reset' && centreId && event.centreId && event.centreId !== centreId) return;
    if (pending.current) return;
    pending.current = true;
    // Several events often come from one transaction (end + next ticket queued): refetch once.
    setTimeout(() => {
      pending.current = false;
      void client.invalidateQueries({ queryKey: queueKeys.all });
    }, 100);
  });
}

/** A fresh key for a write a person could repeat; the same key makes a retry return the first answer. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export const idempotent = (key: string) => ({ 'idempotency-key': key });

/** A localised name in the interface language, else the host language, else any. */
export function useLocalised(): (names: Localised | null | undefined) => string {
  const { locale } = useIntl();
  return useCallback((names) => (names ? (names[locale] ?? names['pt'] ?? Object.values(names)[0] ?? '') : ''), [locale]);
}
