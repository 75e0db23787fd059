import type { IntlShape } from 'react-intl';
import { useEffect, useState } from 'react';
import { announcementIntls } from './announcer.js';

/** Shapes of the public display API (docs/queue.md, "Information screens"). */

export interface DisplayCall {
  ticketId: string;
  number: string;
  counterLabel: string;
  serviceNames: Record<string, string>;
  callCount: number;
  at: string;
}

export interface DisplayState {
  centre: { id: string; name: string; timeZone: string; announcementLanguages: string[] };
  screen: { label: string; unitId: string | null };
  calls: DisplayCall[];
}

export const DISPLAY_EVENT_TYPES = ['queue.ticket_called', 'queue.ticket_recalled', 'queue.ticket_resumed'] as const;
export const DISPLAY_CALLS = 8;

export const displayStateUrl = (centreId: string, token: string) => `/api/v1/public/display/${centreId}?token=${encodeURIComponent(token)}`;
export const displayStreamUrl = (centreId: string, token: string) => `/api/v1/public/display/${centreId}/stream?token=${encodeURIComponent(token)}`;

const keyOf = (call: DisplayCall) => `${call.ticketId}:${call.callCount}:${call.at}`;

/** Calls received live merged into the fetched state: newest first, each call once. */
export function mergeCalls(live: readonly DisplayCall[], fetched: readonly DisplayCall[] = []): DisplayCall[] {
  const seen = new Set<string>();
  return [...live, ...fetched]
    .filter((call) => !seen.has(keyOf(call)) && Boolean(seen.add(keyOf(call))))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, DISPLAY_CALLS);
}

/** Formatters of the centre's announcement languages (those with interface texts). */
export function useAnnouncementIntls(languages: readonly string[] | undefined): IntlShape[] {
  const [intls, setIntls] = useState<IntlShape[]>([]);
  const key = (languages ?? []).join(',');
  useEffect(() => {
    let current = true;
    if (key) void announcementIntls(key.split(',')).then((loaded) => current && setIntls(loaded));
    return () => {
      current = false;
    };
  }, [key]);
  return intls;
}
