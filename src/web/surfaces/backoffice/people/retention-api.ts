import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api.js';
import { networkKeys, useCentres, type Unit } from '../network/network-api.js';

/** Retention rules and the dry run of the anonymisation task (docs/people.md, "Retention and anonymisation"). */

export interface Place { id: string; name: string }

export interface UnitPlace extends Place { centre: Place }

export interface RetentionRule {
  id: string;
  unit: UnitPlace | null;
  documentType: string | null;
  retainYears: number;
  note: string;
  updatedAt: string;
}

export interface RetentionRuleInput {
  unitId: string | null;
  documentType: string | null;
  retainYears: number;
  note: string;
}

export interface KnownDocumentType { type: string; identity: boolean; casefileDocuments: number; rules: number }

export interface ReportPerson { personId: string; homeCentre: Place; lastActivityAt: string; retainYears: number; dueSince: string }

export interface RetentionReport {
  asOf: string;
  defaultYears: number;
  people: ReportPerson[];
  heldBack: ReportPerson[];
  blockedByOpenActivity: number;
  documents: { documentId: string; personId: string; store: 'identity' | 'casefile'; type: string; unit: UnitPlace | null; retainYears: number; dueSince: string }[];
}

export const retentionKeys = {
  rules: ['retention', 'rules'] as const,
  types: ['retention', 'document-types'] as const,
};

export const useRetentionRules = () => useQuery({ queryKey: retentionKeys.rules, queryFn: () => api.get<{ items: RetentionRule[] }>('/api/v1/people/retention/rules').then((r) => r.items) });
export const useKnownDocumentTypes = () => useQuery({ queryKey: retentionKeys.types, queryFn: () => api.get<{ items: KnownDocumentType[] }>('/api/v1/people/retention/document-types').then((r) => r.items) });

/** The dry run is journalled: it runs when asked, never on its own. */
export const fetchRetentionReport = () => api.get<RetentionReport>('/api/v1/people/retention/report');

/** Every unit of the network, grouped by centre, for a rule's unit. */
export function useUnitGroups(): { group: string; items: { value: string; label: string }[] }[] {
  const centres = useCentres(false);
  const list = centres.data ?? [];
  const units = useQueries({ queries: list.map((centre) => ({ queryKey: networkKeys.units(centre.id, false), queryFn: () => api.get<Unit[]>(`/api/v1/centres/${centre.id}/units`) })) });
  return list
    .map((centre, i) => ({ group: centre.name, items: (units[i]?.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })) }))
    .filter((group) => group.items.length > 0);
}
