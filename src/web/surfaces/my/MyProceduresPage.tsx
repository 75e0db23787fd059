import { Alert, Box, Button, Center, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { describeError } from '../../ui/forms.js';
import { LanguagePicker } from '../../ui/LanguagePicker.js';
import { AccessForms } from './AccessForms.js';
import { storedSession, storeSession, takeHash, type Access, type MyProcedures } from './my-api.js';
import { MyView } from './MyView.js';
import { Loading } from '../../ui/Loading.js';

function initialAccess(): { access: Access | null; token?: string } {
  const hash = takeHash();
  if (hash.reference && hash.secret) return { access: { kind: 'reference', reference: hash.reference, secret: hash.secret } };
  if (hash.token) return { access: null, token: hash.token };
  const session = storedSession();
  return { access: session ? { kind: 'session', session } : null };
}

/** /my: "my procedures" on the person's phone — bookings, today's tickets, procedures; no sign-in. */
export function MyProceduresPage() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { locale } = useLocale();
  const [start] = useState(initialAccess);
  const [access, setAccess] = useState<Access | null>(start.access);
  const [linkError, setLinkError] = useState<unknown>(null);
  const [token, setToken] = useState(start.token);

  // A link opened while the page is already open (same tab) changes only the hash.
  useEffect(() => {
    const onHash = () => {
      const next = initialAccess();
      setLinkError(null);
      if (next.token) setToken(next.token);
      else if (next.access) setAccess(next.access);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!token) return;
    api
      .post<{ session: string; view: MyProcedures }>('/api/v1/public/my/redeem', { token, locale: locale.code })
      .then((redeemed) => {
        storeSession(redeemed.session);
        queryClient.setQueryData(['my', 'session', redeemed.session, locale.code], redeemed.view);
        setAccess({ kind: 'session', session: redeemed.session });
      })
      .catch(setLinkError)
      .finally(() => setToken(undefined));
  }, [token, queryClient, locale.code]);
  const redeeming = Boolean(token);

  const view = useQuery({
    queryKey: access?.kind === 'session' ? ['my', 'session', access.session, locale.code] : ['my', 'reference', access?.kind === 'reference' ? access.reference : '', locale.code],
    queryFn: () =>
      access!.kind === 'session'
        ? api.post<MyProcedures>('/api/v1/public/my/view', { session: access!.session, locale: locale.code })
        : api.post<MyProcedures>('/api/v1/public/my/by-reference', { reference: access!.reference, secret: access!.secret, locale: locale.code }),
    enabled: access !== null,
    retry: false,
    refetchInterval: 60_000,
  });
  const close = () => {
    storeSession(null);
    setAccess(null);
    queryClient.removeQueries({ queryKey: ['my'] });
  };
  const failed = view.error ?? linkError;

  return (
    <Box mih="100vh" bg="gray.0">
      <Container size={560} px="md" py="md">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text fw={700} c="oneroof.7">
            OneRoof
          </Text>
          <Box style={{ flexShrink: 0 }}>
            <LanguagePicker />
          </Box>
        </Group>
        <Stack gap="md" component="main">
          <Title order={1} size="h2">
            <FormattedMessage id="procedures.title" />
          </Title>
          {failed ? (
            <Alert color="red" title={intl.formatMessage({ id: 'procedures.failed' })} data-testid="my-error">
              {failed instanceof ApiError && failed.status === 404 ? intl.formatMessage({ id: linkError ? 'procedures.linkGone' : 'procedures.notFound' }) : describeError(intl, failed)}
            </Alert>
          ) : null}
          {redeeming || (access && view.isPending) ? (
            <Center py="xl">
              <Loading />
            </Center>
          ) : access && view.data ? (
            <>
              <MyView view={view.data} onChanged={() => void view.refetch()} />
              <Button variant="default" mih={48} onClick={close}>
                <FormattedMessage id="procedures.close" />
              </Button>
            </>
          ) : (
            <>
              <Text>
                <FormattedMessage id="procedures.intro" />
              </Text>
              <AccessForms
                onReference={(reference, secret) => {
                  setLinkError(null);
                  setAccess({ kind: 'reference', reference, secret });
                }}
              />
            </>
          )}
        </Stack>
      </Container>
    </Box>
  );
}
