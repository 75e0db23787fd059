import { ActionIcon, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendarWeek, IconPlus, IconTrash } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useRefreshNetwork, type OpeningInterval } from './network-api.js';
import { useWeekdayName } from './network-labels.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The weekly pattern of a centre, saved as a whole; the server names any bad row. */
export function WeeklyHoursEditor({ centreId, hours, editable }: { centreId: string; hours: OpeningInterval[]; editable: boolean }) {
  const intl = useIntl();
  const weekdayName = useWeekdayName();
  const refresh = useRefreshNetwork();
  const form = useForm<{ hours: OpeningInterval[] }>({ initialValues: { hours } });
  const save = useApiMutation<{ hours: OpeningInterval[] }, OpeningInterval[]>({
    form,
    successMessageId: 'network.saved',
    mutationFn: (rows) => api.put(`/api/v1/centres/${centreId}/opening-hours`, { hours: rows }),
    onSuccess: async (saved) => {
      form.setValues(saved);
      form.resetDirty(saved);
      await refresh();
    },
  });
  const weekdays = WEEKDAYS.map((weekday) => ({ value: String(weekday), label: weekdayName(weekday) }));

  function addInterval() {
    const last = form.values.hours.at(-1);
    const weekday = last ? (last.weekday % 7) + 1 : 1;
    form.insertListItem('hours', { weekday, opens: last?.opens ?? '08:30', closes: last?.closes ?? '18:30' });
  }

  function fillWorkingWeek() {
    form.setFieldValue('hours', [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '18:30' })));
  }

  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((values) => save.mutate(values.hours))} noValidate>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              <FormattedMessage id="network.hours.weekly" />
            </Title>
            {editable ? (
              <Button variant="subtle" size="xs" leftSection={<IconCalendarWeek size={16} />} onClick={fillWorkingWeek}>
                <FormattedMessage id="network.hours.fillWeek" />
              </Button>
            ) : null}
          </Group>
          {form.values.hours.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage id="network.hours.none" />
            </Text>
          ) : null}
          {form.values.hours.map((row, index) => (
            <Stack key={index} gap={4}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <Select
                  aria-label={intl.formatMessage({ id: 'network.hours.weekday' })}
                  label={index === 0 ? intl.formatMessage({ id: 'network.hours.weekday' }) : undefined}
                  data={weekdays}
                  allowDeselect={false}
                  disabled={!editable}
                  w={{ base: '100%', xs: 150 }}
                  value={String(row.weekday)}
                  error={form.errors[`hours.${index}.weekday`]}
                  onChange={(value) => form.setFieldValue(`hours.${index}.weekday`, Number(value))}
                />
                <TimeInput
                  label={index === 0 ? intl.formatMessage({ id: 'network.hours.opens' }) : undefined}
                  aria-label={intl.formatMessage({ id: 'network.hours.opens' })}
                  disabled={!editable}
                  style={{ flex: '1 1 90px' }}
                  maw={120}
                  {...form.getInputProps(`hours.${index}.opens`)}
                />
                <TimeInput
                  label={index === 0 ? intl.formatMessage({ id: 'network.hours.closes' }) : undefined}
                  aria-label={intl.formatMessage({ id: 'network.hours.closes' })}
                  disabled={!editable}
                  style={{ flex: '1 1 90px' }}
                  maw={120}
                  {...form.getInputProps(`hours.${index}.closes`)}
                />
                {editable ? (
                  <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={intl.formatMessage({ id: 'network.hours.remove' })} onClick={() => form.removeListItem('hours', index)}>
                    <IconTrash size={18} />
                  </ActionIcon>
                ) : null}
              </Group>
              {form.errors[`hours.${index}`] ? (
                <Text c="red" size="sm" role="alert">
                  {form.errors[`hours.${index}`]}
                </Text>
              ) : null}
            </Stack>
          ))}
          {editable ? (
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={addInterval}>
                <FormattedMessage id="network.hours.add" />
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                <FormattedMessage id="common.save" />
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
