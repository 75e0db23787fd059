import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useRefreshAccount } from './account-api.js';

export const MIN_PASSWORD_LENGTH = 10;

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

/** Changing my password signs me out everywhere else; the server says how many sessions ended. */
export function PasswordCard({ username }: { username: string }) {
  const intl = useIntl();
  const refresh = useRefreshAccount();
  const form = useForm<PasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', repeated: '' },
    validate: {
      currentPassword: (value) => (value ? null : intl.formatMessage({ id: 'auth.password.currentRequired' })),
      newPassword: (value) =>
        value.length < MIN_PASSWORD_LENGTH
          ? intl.formatMessage({ id: 'auth.password.tooShort' }, { count: MIN_PASSWORD_LENGTH })
          : value.trim().toLowerCase() === username.toLowerCase()
            ? intl.formatMessage({ id: 'auth.password.notUsername' })
            : null,
      repeated: (value, values) => (value === values.newPassword ? null : intl.formatMessage({ id: 'auth.password.mismatch' })),
    },
  });
  const change = useApiMutation({
    mutationFn: (values: PasswordValues) => api.post<{ endedSessions: number }>('/api/v1/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword }),
    form,
    successMessageId: 'auth.password.changed',
    onSuccess: () => {
      form.reset();
      return refresh();
    },
  });

  return (
    <Card withBorder padding="lg">
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack>
          <Title order={2} size="h4">
            <FormattedMessage id="auth.password.title" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="auth.password.explain" />
          </Text>
          <PasswordInput label={intl.formatMessage({ id: 'auth.password.current' })} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={intl.formatMessage({ id: 'auth.password.new' })}
            description={intl.formatMessage({ id: 'auth.password.hint' }, { count: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={intl.formatMessage({ id: 'auth.password.repeat' })} autoComplete="new-password" required {...form.getInputProps('repeated')} />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            <FormattedMessage id="auth.password.submit" />
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
