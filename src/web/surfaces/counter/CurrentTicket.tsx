import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, FormattedTime } from 'react-intl';
import { api } from '../../app/api.js';
import { useLanguageName } from '../backoffice/network/network-labels.js';
import { queueKeys, useLocalised, type MyCounter, type Ticket, type TicketDetail } from '../queue/queue-api.js';
import { useCounterRequest } from './counter-actions.js';
import { CounterFilePanel } from './CounterFilePanel.js';
import { TicketActionModal, type TicketActionKind } from './TicketActionModal.js';

/** The ticket at the counter: who, what for, in which language, and what may be done with it now. */
export function CurrentTicket({ ticket, counter }: { ticket: Ticket; counter: MyCounter }) {
  const localised = useLocalised();
  const languageName = useLanguageName();
  const send = useCounterRequest();
  const [modal, setModal] = useState<TicketActionKind | null>(null);
  // The visit's details are personal data: the server audits this read.
  const detail = useQuery({ queryKey: queueKeys.ticket(ticket.id), queryFn: () => api.get<TicketDetail>(`/api/v1/queue/tickets/${ticket.id}`) });
  const visit = detail.data?.visit;
  const act = (action: string, body?: unknown) => send.mutate({ url: `/api/v1/queue/tickets/${ticket.id}/${action}`, body });
  const called = ticket.state === 'called';
  const noShowAllowed = called && ticket.callCount >= counter.noShowAfterCalls;

  return (
    <Card withBorder shadow="sm" data-testid="current-ticket">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2} fz={48} lh={1} data-testid="current-ticket-number">
              {ticket.number}
            </Title>
            <Text fw={600}>{localised(ticket.serviceNames)}</Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <Badge size="lg" color={called ? 'orange' : 'blue'}>
              <FormattedMessage id={`staffQueue.state.${ticket.state}`} />
            </Badge>
            <Text size="sm" c="dimmed">
              <FormattedMessage id="counter.calls" values={{ count: ticket.callCount }} />
            </Text>
          </Stack>
        </Group>
        {visit ? (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="light" color="gray">
                <FormattedMessage id="counter.language" values={{ language: languageName(visit.language) }} />
              </Badge>
              {visit.interpreterNeeded ? (
                <Badge color="grape">
                  <FormattedMessage id="staffQueue.interpreterNeeded" />
                </Badge>
              ) : null}
              {visit.priorityReasons.map((reason) => (
                <Badge key={reason} color={reason === 'emergency' ? 'red' : 'orange'} variant="light">
                  <FormattedMessage id={`staffQueue.priority.${reason}`} />
                </Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed">
              <FormattedMessage id="counter.purpose" />
            </Text>
            <Text>{visit.purpose || '—'}</Text>
            {detail.data && detail.data.notes.length > 0 ? (
              <>
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="counter.notes" />
                </Text>
                <List size="sm" spacing={2}>
                  {detail.data.notes.map((note) => (
                    <List.Item key={`${note.at}-${note.kind}`}>
                      <FormattedTime value={note.at} /> · <FormattedMessage id={`counter.noteKind.${note.kind}`} defaultMessage={note.kind} />: {note.note}
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </Stack>
        ) : null}
        {visit?.personId ? <CounterFilePanel personId={visit.personId} /> : null}
        <Group gap="xs">
          {called ? (
            <>
              <Button onClick={() => act('start')} loading={send.isPending}>
                <FormattedMessage id="counter.start" />
              </Button>
              <Button variant="light" onClick={() => act('recall')}>
                <FormattedMessage id="counter.recall" />
              </Button>
              <Button variant="light" color="red" disabled={!noShowAllowed} onClick={() => act('no-show')}>
                <FormattedMessage id="counter.noShow" />
              </Button>
            </>
          ) : (
            <Button color="green" onClick={() => setModal('end')}>
              <FormattedMessage id="counter.end" />
            </Button>
          )}
          <Button variant="default" onClick={() => setModal('transfer')}>
            <FormattedMessage id="counter.transfer" />
          </Button>
          <Button variant="default" onClick={() => setModal('park')}>
            <FormattedMessage id="counter.park" />
          </Button>
          <Button variant="subtle" color="red" onClick={() => setModal('cancel')}>
            <FormattedMessage id="counter.cancelTicket" />
          </Button>
        </Group>
        {called && !noShowAllowed ? (
          <Text size="xs" c="dimmed">
            <FormattedMessage id="counter.noShowAfter" values={{ count: counter.noShowAfterCalls }} />
          </Text>
        ) : null}
      </Stack>
      {modal ? <TicketActionModal kind={modal} ticket={ticket} centreId={counter.counter.centreId} onClose={() => setModal(null)} /> : null}
    </Card>
  );
}
