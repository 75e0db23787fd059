import { Alert, Anchor, Button, Group, PinInput, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError } from '../../app/api.js';
import { useSetSession, useSignOut, type SessionState } from '../../app/session.js';

/**
 * The second step of signing in: the 6-digit code of an authenticator app. When the server ends the
 * pending sign-in (too many wrong codes, a lockout), the person goes back to the password with a reason.
 */
export function SecondFactorForm({ onSignedIn, onRestart }: { onSignedIn: () => void; onRestart: (reason: string | null) => void }) {
  const intl = useIntl();
  const setSession = useSetSession();
  const signOut = useSignOut();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(value: string) {
    if (!/^\d{6}$/.test(value) || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const state = await api.post<SessionState>('/api/v1/auth/second-factor', { code: value });
      setSession(state);
      onSignedIn();
    } catch (error) {
      setCode('');
      if (error instanceof ApiError && error.code === 'invalid_credentials') {
        setProblem(intl.formatMessage({ id: 'auth.secondFactor.wrong' }));
      } else if (error instanceof ApiError && error.code === 'account_locked') {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        setSession(null);
        onRestart(intl.formatMessage({ id: 'login.locked' }, { minutes }));
      } else if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'csrf_failed')) {
        setSession(null);
        onRestart(intl.formatMessage({ id: 'auth.secondFactor.ended' }));
      } else {
        setProblem(intl.formatMessage({ id: error instanceof ApiError && error.code === 'network' ? 'error.network' : 'error.unexpected' }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(code);
      }}
      noValidate
    >
      <Stack>
        <Group gap="xs" wrap="nowrap">
          <IconShieldLock size={26} stroke={1.6} />
          <Title order={2} size="h3">
            <FormattedMessage id="auth.secondFactor.title" />
          </Title>
        </Group>
        <Text c="dimmed" size="sm" id="second-factor-hint">
          <FormattedMessage id="auth.secondFactor.hint" />
        </Text>
        {problem ? (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {problem}
          </Alert>
        ) : null}
        {/* Digits read left to right in every language. */}
        <Group justify="center" dir="ltr">
          <PinInput
            length={6}
            type="number"
            oneTimeCode
            autoFocus
            size="md"
            gap={6}
            value={code}
            onChange={setCode}
            onComplete={(value) => void submit(value)}
            aria-label={intl.formatMessage({ id: 'auth.secondFactor.code' })}
            aria-describedby="second-factor-hint"
            error={Boolean(problem)}
            data-testid="second-factor-code"
          />
        </Group>
        <Button type="submit" loading={busy} disabled={code.length !== 6} fullWidth>
          <FormattedMessage id="auth.secondFactor.submit" />
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="center"
          onClick={async () => {
            await signOut();
            onRestart(null);
          }}
        >
          <FormattedMessage id="auth.secondFactor.otherAccount" />
        </Anchor>
      </Stack>
    </form>
  );
}
