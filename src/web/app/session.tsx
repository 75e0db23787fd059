import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { roleAllows, type Action, type Role, type ScopeType } from '../../shared/access.js';
import { api, ApiError, setCsrfToken } from './api.js';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  centreId: string | null;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  grants: Grant[];
}

export interface SessionState {
  status: 'signed_in' | 'second_factor_required';
  csrfToken: string;
  me: Me | null;
}

export const SESSION_QUERY_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionState | null> {
  try {
    const state = await api.get<SessionState>('/api/v1/auth/session');
    setCsrfToken(state.csrfToken);
    return state;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession(): { me: Me | null; state: SessionState | null; isLoading: boolean } {
  const query = useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
  return { me: query.data?.me ?? null, state: query.data ?? null, isLoading: query.isLoading };
}

/** Stores a session answer (after sign-in or the second factor) without another round trip. */
export function useSetSession(): (state: SessionState | null) => void {
  const client = useQueryClient();
  return useCallback(
    (state) => {
      setCsrfToken(state?.csrfToken ?? null);
      client.setQueryData(SESSION_QUERY_KEY, state);
    },
    [client],
  );
}

export interface Placement {
  centreId?: string | null;
  unitId?: string | null;
}

/** The same rule as the server's actorMay: with no placement, "somewhere in my reach". */
export function grantsAllow(grants: Grant[], action: Action, placement?: Placement): boolean {
  return grants.some((grant) => {
    if (!roleAllows(grant.role, action)) return false;
    if (!placement || grant.scopeType === 'network') return true;
    if (grant.scopeType === 'centre') return placement.centreId != null && placement.centreId === grant.scopeId;
    return placement.unitId != null && placement.unitId === grant.scopeId;
  });
}

export function useCan(): (action: Action, placement?: Placement) => boolean {
  const { me } = useSession();
  return useCallback((action, placement) => (me ? grantsAllow(me.grants, action, placement) : false), [me]);
}

export function useSignOut(): () => Promise<void> {
  const setSession = useSetSession();
  const client = useQueryClient();
  return useCallback(async () => {
    await api.post('/api/v1/auth/logout').catch(() => undefined);
    setSession(null);
    client.clear();
  }, [client, setSession]);
}
