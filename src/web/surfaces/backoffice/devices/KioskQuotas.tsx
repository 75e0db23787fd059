import { Alert, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { useLocalised } from '../../queue/queue-api.js';
import { deviceKeys, useQuotas, type DailyQuota } from './devices-api.js';
import { Loading } from '../../../ui/Loading.js';

/** How many tickets kiosks may hand out per service and day (reception is not bound by it). */
export function KioskQuotas({ centreId }: { centreId: string }) {
  const intl = useIntl();
  const quotas = useQuotas(centreId);
  if (quotas.isLoading) return <Loading />;
  if (quotas.error) return <Alert color="gray">{describeError(intl, quotas.error)}</Alert>;
  if (!quotas.data?.length) return null;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" data-testid="quota-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{intl.formatMessage({ id: 'devices.quotas.service' })}</Table.Th>
            <Table.Th>{intl.formatMessage({ id: 'devices.quotas.today' })}</Table.Th>
            <Table.Th>{intl.formatMessage({ id: 'devices.quotas.quota' })}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quotas.data.map((quota) => (
            <QuotaRow key={quota.serviceId} centreId={centreId} quota={quota} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function QuotaRow({ centreId, quota }: { centreId: string; quota: DailyQuota }) {
  const intl = useIntl();
  const localised = useLocalised();
  const client = useQueryClient();
  const [value, setValue] = useState<number | string>(quota.dailyQuota ?? '');
  const next = value === '' ? null : Number(value);
  const save = useApiMutation<unknown, void>({
    mutationFn: () => api.put(`/api/v1/services/${quota.serviceId}/daily-quota`, { dailyQuota: next }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deviceKeys.quotas(centreId) }),
  });
  const name = `${quota.ticketPrefix} · ${localised(quota.serviceNames)}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600}>{name}</Text>
        <Text size="xs" c="dimmed">
          {quota.unitName}
        </Text>
      </Table.Td>
      <Table.Td>{intl.formatNumber(quota.issuedToday)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={intl.formatMessage({ id: 'devices.quotas.quotaOf' }, { service: name })}
            placeholder={intl.formatMessage({ id: 'devices.quotas.none' })}
            min={1}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            value={value}
            onChange={setValue}
            w={130}
          />
          <Button size="xs" variant="light" disabled={next === quota.dailyQuota} loading={save.isPending} onClick={() => save.mutate()}>
            <FormattedMessage id="devices.quotas.save" />
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
