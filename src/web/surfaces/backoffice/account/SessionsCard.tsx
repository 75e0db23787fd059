import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconLogout } from '@tabler/icons-react';
import { FormattedMessage, FormattedRelativeTime, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { describeDevice, useMySessions, useRefreshAccount, type SessionInfo } from './account-api.js';

const secondsSince = (iso: string) => Math.round((new Date(iso).getTime() - Date.now()) / 1000);
const isPhone = (userAgent: string | null) => Boolean(userAgent && /Android|iPhone|iPad|Mobile/.test(userAgent));

/** My sessions, each with where, when and a button to end it. */
export function SessionsCard() {
  const intl = useIntl();
  const sessions = useMySessions();
  const refresh = useRefreshAccount();
  const endOne = useApiMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/auth/sessions/${id}`),
    successMessageId: 'auth.sessions.endedOne',
    onSettled: refresh,
  });
  const endOthers = useApiMutation({
    mutationFn: () => api.post<{ ended: number }>('/api/v1/auth/sessions/end-others'),
    successMessageId: 'auth.sessions.endedOthers',
    onSettled: refresh,
  });
  const others = (sessions.data ?? []).filter((session) => !session.current);

  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h4">
          <FormattedMessage id="auth.sessions.title" />
        </Title>
        {others.length > 0 ? (
          <Button variant="light" color="red" leftSection={<IconLogout size={16} />} loading={endOthers.isPending} onClick={() => endOthers.mutate()}>
            <FormattedMessage id="auth.sessions.endOthers" />
          </Button>
        ) : null}
      </Group>
      {sessions.isLoading ? <Loader size="sm" /> : null}
      {sessions.error ? <Alert color="red">{describeError(intl, sessions.error)}</Alert> : null}
      <Stack gap="sm">
        {sessions.data?.map((session) => (
          <SessionRow key={session.id} session={session} ending={endOne.isPending && endOne.variables === session.id} onEnd={() => endOne.mutate(session.id)} />
        ))}
      </Stack>
    </Card>
  );
}

function SessionRow({ session, ending, onEnd }: { session: SessionInfo; ending: boolean; onEnd: () => void }) {
  const intl = useIntl();
  const Icon = isPhone(session.userAgent) ? IconDeviceMobile : IconDeviceDesktop;
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="session-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="sm" style={{ minWidth: 0 }}>
          <Icon size={28} stroke={1.5} style={{ flexShrink: 0 }} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{describeDevice(session.userAgent) ?? intl.formatMessage({ id: 'auth.sessions.unknownDevice' })}</Text>
              {session.current ? (
                <Badge color="green" variant="light" tt="none">
                  <FormattedMessage id="auth.sessions.current" />
                </Badge>
              ) : null}
              {session.secondFactorPending ? (
                <Badge color="orange" variant="light" tt="none">
                  <FormattedMessage id="auth.sessions.pending" />
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed">
              {[session.ip, intl.formatMessage({ id: `auth.sessions.method.${session.method}` })].filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="auth.sessions.times"
                values={{
                  started: intl.formatDate(session.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  lastSeen: <FormattedRelativeTime value={secondsSince(session.lastSeenAt)} numeric="auto" updateIntervalInSeconds={60} />,
                }}
              />
            </Text>
          </Stack>
        </Group>
        {session.current ? null : (
          <Button variant="subtle" color="red" size="compact-sm" style={{ flexShrink: 0 }} loading={ending} onClick={onEnd} aria-label={intl.formatMessage({ id: 'auth.sessions.endLabel' })}>
            <FormattedMessage id="auth.sessions.end" />
          </Button>
        )}
      </Group>
    </Card>
  );
}
