import { Alert, Box, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { useParams } from 'react-router';
import { findLocale } from '../../../shared/locales.js';
import { api, ApiError } from '../../app/api.js';
import { useLocale } from '../../app/i18n.js';
import { useRealtime } from '../../app/realtime.js';
import { LanguagePicker } from '../../ui/LanguagePicker.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { spellOut } from '../../ui/speech.js';
import { TicketAlert } from './TicketAlert.js';
import { Loading } from '../../ui/Loading.js';

/** GET /api/v1/public/tickets/:code (docs/queue.md): nothing personal, only the place in line. */
interface PublicTicket {
  number: string;
  serviceNames: Record<string, string>;
  centreName: string;
  language: string;
  state: 'pending' | 'waiting' | 'called' | 'serving' | 'parked' | 'done' | 'no_show' | 'transferred' | 'cancelled';
  ahead: number | null;
  estimatedMinutes: number | null;
  counterLabel: string | null;
  calledAt: string | null;
  nextServices: Record<string, string>[];
}

/** Every moment the ticket's stream may carry: any of them can move the place in line. */
const QUEUE_EVENTS = ['issued', 'queued', 'called', 'recalled', 'started', 'ended', 'transferred', 'parked', 'resumed', 'no_show', 'cancelled']
  .map((kind) => `queue.ticket_${kind}`)
  .concat(['queue.counter_changed', 'queue.policy_changed', 'open', 'reset']);

const nameIn = (names: Record<string, string>, language: string) => names[language] ?? names.pt ?? Object.values(names)[0] ?? '';

/** The virtual queue on the person's phone (/t/:code): place, wait and "your turn", live. */
export function TicketPage() {
  const { code = '' } = useParams();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const queryKey = ['public-ticket', code];
  const ticket = useQuery({ queryKey, queryFn: () => api.get<PublicTicket>(`/api/v1/public/tickets/${encodeURIComponent(code)}`) });
  useTicketLanguage(code, ticket.data?.language);
  useRealtime(QUEUE_EVENTS, () => void queryClient.invalidateQueries({ queryKey }), `/api/v1/public/tickets/${encodeURIComponent(code)}/stream`);
  useBuzzWhenCalled(ticket.data?.state);

  const data = ticket.data;
  return (
    <Box mih="100vh" bg={data?.state === 'called' ? 'green.8' : 'gray.0'}>
      <Container size={480} px="md" py="md">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Text fw={700} c={data?.state === 'called' ? 'white' : 'oneroof.7'}>
            {data?.centreName ?? 'OneRoof'}
          </Text>
          <Box style={{ flexShrink: 0 }}>
            <LanguagePicker />
          </Box>
        </Group>
        {ticket.isPending ? (
          <Center py="xl">
            <Loading />
          </Center>
        ) : ticket.error ? (
          <Alert color="red" title={intl.formatMessage({ id: 'ticket.notFound' })}>
            {ticket.error instanceof ApiError && ticket.error.status === 404 ? intl.formatMessage({ id: 'ticket.notFoundHelp' }) : intl.formatMessage({ id: 'ticket.loadFailed' })}
          </Alert>
        ) : data ? (
          <TicketStatus ticket={data} code={code} />
        ) : null}
      </Container>
    </Box>
  );
}

function TicketStatus({ ticket, code }: { ticket: PublicTicket; code: string }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const service = nameIn(ticket.serviceNames, locale.code);
  const called = ticket.state === 'called';
  const status = statusText(intl, ticket);
  return (
    <Stack gap="lg" data-testid="ticket-status" data-state={ticket.state}>
      {called ? (
        <Paper p="xl" radius="lg" bg="white" ta="center" role="alert">
          <Title order={1} fz={40}>
            <FormattedMessage id="ticket.yourTurn" />
          </Title>
          <Text fz={28} mt="sm">
            <FormattedMessage id="ticket.goToCounter" values={{ counter: ticket.counterLabel ?? '' }} />
          </Text>
          <Text fz={96} fw={800} lh={1} mt="md" c="green.9">
            {ticket.counterLabel}
          </Text>
        </Paper>
      ) : null}
      <Paper p="lg" radius="lg" withBorder ta="center">
        <Text size="lg">
          <FormattedMessage id="ticket.yourNumber" />
        </Text>
        <Text fz={72} fw={800} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {ticket.number}
        </Text>
        <Text size="lg" mt="xs">
          {service}
        </Text>
      </Paper>
      <Paper p="lg" radius="lg" withBorder aria-live="polite" display={called ? 'none' : undefined}>
        <Text fz={24} fw={700} ta="center">
          {status}
        </Text>
        {ticket.nextServices.length > 0 ? (
          <Text mt="sm" ta="center" c="dimmed">
            <FormattedMessage id="ticket.nextServices" values={{ services: intl.formatList(ticket.nextServices.map((names) => nameIn(names, locale.code))) }} />
          </Text>
        ) : null}
      </Paper>
      {called ? null : <TicketAlert code={code} />}
      <Box c={called ? 'white' : undefined}>
        <ListenButton lang={locale.code} text={() => `${intl.formatMessage({ id: 'ticket.yourNumber' })} ${spellOut(ticket.number)}. ${service}. ${status}`} />
      </Box>
      <Text size="sm" c={called ? 'white' : 'gray.7'} ta="center">
        <FormattedMessage id="ticket.liveNote" />
      </Text>
    </Stack>
  );
}

function statusText(intl: IntlShape, ticket: PublicTicket): string {
  switch (ticket.state) {
    case 'waiting':
      if (ticket.estimatedMinutes === null) return intl.formatMessage({ id: 'ticket.waitingNoCounter' }, { ahead: ticket.ahead ?? 0 });
      return intl.formatMessage({ id: 'ticket.waiting' }, { ahead: ticket.ahead ?? 0, minutes: ticket.estimatedMinutes });
    case 'called':
      return intl.formatMessage({ id: 'ticket.goToCounter' }, { counter: ticket.counterLabel ?? '' });
    case 'serving':
      return intl.formatMessage({ id: 'ticket.serving' }, { counter: ticket.counterLabel ?? '' });
    default:
      return intl.formatMessage({ id: `ticket.state.${ticket.state}` });
  }
}

/** The page opens in the ticket's language (the visit's), once; the person may switch afterwards. */
function useTicketLanguage(code: string, language: string | undefined) {
  const { setLocale } = useLocale();
  useEffect(() => {
    const key = `oneroof.ticket-language.${code}`;
    if (!language || sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, language);
    if (findLocale(language)) setLocale(language);
  }, [code, language, setLocale]);
}

/** A phone in a pocket: vibrate when the ticket is called. */
function useBuzzWhenCalled(state: PublicTicket['state'] | undefined) {
  const previous = useRef(state);
  useEffect(() => {
    if (state === 'called' && previous.current !== undefined && previous.current !== 'called') navigator.vibrate?.([300, 150, 300]);
    previous.current = state;
  }, [state]);
}
