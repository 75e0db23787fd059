import { SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { Role, ScopeType } from '../../../../shared/access.js';
import type { GrantableScopes, GrantInput } from './staff-api.js';

/** What the picker holds while someone chooses; a grant only once every part is chosen. */
export interface GrantDraft {
  role: Role | null;
  scopeType: ScopeType;
  centreId: string | null;
  unitId: string | null;
}

export const emptyDraft = (scopes: GrantableScopes | undefined): GrantDraft => ({
  role: null,
  scopeType: scopes?.network ? 'network' : 'centre',
  centreId: scopes?.centres.length === 1 ? scopes.centres[0]!.id : null,
  unitId: null,
});

export function draftToGrant(draft: GrantDraft, scopes: GrantableScopes | undefined): GrantInput | null {
  if (!draft.role) return null;
  if (draft.scopeType === 'network') return scopes?.network ? { role: draft.role, scopeType: 'network', scopeId: scopes.network.id } : null;
  if (draft.scopeType === 'centre') return draft.centreId ? { role: draft.role, scopeType: 'centre', scopeId: draft.centreId } : null;
  return draft.unitId ? { role: draft.role, scopeType: 'unit', scopeId: draft.unitId } : null;
}

/**
 * A role and where it applies: the whole network, a centre, or a unit of a centre. Only the places
 * and roles the manager may grant are offered (the server checks again).
 */
export function GrantPicker({ scopes, value, onChange, error }: { scopes: GrantableScopes; value: GrantDraft; onChange: (draft: GrantDraft) => void; error?: string | null }) {
  const intl = useIntl();
  const scopeTypes: ScopeType[] = scopes.network ? ['network', 'centre', 'unit'] : ['centre', 'unit'];
  const centre = scopes.centres.find((c) => c.id === value.centreId);
  return (
    <Stack gap="sm">
      <Select
        label={intl.formatMessage({ id: 'staff.grant.role' })}
        placeholder={intl.formatMessage({ id: 'staff.grant.rolePlaceholder' })}
        data={scopes.roles.map((role) => ({ value: role, label: intl.formatMessage({ id: `role.${role}` }) }))}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role as Role | null })}
        searchable
        comboboxProps={{ withinPortal: true }}
        data-testid="grant-role"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {intl.formatMessage({ id: 'staff.grant.where' })}
        </Text>
        <SegmentedControl
          fullWidth
          data={scopeTypes.map((type) => ({ value: type, label: intl.formatMessage({ id: `staff.grant.scope.${type}` }) }))}
          value={value.scopeType}
          onChange={(scopeType) => onChange({ ...value, scopeType: scopeType as ScopeType, unitId: null })}
        />
      </Stack>
      {value.scopeType === 'network' ? (
        <Text size="sm" c="dimmed">
          {scopes.network?.name}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: value.scopeType === 'unit' ? 2 : 1 }}>
          <Select
            label={intl.formatMessage({ id: 'staff.grant.centre' })}
            data={scopes.centres.map((c) => ({ value: c.id, label: c.name }))}
            value={value.centreId}
            onChange={(centreId) => onChange({ ...value, centreId, unitId: null })}
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="grant-centre"
          />
          {value.scopeType === 'unit' ? (
            <Select
              label={intl.formatMessage({ id: 'staff.grant.unit' })}
              data={(centre?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={value.unitId}
              onChange={(unitId) => onChange({ ...value, unitId })}
              disabled={!centre}
              searchable
              comboboxProps={{ withinPortal: true }}
              data-testid="grant-unit"
            />
          ) : null}
        </SimpleGrid>
      )}
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
