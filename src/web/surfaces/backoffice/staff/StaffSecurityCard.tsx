import { Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogout, IconShieldOff } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { MIN_PASSWORD_LENGTH } from '../account/PasswordCard.js';
import { useRefreshStaff, type StaffMember } from './staff-api.js';

/**
 * Setting someone's password (they are signed out everywhere); for network administrators also ending
 * all their sessions and turning off the second factor of a lost phone.
 */
export function StaffSecurityCard({ staff, mayManage, managesNetwork, isSelf }: { staff: StaffMember; mayManage: boolean; managesNetwork: boolean; isSelf: boolean }) {
  const intl = useIntl();
  const refresh = useRefreshStaff();
  const form = useForm({
    initialValues: { newPassword: '' },
    validate: { newPassword: (value) => (value.length >= MIN_PASSWORD_LENGTH ? null : intl.formatMessage({ id: 'auth.password.tooShort' }, { count: MIN_PASSWORD_LENGTH })) },
  });
  const resetPassword = useApiMutation({
    mutationFn: (values: { newPassword: string }) => api.post(`/api/v1/staff/${staff.id}/password`, values),
    form,
    successMessageId: 'staff.security.passwordSet',
    onSuccess: () => {
      form.reset();
      return refresh();
    },
  });
  const endSessions = useApiMutation({ mutationFn: () => api.post(`/api/v1/staff/${staff.id}/sessions/end`), successMessageId: 'staff.security.sessionsEnded' });
  const resetSecondFactor = useApiMutation({
    mutationFn: () => api.post(`/api/v1/staff/${staff.id}/second-factor/reset`),
    successMessageId: 'staff.security.secondFactorReset',
    onSuccess: () => refresh(),
  });

  if (isSelf) {
    return (
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          <FormattedMessage id="staff.security.title" />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage id="staff.security.self" />
        </Text>
      </Card>
    );
  }

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h4">
          <FormattedMessage id="staff.security.title" />
        </Title>
        {mayManage ? (
          <form onSubmit={form.onSubmit((values) => resetPassword.mutate(values))} noValidate>
            <Stack gap="xs">
              <PasswordInput
                label={intl.formatMessage({ id: 'staff.security.newPassword' })}
                description={intl.formatMessage({ id: 'staff.security.newPasswordHint' })}
                autoComplete="new-password"
                {...form.getInputProps('newPassword')}
              />
              <Button type="submit" variant="light" loading={resetPassword.isPending} style={{ alignSelf: 'flex-start' }}>
                <FormattedMessage id="staff.security.setPassword" />
              </Button>
            </Stack>
          </form>
        ) : null}
        {managesNetwork ? (
          <Group>
            <Button variant="light" color="red" leftSection={<IconLogout size={16} />} loading={endSessions.isPending} onClick={() => endSessions.mutate(undefined)}>
              <FormattedMessage id="staff.security.endSessions" />
            </Button>
            {staff.totpEnabled ? (
              <Button variant="light" color="orange" leftSection={<IconShieldOff size={16} />} loading={resetSecondFactor.isPending} onClick={() => resetSecondFactor.mutate(undefined)}>
                <FormattedMessage id="staff.security.resetSecondFactor" />
              </Button>
            ) : null}
          </Group>
        ) : null}
        {!mayManage && !managesNetwork ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage id="staff.security.readOnly" />
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
