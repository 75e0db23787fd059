import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Role, ScopeType } from '../../../../shared/access.js';
import { api, queryString } from '../../../app/api.js';

/** The staff module's API as the screens use it (shapes of /api/v1/staff routes). */

export interface StaffGrant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  centreId: string | null;
  scopeName: string;
  grantedAt: string;
}

export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  languages: string[];
  locale: string;
  disabled: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  hasPassword: boolean;
  ssoLinked: boolean;
  createdAt: string;
  grants: StaffGrant[];
}

export type StaffStatus = 'active' | 'disabled' | 'all';

export interface GrantInput {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

export interface NamedPlace {
  id: string;
  name: string;
}

export interface GrantableScopes {
  network: NamedPlace | null;
  centres: (NamedPlace & { units: NamedPlace[] })[];
  roles: Role[];
}

export const PAGE_SIZE = 50;

export const staffKeys = {
  all: ['staff'] as const,
  list: (q: string, status: StaffStatus, limit: number) => ['staff', 'list', q, status, limit] as const,
  one: (id: string) => ['staff', 'one', id] as const,
  scopes: () => ['staff', 'grantable-scopes'] as const,
};

export const useStaffList = (q: string, status: StaffStatus, limit: number) =>
  useQuery({
    queryKey: staffKeys.list(q, status, limit),
    queryFn: () => api.get<{ items: StaffMember[]; total: number }>(`/api/v1/staff${queryString({ q, status, limit })}`),
    placeholderData: (previous) => previous,
  });

export const useStaffMember = (id: string) => useQuery({ queryKey: staffKeys.one(id), queryFn: () => api.get<StaffMember>(`/api/v1/staff/${id}`) });

export const useGrantableScopes = (enabled: boolean) =>
  useQuery({ queryKey: staffKeys.scopes(), queryFn: () => api.get<GrantableScopes>('/api/v1/staff/grantable-scopes'), enabled, staleTime: 60_000 });

export function useRefreshStaff(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: staffKeys.all }), [client]);
}

/** Languages staff commonly serve people in at the centres; the names come from the browser (Intl). */
export const COMMON_LANGUAGES = ['pt', 'en', 'fr', 'es', 'kea', 'ru', 'uk', 'ro', 'ar', 'hi', 'ne', 'bn', 'ur', 'zh', 'de', 'it', 'fa', 'ps', 'ti', 'so', 'wo', 'ff', 'tr', 'pa'];

export function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
