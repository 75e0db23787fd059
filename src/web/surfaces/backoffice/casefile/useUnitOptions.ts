import { useQueries } from '@tanstack/react-query';
import { api } from '../../../app/api.js';
import { networkKeys, type Unit } from '../network/network-api.js';

/** Select options (value: id, label: name) for a list of unit ids. */
export function useUnitOptions(unitIds: string[]): { value: string; label: string }[] {
  const units = useQueries({ queries: unitIds.map((id) => ({ queryKey: networkKeys.unit(id), queryFn: () => api.get<Unit>(`/api/v1/units/${id}`) })) });
  return unitIds.map((id, i) => ({ value: id, label: units[i]?.data?.name ?? id }));
}
