import { ActionIcon, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ArchiveButton } from './ArchiveButton.js';
import { CounterForm } from './CounterForm.js';
import { useCentreServices, useCounters, useNetwork, type Counter } from './network-api.js';
import { pickName } from './network-labels.js';

/** The desks of a unit and the services each one can call people for. */
export function CountersPanel({ unitId, centreId, editable }: { unitId: string; centreId: string; editable: boolean }) {
  const intl = useIntl();
  const hostLanguage = useNetwork().data?.hostLanguage ?? 'pt';
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Counter | 'new' | null>(null);
  const counters = useCounters(unitId, showArchived);
  const centreServices = useCentreServices(centreId);
  const serviceById = new Map((centreServices.data ?? []).map((service) => [service.id, service]));

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            <FormattedMessage id="network.counters.title" />
          </Title>
          <Group gap="sm">
            <Switch size="sm" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} label={intl.formatMessage({ id: 'network.showArchived' })} />
            {editable ? (
              <Button size="xs" leftSection={<IconPlus size={16} />} disabled={!centreServices.data} onClick={() => setEditing('new')}>
                <FormattedMessage id="network.counter.new" />
              </Button>
            ) : null}
          </Group>
        </Group>
        {counters.isLoading ? <Loader size="sm" /> : null}
        {counters.data?.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="network.counters.empty" />
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {counters.data?.map((counter) => (
            <Card key={counter.id} withBorder padding="sm" opacity={counter.archivedAt ? 0.6 : 1}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={700} size="lg">
                    <FormattedMessage id="network.counter.name" values={{ label: counter.label }} />
                  </Text>
                  {editable ? (
                    <ActionIcon variant="subtle" aria-label={intl.formatMessage({ id: 'common.edit' })} onClick={() => setEditing(counter)} disabled={!centreServices.data}>
                      <IconPencil size={18} />
                    </ActionIcon>
                  ) : null}
                </Group>
                {counter.location ? (
                  <Text size="sm" c="dimmed">
                    {counter.location}
                  </Text>
                ) : null}
                <Group gap={4}>
                  {counter.serviceIds.map((id) => {
                    const service = serviceById.get(id);
                    return service ? (
                      <Badge key={id} variant="light" tt="none" title={pickName(service.names, intl.locale, hostLanguage)}>
                        {service.ticketPrefix}
                      </Badge>
                    ) : null;
                  })}
                </Group>
                {counter.breaks.length > 0 ? (
                  <Text size="sm" c="dimmed">
                    {counter.breaks.map((planned) => intl.formatMessage({ id: 'network.counter.breakShown' }, { starts: planned.starts, ends: planned.ends })).join(' · ')}
                  </Text>
                ) : null}
                {editable ? (
                  <Group>
                    <ArchiveButton size="xs" path={`/api/v1/counters/${counter.id}`} archived={Boolean(counter.archivedAt)} name={counter.label} />
                  </Group>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
      {editing && centreServices.data ? (
        <CounterForm unitId={unitId} counter={editing === 'new' ? undefined : editing} centreServices={centreServices.data} hostLanguage={hostLanguage} onClose={() => setEditing(null)} />
      ) : null}
    </Card>
  );
}
