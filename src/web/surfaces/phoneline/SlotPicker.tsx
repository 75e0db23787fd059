import { Button, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Availability } from './phone-api.js';

/** Day, then time: the free times of a service, in the centre's time zone; keyboard reachable chips. */
export function SlotPicker({ availability, loading, value, onChange }: { availability: Availability | undefined; loading: boolean; value: string | null; onChange: (startsAt: string) => void }) {
  const intl = useIntl();
  const [day, setDay] = useState<string | null>(null);
  if (loading) return <Loader size="sm" />;
  const days = availability?.days ?? [];
  if (days.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage id="phone.book.noTimes" />
      </Text>
    );
  }
  const chosenDay = days.find((one) => one.date === day) ?? days[0]!;
  const dayLabel = (date: string) => intl.formatDate(new Date(`${date}T12:00:00Z`), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        <FormattedMessage id="phone.book.day" />
      </Text>
      <ScrollArea type="auto" offsetScrollbars>
        <Group gap={6} wrap="nowrap">
          {days.map((one) => (
            <Button key={one.date} size="xs" variant={one.date === chosenDay.date ? 'filled' : 'default'} onClick={() => setDay(one.date)} aria-pressed={one.date === chosenDay.date} style={{ flexShrink: 0 }} data-testid="day">
              {dayLabel(one.date)}
            </Button>
          ))}
        </Group>
      </ScrollArea>
      <Text size="sm" fw={500}>
        <FormattedMessage id="phone.book.time" />
      </Text>
      <Group gap={6}>
        {chosenDay.slots.map((slot) => (
          <Button key={slot.startsAt} size="xs" radius="xl" variant={slot.startsAt === value ? 'filled' : 'light'} aria-pressed={slot.startsAt === value} onClick={() => onChange(slot.startsAt)} data-testid="slot">
            {slot.time} · {intl.formatMessage({ id: 'phone.book.free' }, { count: slot.free })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
