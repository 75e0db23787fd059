import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MyCounter } from '../queue/queue-api.js';
import { CounterStateBadge } from './CounterStateBadge.js';

/** The counters one may serve at, grouped by unit; choosing one is remembered on this device. */
export function CounterPicker({ counters, onChoose }: { counters: MyCounter[]; onChoose: (counterId: string) => void }) {
  const intl = useIntl();
  const units = [...new Map(counters.map((item) => [item.counter.unitId, item])).values()];
  return (
    <Stack maw={960} mx="auto">
      <Title order={2} size="h3">
        <FormattedMessage id="counter.choose.title" />
      </Title>
      {counters.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="counter.choose.none" />
        </Text>
      ) : null}
      {units.map((unit) => (
        <Stack key={unit.counter.unitId} gap="xs">
          <Text fw={600}>
            {unit.unitName} <Text span c="dimmed" size="sm">· {unit.centreName}</Text>
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }}>
            {counters
              .filter((item) => item.counter.unitId === unit.counter.unitId)
              .map((item) => (
                <Card key={item.counter.counterId} withBorder padding="sm">
                  <Stack gap={6} align="flex-start">
                    <Group gap="xs">
                      <Text fw={700} size="lg">
                        <FormattedMessage id="counter.label" values={{ label: item.counter.label }} />
                      </Text>
                      {item.counter.activeTicket ? <Badge variant="light">{item.counter.activeTicket.number}</Badge> : null}
                    </Group>
                    <CounterStateBadge state={item.counter.state} />
                    <Button size="xs" onClick={() => onChoose(item.counter.counterId)} aria-label={intl.formatMessage({ id: 'counter.choose.useLabel' }, { label: item.counter.label })}>
                      <FormattedMessage id="counter.choose.use" />
                    </Button>
                  </Stack>
                </Card>
              ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
