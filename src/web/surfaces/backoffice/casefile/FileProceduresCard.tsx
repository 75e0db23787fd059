import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { useServices } from '../network/network-api.js';
import { labelIn, useProcedures, useRefreshFile } from './casefile-api.js';
import { formatDateTime, UnitName, useMyUnits } from './file-helpers.js';
import { useUnitOptions } from './useUnitOptions.js';

/** The person's procedures the viewer may see; the owning unit moves them along their workflow. */
export function FileProceduresCard({ personId }: { personId: string }) {
  const intl = useIntl();
  const procedures = useProcedures(personId);
  const myUnits = useMyUnits('casefile.write');
  const unitOptions = useUnitOptions(myUnits);
  const refresh = useRefreshFile();
  const form = useForm({ initialValues: { unitId: myUnits[0] ?? '', serviceId: '' } });
  const services = useServices(form.values.unitId, false);
  const open = useApiMutation({
    form,
    successMessageId: 'casefile.procedures.opened',
    mutationFn: (values: { serviceId: string }) => api.post(`/api/v1/people/${personId}/procedures`, { serviceId: values.serviceId }),
    onSuccess: refresh,
  });
  const move = useMutation({
    mutationFn: ({ id, to }: { id: string; to: string }) => api.post(`/api/v1/procedures/${id}/transitions`, { to }),
    onSuccess: refresh,
    onError: (error) => notifications.show({ color: 'red', message: describeError(intl, error) }),
  });
  const list = procedures.data ?? [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.procedures.title" /></Title>
      <Stack gap="sm">
        {list.length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.procedures.empty" /></Text> : null}
        {list.map((procedure) => (
          <Card key={procedure.id} withBorder padding="sm">
            <Group justify="space-between">
              <Group gap="xs">
                <Text fw={600}><UnitName id={procedure.unitId} /></Text>
                <Badge color={procedure.final ? 'gray.7' : 'oneroof.7'}>{labelIn(procedure.stateLabels, intl.locale, procedure.state)}</Badge>
              </Group>
              <Text size="xs" c="gray.7"><FormattedMessage id="casefile.procedures.since" values={{ date: formatDateTime(intl.locale, procedure.updatedAt) }} /></Text>
            </Group>
            {myUnits.includes(procedure.unitId) && procedure.allowedMoves.length > 0 ? (
              <Group gap="xs" mt="xs">
                {procedure.allowedMoves.map((to) => (
                  <Button key={to} size="xs" variant="light" loading={move.isPending} onClick={() => move.mutate({ id: procedure.id, to })}>
                    {labelIn(procedure.moveLabels[to] ?? {}, intl.locale, to)}
                  </Button>
                ))}
              </Group>
            ) : null}
          </Card>
        ))}
        {myUnits.length > 0 ? (
          <form onSubmit={form.onSubmit((values) => open.mutate(values))}>
            <Group align="flex-end" grow>
              {myUnits.length > 1 ? <Select label={<FormattedMessage id="casefile.unit" />} data={unitOptions} allowDeselect={false} {...form.getInputProps('unitId')} /> : null}
              <Select
                label={<FormattedMessage id="casefile.procedures.service" />}
                required
                data={(services.data ?? []).map((s) => ({ value: s.id, label: labelIn(s.names, intl.locale, s.code) }))}
                {...form.getInputProps('serviceId')}
              />
              <Button type="submit" loading={open.isPending}><FormattedMessage id="casefile.procedures.open" /></Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
