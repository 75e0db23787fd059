import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useLocalised, type Ticket } from '../queue/queue-api.js';
import { useCounterRequest } from './counter-actions.js';

/** Tickets put aside (the person fetches a document): any counter serving the service calls them back. */
export function ParkedList({ parked, counterId, canResume }: { parked: Ticket[]; counterId: string; canResume: boolean }) {
  const localised = useLocalised();
  const send = useCounterRequest();
  if (parked.length === 0) return null;
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        <FormattedMessage id="counter.parked" />
      </Text>
      <Stack gap="xs">
        {parked.map((ticket) => (
          <Group key={ticket.id} justify="space-between">
            <Text>
              <Text span fw={700}>
                {ticket.number}
              </Text>{' '}
              · {localised(ticket.serviceNames)}
            </Text>
            <Button size="xs" variant="light" disabled={!canResume} onClick={() => send.mutate({ url: `/api/v1/queue/tickets/${ticket.id}/resume`, body: { counterId } })}>
              <FormattedMessage id="counter.resume" />
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
