import { Alert, Badge, Button, Card, Code, Group, Image, Loader, PinInput, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { useRefreshAccount, useTotpStatus, type TotpEnrolment } from './account-api.js';

/** Turning 2-step verification on (scan, then prove with a code) and off (with a current code). */
export function TwoStepCard() {
  const intl = useIntl();
  const status = useTotpStatus();
  const refresh = useRefreshAccount();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const codeForm = { setFieldError: (_path: string, message: string) => setCodeError(message) };
  const done = () => {
    setEnrolment(null);
    setDisabling(false);
    setCode('');
    setCodeError(null);
    return refresh();
  };
  const start = useApiMutation({ mutationFn: () => api.post<TotpEnrolment>('/api/v1/auth/second-factor/totp/enrolment'), onSuccess: (answer) => setEnrolment(answer) });
  const confirm = useApiMutation({ mutationFn: (value: string) => api.post('/api/v1/auth/second-factor/totp/confirm', { code: value }), form: codeForm, successMessageId: 'auth.totp.enabled', onSuccess: done });
  const disable = useApiMutation({ mutationFn: (value: string) => api.post('/api/v1/auth/second-factor/totp/disable', { code: value }), form: codeForm, successMessageId: 'auth.totp.disabled', onSuccess: done });
  const busy = confirm.isPending || disable.isPending;
  const submit = (value: string) => {
    if (value.length !== 6 || busy) return;
    setCodeError(null);
    (enrolment ? confirm : disable).mutate(value, { onError: () => setCode('') });
  };

  const codeInput = (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="totp-code-label">
        <FormattedMessage id="auth.totp.code" />
      </Text>
      <Group dir="ltr" justify="flex-start">
        <PinInput length={6} size="md" gap={6} type="number" oneTimeCode value={code} onChange={setCode} onComplete={submit} error={Boolean(codeError)} aria-labelledby="totp-code-label" />
      </Group>
      {codeError ? (
        <Text size="sm" c="red" role="alert">
          {codeError}
        </Text>
      ) : null}
    </Stack>
  );

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4">
            <FormattedMessage id="auth.totp.title" />
          </Title>
          {status.data ? (
            <Badge color={status.data.enabled ? 'green' : 'gray'} variant="light" tt="none" leftSection={status.data.enabled ? <IconShieldCheck size={14} /> : <IconShieldOff size={14} />}>
              <FormattedMessage id={status.data.enabled ? 'auth.totp.on' : 'auth.totp.off'} />
            </Badge>
          ) : null}
        </Group>
        {status.isLoading ? <Loader size="sm" /> : null}
        {status.error ? <Alert color="red">{describeError(intl, status.error)}</Alert> : null}
        <Text size="sm" c="dimmed">
          <FormattedMessage id="auth.totp.explain" />
        </Text>

        {status.data && !status.data.enabled && !enrolment ? (
          <Button onClick={() => start.mutate(undefined)} loading={start.isPending} style={{ alignSelf: 'flex-start' }}>
            <FormattedMessage id="auth.totp.setUp" />
          </Button>
        ) : null}

        {enrolment ? (
          <Stack>
            <Text size="sm">
              <FormattedMessage id="auth.totp.scan" />
            </Text>
            <Image src={enrolment.qrCodeDataUrl} alt={intl.formatMessage({ id: 'auth.totp.qrAlt' })} w={200} h={200} style={{ alignSelf: 'center' }} />
            <Text size="sm">
              <FormattedMessage id="auth.totp.manual" />
            </Text>
            <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 'var(--mantine-font-size-md)' }} data-testid="totp-secret">
              {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Code>
            {codeInput}
            <Group>
              <Button onClick={() => submit(code)} loading={confirm.isPending} disabled={code.length !== 6}>
                <FormattedMessage id="auth.totp.confirm" />
              </Button>
              <Button variant="default" onClick={() => void done()}>
                <FormattedMessage id="common.cancel" />
              </Button>
            </Group>
          </Stack>
        ) : null}

        {status.data?.enabled && !disabling ? (
          <Button variant="light" color="red" onClick={() => setDisabling(true)} style={{ alignSelf: 'flex-start' }}>
            <FormattedMessage id="auth.totp.turnOff" />
          </Button>
        ) : null}
        {status.data?.enabled && disabling ? (
          <Stack>
            <Text size="sm">
              <FormattedMessage id="auth.totp.turnOffExplain" />
            </Text>
            {codeInput}
            <Group>
              <Button color="red" onClick={() => submit(code)} loading={disable.isPending} disabled={code.length !== 6}>
                <FormattedMessage id="auth.totp.turnOff" />
              </Button>
              <Button variant="default" onClick={() => void done()}>
                <FormattedMessage id="common.cancel" />
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
