import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../app/api.js';

/** The "my account" part of the auth API (shapes of /api/v1/auth routes). */

export interface SessionInfo {
  id: string;
  method: 'password' | 'oidc';
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  secondFactorPending: boolean;
  current: boolean;
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
  qrCodeDataUrl: string;
}

export interface SignInProviders {
  password: boolean;
  sso: { label: string; startUrl: string } | null;
}

export const accountKeys = {
  all: ['account'] as const,
  sessions: () => ['account', 'sessions'] as const,
  totp: () => ['account', 'totp'] as const,
};

export const useMySessions = () =>
  useQuery({ queryKey: accountKeys.sessions(), queryFn: async () => (await api.get<{ items: SessionInfo[] }>('/api/v1/auth/sessions')).items });

export const useTotpStatus = () => useQuery({ queryKey: accountKeys.totp(), queryFn: () => api.get<{ enabled: boolean }>('/api/v1/auth/second-factor/totp') });

export const useSignInProviders = () =>
  useQuery({ queryKey: ['auth', 'providers'], queryFn: () => api.get<SignInProviders>('/api/v1/auth/providers'), staleTime: 5 * 60_000 });

export function useRefreshAccount(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: accountKeys.all }), [client]);
}

/** "Firefox · Linux" from a user agent: enough to recognise one's own devices. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  const system =
    [
      ['Android', 'Android'],
      ['iPhone', 'iPhone'],
      ['iPad', 'iPad'],
      ['Windows', 'Windows'],
      ['Mac OS', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([marker]) => userAgent.includes(marker!))?.[1] ?? null;
  const parts = [browser, system].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : userAgent.slice(0, 60);
}
