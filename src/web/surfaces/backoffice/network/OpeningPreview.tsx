import { Badge, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { networkKeys } from './network-api.js';
import { useDayFormatter } from './network-labels.js';

interface OpeningDay {
  date: string;
  open: boolean;
  source: 'week' | 'holiday' | 'closed' | 'special_hours';
  label: string;
  intervals: { opens: string; closes: string }[];
}

const DAYS_SHOWN = 14;

/** Today in a time zone, as 'YYYY-MM-DD' (the en-CA format is exactly that). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The next two weeks as people will find the centre: the weekly pattern with exceptions applied. */
export function OpeningPreview({ centreId, timeZone }: { centreId: string; timeZone: string }) {
  const intl = useIntl();
  const formatDay = useDayFormatter(true);
  const from = todayIn(timeZone);
  const to = plusDays(from, DAYS_SHOWN - 1);
  const opening = useQuery({
    queryKey: [...networkKeys.centre(centreId), 'opening', from],
    queryFn: () => api.get<{ days: OpeningDay[] }>(`/api/v1/centres/${centreId}/opening?from=${from}&to=${to}`),
  });

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          <FormattedMessage id="network.opening.title" />
        </Title>
        {opening.isLoading ? <Loader size="sm" /> : null}
        {opening.data ? (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {opening.data.days.map((day) => (
                <Table.Tr key={day.date}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(day.date)}</Table.Td>
                  <Table.Td>
                    {day.open ? (
                      <Text size="sm" dir="ltr" ta="start" style={{ whiteSpace: 'nowrap' }}>
                        {day.intervals.map((interval) => `${interval.opens}–${interval.closes}`).join(', ')}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        <FormattedMessage id="network.opening.closed" />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {day.source !== 'week' ? (
                      <Group gap={4}>
                        <Badge size="sm" variant="light" tt="none">
                          {intl.formatMessage({ id: `network.exceptionKind.${day.source}` })}
                        </Badge>
                        <Text size="sm">{day.label}</Text>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Card>
  );
}
