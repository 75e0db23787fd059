import { Badge, Card, Center, Loader, Table, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocalised, type WaitingTicket } from '../queue/queue-api.js';

/** Who waits for this counter's services, in call order, with waiting time and estimate (live). */
export function WaitingList({ waiting, loading }: { waiting: WaitingTicket[]; loading: boolean }) {
  const localised = useLocalised();
  const intl = useIntl();
  return (
    <Card withBorder data-testid="waiting-list">
      <Text fw={600} mb="xs">
        <FormattedMessage id="counter.waiting" values={{ count: waiting.length }} />
      </Text>
      {loading ? (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      ) : waiting.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          <FormattedMessage id="counter.nobodyWaiting" />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="staffQueue.ticket" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="staffQueue.service" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="counter.waited" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="counter.estimate" />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waiting.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Text fw={700} span>
                      {ticket.number}
                    </Text>
                    {ticket.priorityClass !== 'normal' ? (
                      <Badge ms={6} size="xs" color={ticket.priorityClass === 'emergency' ? 'red' : 'orange'}>
                        <FormattedMessage id={`staffQueue.class.${ticket.priorityClass}`} />
                      </Badge>
                    ) : null}
                    {ticket.appointmentDueAt ? (
                      <Badge ms={6} size="xs" color="blue" data-testid="appointment-badge">
                        <FormattedMessage id="checkin.counter.appointment" values={{ time: intl.formatTime(new Date(ticket.appointmentDueAt), { timeStyle: 'short' }) }} />
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{localised(ticket.serviceNames)}</Table.Td>
                  <Table.Td>
                    <FormattedMessage id="staffQueue.minutes" values={{ minutes: ticket.waitedMinutes }} />
                  </Table.Td>
                  <Table.Td>
                    {ticket.estimatedMinutes === null ? (
                      <FormattedMessage id="staffQueue.noCounterOpen" />
                    ) : (
                      <FormattedMessage id="staffQueue.minutes" values={{ minutes: ticket.estimatedMinutes }} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
