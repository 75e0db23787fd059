import { Alert, Button, Center, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { addDays, fetchAvailability, todayIn, type FreeSlot } from './portal-api.js';

const DAYS_SHOWN = 3;
/** One request covers the whole window the API allows (62 days). */
const RANGE_DAYS = 61;

export const availabilityKey = (centreId: string, serviceId: string) => ['portal-availability', centreId, serviceId];

/**
 * The next days that still have free times, a few at a time — never an empty calendar to search.
 * `empty` is shown when no time is free at all (the waiting list).
 */
export function SlotPicker({ centreId, serviceId, timeZone, onPick, busyAt, empty, exclude }: { centreId: string; serviceId: string; timeZone: string; onPick: (slot: FreeSlot) => void; busyAt?: string | null; empty?: ReactNode; exclude?: string }) {
  const intl = useIntl();
  const [shown, setShown] = useState(DAYS_SHOWN);
  const today = todayIn(timeZone);
  const availability = useQuery({ queryKey: availabilityKey(centreId, serviceId), queryFn: () => fetchAvailability(centreId, serviceId, today, addDays(today, RANGE_DAYS)) });
  if (availability.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={intl.formatMessage({ id: 'portal.loading' })} />
      </Center>
    );
  }
  if (availability.error) {
    return (
      <Alert color="red" title={intl.formatMessage({ id: 'portal.error.title' })}>
        <FormattedMessage id="portal.error.load" />
      </Alert>
    );
  }
  const days = availability.data.days.map((day) => ({ ...day, slots: day.slots.filter((slot) => slot.startsAt !== exclude) })).filter((day) => day.slots.length > 0);
  if (days.length === 0) return <>{empty}</>;
  const dayLabel = (date: string) => intl.formatDate(new Date(`${date}T12:00:00Z`), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <Stack gap="md" data-testid="slot-picker">
      {days.slice(0, shown).map((day) => (
        <Paper key={day.date} p="md" radius="lg" withBorder>
          <Title order={3} size="h4" mb="sm">
            {dayLabel(day.date)}
          </Title>
          <SimpleGrid cols={3} spacing="xs">
            {day.slots.map((slot) => (
              <Button
                key={slot.startsAt}
                size="lg"
                variant="default"
                mih={52}
                loading={busyAt === slot.startsAt}
                disabled={Boolean(busyAt)}
                onClick={() => onPick(slot)}
                aria-label={`${dayLabel(day.date)}, ${intl.formatTime(new Date(slot.startsAt), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`}
                data-testid="free-time"
                data-starts-at={slot.startsAt}
              >
                {intl.formatTime(new Date(slot.startsAt), { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
              </Button>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      {days.length > shown ? (
        <Button size="lg" variant="subtle" onClick={() => setShown((count) => count + DAYS_SHOWN)}>
          <FormattedMessage id="portal.time.moreDays" />
        </Button>
      ) : null}
      <Text size="sm" c="gray.7">
        <FormattedMessage id="portal.time.timeZoneNote" values={{ zone: timeZone }} />
      </Text>
    </Stack>
  );
}
