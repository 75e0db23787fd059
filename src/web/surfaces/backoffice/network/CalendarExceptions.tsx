import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { ExceptionForm } from './ExceptionForm.js';
import { useRefreshNetwork, type CalendarException } from './network-api.js';
import { useDayFormatter } from './network-labels.js';

const KIND_COLOURS = { holiday: 'grape', closed: 'red', special_hours: 'yellow' } as const;

/** Coming holidays, closed days and days with special hours of a centre. */
export function CalendarExceptions({ centreId, exceptions, editable }: { centreId: string; exceptions: CalendarException[]; editable: boolean }) {
  const intl = useIntl();
  const formatDay = useDayFormatter();
  const refresh = useRefreshNetwork();
  const [editing, setEditing] = useState<CalendarException | 'new' | null>(null);
  const remove = useApiMutation<unknown, string>({
    successMessageId: 'network.deleted',
    mutationFn: (id) => api.delete(`/api/v1/centres/${centreId}/exceptions/${id}`),
    onSuccess: () => refresh(),
  });

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            <FormattedMessage id="network.exceptions.title" />
          </Title>
          {editable ? (
            <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              <FormattedMessage id="network.exceptions.new" />
            </Button>
          ) : null}
        </Group>
        {exceptions.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="network.exceptions.none" />
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {exceptions.map((exception) => (
                  <Table.Tr key={exception.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(exception.date)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge variant="light" color={KIND_COLOURS[exception.kind]} tt="none">
                        {intl.formatMessage({ id: `network.exceptionKind.${exception.kind}` })}
                      </Badge>
                      {exception.opens && exception.closes ? (
                        <Text span size="sm" ms="xs" dir="ltr">
                          {exception.opens}–{exception.closes}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{exception.label}</Table.Td>
                    {editable ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon variant="subtle" aria-label={intl.formatMessage({ id: 'common.edit' })} onClick={() => setEditing(exception)}>
                            <IconPencil size={18} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={intl.formatMessage({ id: 'common.delete' })} loading={remove.isPending && remove.variables === exception.id} onClick={() => remove.mutate(exception.id)}>
                            <IconTrash size={18} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing ? <ExceptionForm centreId={centreId} exception={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
