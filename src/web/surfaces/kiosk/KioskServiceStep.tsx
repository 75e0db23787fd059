import { Alert, Badge, Button, Center, Group, Loader, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowBack, IconClockHour4, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { fetchKioskState, nameIn, takeTicket, type KioskService, type KioskState, type KioskTicket } from './kiosk-api.js';

/** Services open now and not full, in plain words; closed and full ones say when to come back. */
export function KioskServiceStep({ centreId, token, onBack, onIssued }: { centreId: string; token: string; onBack: () => void; onIssued: (ticket: KioskTicket) => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const state = useQuery({ queryKey: ['kiosk', centreId, token], queryFn: () => fetchKioskState(centreId, token), enabled: token !== '' });
  // One Idempotency-Key per service until a ticket comes back: a retry after a lost answer gives the same ticket.
  const keys = useRef(new Map<string, string>());
  const issue = useMutation({
    mutationFn: (serviceId: string) => {
      if (!keys.current.has(serviceId)) keys.current.set(serviceId, crypto.randomUUID());
      return takeTicket(centreId, token, { serviceId, language: locale.code }, keys.current.get(serviceId)!);
    },
    onSuccess: (ticket) => {
      keys.current.clear();
      onIssued(ticket);
    },
    // Closed or full meanwhile: show the kiosk's fresh state.
    onError: () => void state.refetch(),
  });

  if (!token || (state.error instanceof ApiError && (state.error.status === 401 || state.error.status === 403))) {
    return (
      <Alert color="red" m="xl" title={<FormattedMessage id="kiosk.tokenRefused" />}>
        <FormattedMessage id="kiosk.tokenHelp" />
      </Alert>
    );
  }
  if (!state.data) {
    return (
      <Center mih="60vh">
        <Loader size="xl" aria-label={intl.formatMessage({ id: 'common.loading' })} />
      </Center>
    );
  }
  const data = state.data;
  const open = data.services.filter((service) => service.state === 'open');
  return (
    <Stack p="xl" gap="lg">
      <Group justify="space-between" className="kiosk-no-print">
        <Button size="xl" mih={64} variant="default" leftSection={<IconArrowBack size={28} style={{ transform: locale.dir === 'rtl' ? 'scaleX(-1)' : undefined }} />} onClick={onBack}>
          <FormattedMessage id="kiosk.changeLanguage" />
        </Button>
        <ListenButton lang={locale.code} size="xl" text={() => listenText(intl, data, open, locale.code)} />
      </Group>
      <Title order={1} fz={44}>
        <FormattedMessage id="kiosk.chooseService" />
      </Title>
      {!data.open ? <ClosedNotice data={data} /> : null}
      {issue.error ? (
        <Alert color="red" title={<FormattedMessage id="kiosk.issueFailed" />}>
          {intl.formatMessage({ id: refusalOf(issue.error) })}
        </Alert>
      ) : null}
      <SimpleGrid cols={2} spacing="md">
        {data.services.map((service) => (
          <ServiceButton key={service.id} service={service} data={data} disabled={issue.isPending} onChoose={() => issue.mutate(service.id)} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ServiceButton({ service, data, disabled, onChoose }: { service: KioskService; data: KioskState; disabled: boolean; onChoose: () => void }) {
  const { locale } = useLocale();
  const available = service.state === 'open';
  return (
    <UnstyledButton
      onClick={onChoose}
      disabled={!available || disabled}
      mih={112}
      p="lg"
      bg={available ? 'white' : 'gray.2'}
      style={{ borderRadius: 16, border: `3px solid var(--mantine-color-${available ? 'oneroof-6' : 'gray-4'})`, opacity: available ? 1 : 0.85 }}
      data-testid="kiosk-service"
    >
      <Stack justify="space-between" h="100%" gap="sm">
        <Stack gap={4}>
          <Text fz={28} fw={700} lh={1.2}>
            {nameIn(service.names, locale.code)}
          </Text>
          <Text fz={20} c="dark.4">
            {service.unitName}
          </Text>
        </Stack>
        {available ? (
          <Group gap="lg">
            <Group gap={6} wrap="nowrap">
              <IconUsers size={24} />
              <Text fz={22}>
                <FormattedMessage id="kiosk.waiting" values={{ count: service.waiting }} />
              </Text>
            </Group>
            {service.estimatedMinutes !== null ? (
              <Group gap={6} wrap="nowrap">
                <IconClockHour4 size={24} />
                <Text fz={22}>
                  <FormattedMessage id="kiosk.estimate" values={{ minutes: service.estimatedMinutes }} />
                </Text>
              </Group>
            ) : null}
          </Group>
        ) : (
          <Group gap="sm">
            <Badge size="xl" color={service.state === 'full' ? 'orange' : 'gray'} variant="filled">
              <FormattedMessage id={service.state === 'full' ? 'kiosk.full' : 'kiosk.closed'} />
            </Badge>
            {service.state === 'full' && data.nextOpening ? (
              <Text fz={18}>
                <NextOpening opening={data.nextOpening} />
              </Text>
            ) : null}
          </Group>
        )}
      </Stack>
    </UnstyledButton>
  );
}

function ClosedNotice({ data }: { data: KioskState }) {
  return (
    <Alert color="orange" variant="filled" title={<Text fz={32} fw={700}><FormattedMessage id="kiosk.closedNow" /></Text>}>
      <Text fz={26}>{data.nextOpening ? <NextOpening opening={data.nextOpening} /> : <FormattedMessage id="kiosk.noOpeningSoon" />}</Text>
    </Alert>
  );
}

/** "Opens on Tuesday, 24 November at 08:30": the day is a calendar date of the centre, shown as such. */
function NextOpening({ opening }: { opening: { date: string; time: string } }) {
  const intl = useIntl();
  const day = intl.formatDate(`${opening.date}T12:00:00Z`, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return <FormattedMessage id="kiosk.opensAt" values={{ day, time: opening.time }} />;
}

function listenText(intl: IntlShape, data: KioskState, open: KioskService[], language: string): string {
  if (!data.open) return intl.formatMessage({ id: 'kiosk.closedNow' });
  const names = open.map((service) => nameIn(service.names, language));
  return `${intl.formatMessage({ id: 'kiosk.chooseService' })}. ${names.join('. ')}`;
}

/** The engine's refusal in the person's language: the service filled up or the centre closed meanwhile. */
function refusalOf(error: Error): string {
  const reason = error instanceof ApiError && error.status === 409 ? error.fields[0]?.message : undefined;
  return reason === 'is full today' ? 'kiosk.fullToday' : reason === 'is closed now' ? 'kiosk.closedNow' : 'kiosk.tryAgain';
}
