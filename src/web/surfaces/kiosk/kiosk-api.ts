import { api } from '../../app/api.js';

/** Shapes of the kiosk API (docs/queue.md, "Kiosk"); the kiosk token travels in a header. */

export interface KioskService {
  id: string;
  names: Record<string, string>;
  unitName: string;
  state: 'open' | 'closed' | 'full';
  waiting: number;
  estimatedMinutes: number | null;
}

export interface KioskState {
  centre: { id: string; name: string; timeZone: string };
  kiosk: { label: string };
  open: boolean;
  nextOpening: { date: string; time: string } | null;
  services: KioskService[];
}

export interface KioskTicket {
  publicCode: string;
  number: string;
  serviceNames: Record<string, string>;
  centreName: string;
  language: string;
  ahead: number | null;
  estimatedMinutes: number | null;
  issuedAt: string;
}

const tokenHeader = (token: string) => ({ 'x-device-token': token });

export const fetchKioskState = (centreId: string, token: string) => api.get<KioskState>(`/api/v1/public/kiosk/${centreId}`, tokenHeader(token));

/** One key per press of a service: a double tap or a retry after a lost answer gives the same ticket. */
export const takeTicket = (centreId: string, token: string, input: { serviceId: string; language: string }, idempotencyKey: string) =>
  api.post<KioskTicket>(`/api/v1/public/kiosk/${centreId}/tickets`, input, { ...tokenHeader(token), 'idempotency-key': idempotencyKey });

export const nameIn = (names: Record<string, string>, language: string) => names[language] ?? names.pt ?? Object.values(names)[0] ?? '';
