import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.js';

/** /api/v1/centres/:centreId/queue-devices (docs/queue.md, "Screen and kiosk tokens"). */
export interface Device {
  id: string;
  kind: 'screen' | 'kiosk';
  centreId: string;
  unitId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewDevice {
  device: Device;
  /** Shown once: only its hash is stored. */
  token: string;
  /** The page to open on the device, token included. */
  path: string;
}

export interface DailyQuota {
  serviceId: string;
  unitId: string;
  unitName: string;
  serviceNames: Record<string, string>;
  ticketPrefix: string;
  dailyQuota: number | null;
  issuedToday: number;
}

export const deviceKeys = {
  devices: (centreId: string) => ['queue-devices', centreId] as const,
  quotas: (centreId: string) => ['kiosk-quotas', centreId] as const,
};

export const useDevices = (centreId: string | null) =>
  useQuery({
    queryKey: deviceKeys.devices(centreId ?? ''),
    queryFn: async () => (await api.get<{ items: Device[] }>(`/api/v1/centres/${centreId}/queue-devices`)).items,
    enabled: Boolean(centreId),
  });

export const useQuotas = (centreId: string | null) =>
  useQuery({
    queryKey: deviceKeys.quotas(centreId ?? ''),
    queryFn: async () => (await api.get<{ day: string; items: DailyQuota[] }>(`/api/v1/centres/${centreId}/kiosk-quotas`)).items,
    enabled: Boolean(centreId),
  });
