import { ActionIcon, Badge, Button, Card, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ArchiveButton } from './ArchiveButton.js';
import { useNetwork, useServices, type Service } from './network-api.js';
import { pickName } from './network-labels.js';
import { ServiceForm } from './ServiceForm.js';

/** What people can come to a unit for: ticket prefix, name, typical duration and languages. */
export function ServicesPanel({ unitId, editable }: { unitId: string; editable: boolean }) {
  const intl = useIntl();
  const network = useNetwork();
  const hostLanguage = network.data?.hostLanguage ?? 'pt';
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const services = useServices(unitId, showArchived);

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            <FormattedMessage id="network.services.title" />
          </Title>
          <Group gap="sm">
            <Switch size="sm" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} label={intl.formatMessage({ id: 'network.showArchived' })} />
            {editable ? (
              <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                <FormattedMessage id="network.service.new" />
              </Button>
            ) : null}
          </Group>
        </Group>
        {services.isLoading ? <Loader size="sm" /> : null}
        {services.data?.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="network.services.empty" />
          </Text>
        ) : null}
        {services.data && services.data.length > 0 ? (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <FormattedMessage id="network.field.ticketPrefix" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="network.field.name" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="network.field.typicalMinutes" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="network.field.languages" />
                  </Table.Th>
                  {editable ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.data.map((service) => (
                  <Table.Tr key={service.id} opacity={service.archivedAt ? 0.6 : 1}>
                    <Table.Td>
                      <Badge size="lg" variant="filled" tt="none">
                        {service.ticketPrefix}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text>{pickName(service.names, intl.locale, hostLanguage)}</Text>
                      <Text size="xs" c="dimmed">
                        {service.code}
                        {service.requiredDocuments.length > 0 ? ` · ${intl.formatMessage({ id: 'network.services.documentCount' }, { count: service.requiredDocuments.length })}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{intl.formatMessage({ id: 'network.services.minutes' }, { minutes: service.typicalMinutes })}</Table.Td>
                    <Table.Td>{service.languages.join(', ')}</Table.Td>
                    {editable ? (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon variant="subtle" aria-label={intl.formatMessage({ id: 'common.edit' })} onClick={() => setEditing(service)}>
                            <IconPencil size={18} />
                          </ActionIcon>
                          <ArchiveButton size="xs" path={`/api/v1/services/${service.id}`} archived={Boolean(service.archivedAt)} name={pickName(service.names, intl.locale, hostLanguage)} />
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      {editing ? <ServiceForm unitId={unitId} hostLanguage={hostLanguage} service={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
