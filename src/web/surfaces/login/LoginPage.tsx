import { Alert, Button, Center, Divider, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api.js';
import { useSession, useSetSession, type SessionState } from '../../app/session.js';
import { LanguagePicker } from '../../ui/LanguagePicker.js';
import { useSignInProviders } from '../backoffice/account/account-api.js';
import { SecondFactorForm } from './SecondFactorForm.js';

/** Reasons the server gives when single sign-on did not end in a session (see auth.oidc.service.ts). */
const SSO_ERRORS = ['not_configured', 'unavailable', 'expired', 'cancelled', 'failed', 'not_linked', 'account_disabled'];

/** Only paths inside the app are followed after sign-in, never another site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/office';
}

export function LoginPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me, state: session } = useSession();
  const setSession = useSetSession();
  const providers = useSignInProviders();
  const ssoError = params.get('sso_error');
  const [problem, setProblem] = useState<string | null>(
    ssoError ? intl.formatMessage({ id: SSO_ERRORS.includes(ssoError) ? `auth.sso.error.${ssoError}` : 'auth.sso.error.failed' }) : null,
  );
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : intl.formatMessage({ id: 'login.usernameRequired' })),
      password: (value) => (value ? null : intl.formatMessage({ id: 'login.passwordRequired' })),
    },
  });

  if (me) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  const secondStep = session?.status === 'second_factor_required';
  const sso = providers.data?.sso ?? null;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setProblem(null);
    try {
      const state = await api.post<SessionState>('/api/v1/auth/login', values);
      setSession(state);
      if (state.status === 'signed_in') void navigate(safeNextPath(params.get('next')), { replace: true });
    } catch (error) {
      setProblem(loginProblem(error));
    } finally {
      setBusy(false);
    }
  }

  function loginProblem(error: unknown): string {
    if (error instanceof ApiError) {
      const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
      if (error.code === 'invalid_credentials') return intl.formatMessage({ id: 'login.invalid' });
      if (error.code === 'account_locked') return intl.formatMessage({ id: 'login.locked' }, { minutes });
      if (error.code === 'rate_limited') return intl.formatMessage({ id: 'login.rateLimited' }, { minutes });
      if (error.code === 'network') return intl.formatMessage({ id: 'error.network' });
    }
    return intl.formatMessage({ id: 'error.unexpected' });
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Title order={1} size="h2" c="oneroof.7">
            OneRoof
          </Title>
          <LanguagePicker />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {secondStep ? (
            <SecondFactorForm
              onSignedIn={() => void navigate(safeNextPath(params.get('next')), { replace: true })}
              onRestart={(reason) => {
                form.setFieldValue('password', '');
                setProblem(reason);
              }}
            />
          ) : (
            <form onSubmit={form.onSubmit(submit)} noValidate>
              <Stack>
                <Title order={2} size="h3">
                  <FormattedMessage id="login.title" />
                </Title>
                <Text c="dimmed" size="sm">
                  <FormattedMessage id="login.subtitle" />
                </Text>
                {problem ? (
                  <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                    {problem}
                  </Alert>
                ) : null}
                <TextInput
                  label={intl.formatMessage({ id: 'login.username' })}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  {...form.getInputProps('username')}
                />
                <PasswordInput label={intl.formatMessage({ id: 'login.password' })} autoComplete="current-password" required {...form.getInputProps('password')} />
                <Button type="submit" loading={busy} fullWidth>
                  <FormattedMessage id="login.submit" />
                </Button>
                {sso ? (
                  <>
                    <Divider label={intl.formatMessage({ id: 'auth.sso.or' })} labelPosition="center" />
                    {/* A full page load: the identity provider's pages are not part of this app. */}
                    <Button
                      component="a"
                      href={sso.startUrl}
                      variant="default"
                      leftSection={<IconKey size={18} />}
                      fullWidth
                      h="auto"
                      mih={42}
                      py={8}
                      // A long provider label wraps instead of being cut off on a phone.
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                      data-testid="sso-button"
                    >
                      {sso.label}
                    </Button>
                  </>
                ) : null}
              </Stack>
            </form>
          )}
        </Paper>
      </Stack>
    </Center>
  );
}
