import { Badge, Card, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { FormattedMessage, FormattedTime } from 'react-intl';
import { useLanguageName } from '../backoffice/network/network-labels.js';
import { useLocalised, type TicketState } from '../queue/queue-api.js';
import { useTodayVisits } from './reception-api.js';

export const STATE_COLOURS: Record<TicketState, string> = {
  pending: 'gray',
  waiting: 'blue',
  called: 'orange',
  serving: 'teal',
  parked: 'yellow',
  done: 'green',
  no_show: 'red',
  transferred: 'grape',
  cancelled: 'gray',
};

/** Today's visits issued at reception, newest first, with the live state of each ticket. */
export function TodayVisits({ centreId }: { centreId: string }) {
  const visits = useTodayVisits(centreId);
  const localised = useLocalised();
  const languageName = useLanguageName();
  return (
    <Card withBorder data-testid="today-visits">
      <Text fw={600} mb="xs">
        <FormattedMessage id="reception.today" values={{ count: visits.data?.items.length ?? 0 }} />
      </Text>
      {visits.isLoading ? (
        <Center p="md">
          <Loader size="sm" />
        </Center>
      ) : visits.data?.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          <FormattedMessage id="reception.noVisitsYet" />
        </Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100vh - 180px)">
          <Stack gap="xs">
            {visits.data?.items.map((visit) => (
              <Card key={visit.id} withBorder padding="xs">
                <Group justify="space-between" gap={4}>
                  <Text size="xs" c="dimmed">
                    <FormattedTime value={visit.createdAt} /> · {languageName(visit.language)}
                  </Text>
                  {visit.interpreterNeeded ? (
                    <Badge size="xs" color="grape">
                      <FormattedMessage id="staffQueue.interpreterNeeded" />
                    </Badge>
                  ) : null}
                </Group>
                <Stack gap={2} mt={4}>
                  {visit.tickets.map((ticket) => (
                    <Group key={ticket.id} gap="xs" wrap="nowrap">
                      <Text fw={700} miw={48}>
                        {ticket.number}
                      </Text>
                      <Text size="sm" truncate style={{ flex: 1 }}>
                        {localised(ticket.serviceNames)}
                      </Text>
                      <Badge size="sm" variant="light" color={STATE_COLOURS[ticket.state]}>
                        <FormattedMessage id={`staffQueue.state.${ticket.state}`} />
                      </Badge>
                    </Group>
                  ))}
                </Stack>
              </Card>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
