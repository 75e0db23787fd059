import { ActionIcon, Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { draftToGrant, emptyDraft, GrantPicker, type GrantDraft } from './GrantPicker.js';
import { useGrantableScopes, useRefreshStaff, type GrantInput, type StaffMember } from './staff-api.js';

/** The roles of one person with where each applies; managers add and take away roles within their reach. */
export function StaffRolesCard({ staff, mayManage, isSelf }: { staff: StaffMember; mayManage: boolean; isSelf: boolean }) {
  const intl = useIntl();
  const refresh = useRefreshStaff();
  const editable = mayManage && !isSelf;
  const scopes = useGrantableScopes(editable);
  const [draft, setDraft] = useState<GrantDraft | null>(null);
  const [pickerError, setPickerError] = useState<string | null>(null);
  const grant = useApiMutation({
    mutationFn: (input: GrantInput) => api.post(`/api/v1/staff/${staff.id}/roles`, input),
    form: { setFieldError: (_path, message) => setPickerError(message) },
    successMessageId: 'staff.roles.granted',
    onSuccess: () => {
      setDraft(null);
      return refresh();
    },
  });
  const revoke = useApiMutation({
    mutationFn: (grantId: string) => api.delete(`/api/v1/staff/${staff.id}/roles/${grantId}`),
    successMessageId: 'staff.roles.revoked',
    onSettled: refresh,
  });

  function add() {
    setPickerError(null);
    const input = draft ? draftToGrant(draft, scopes.data) : null;
    if (!input) return setPickerError(intl.formatMessage({ id: 'staff.grant.incomplete' }));
    grant.mutate(input);
  }

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h4">
          <FormattedMessage id="staff.roles.title" />
        </Title>
        {isSelf ? (
          <Alert color="blue" variant="light">
            <FormattedMessage id="staff.roles.ownRoles" />
          </Alert>
        ) : null}
        {staff.grants.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="staff.roles.none" />
          </Text>
        ) : null}
        {staff.grants.map((g) => (
          <Group key={g.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="grant-row">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text fw={600}>{intl.formatMessage({ id: `role.${g.role}` })}</Text>
              <Text size="sm" c="dimmed">
                {intl.formatMessage({ id: `staff.grant.scope.${g.scopeType}` })} · {g.scopeName}
              </Text>
            </Stack>
            {editable ? (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                loading={revoke.isPending && revoke.variables === g.id}
                onClick={() => revoke.mutate(g.id)}
                aria-label={intl.formatMessage({ id: 'staff.roles.revoke' }, { role: intl.formatMessage({ id: `role.${g.role}` }), place: g.scopeName })}
              >
                <IconTrash size={18} />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {editable && scopes.data && draft ? (
          <Card withBorder padding="md" radius="sm">
            <Stack>
              <GrantPicker scopes={scopes.data} value={draft} onChange={setDraft} error={pickerError} />
              <Group>
                <Button onClick={add} loading={grant.isPending}>
                  <FormattedMessage id="staff.roles.grant" />
                </Button>
                <Button variant="default" onClick={() => setDraft(null)}>
                  <FormattedMessage id="common.cancel" />
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
        {editable && scopes.data && !draft ? (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setDraft(emptyDraft(scopes.data))} style={{ alignSelf: 'flex-start' }}>
            <FormattedMessage id="staff.roles.add" />
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
