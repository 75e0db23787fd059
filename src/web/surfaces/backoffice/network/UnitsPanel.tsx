import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { describeError } from '../../../ui/forms.js';
import { useUnits } from './network-api.js';
import { UNIT_KINDS, UnitForm } from './UnitForm.js';

/** The units under a centre's roof, grouped by kind. */
export function UnitsPanel({ centreId, editable }: { centreId: string; editable: boolean }) {
  const intl = useIntl();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const units = useUnits(centreId, showArchived);

  return (
    <Stack>
      <Group justify="space-between">
        <Switch checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} label={intl.formatMessage({ id: 'network.showArchived' })} />
        {editable ? (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            <FormattedMessage id="network.unit.new" />
          </Button>
        ) : null}
      </Group>
      {units.isLoading ? <Loader /> : null}
      {units.error ? <Alert color="red">{describeError(intl, units.error)}</Alert> : null}
      {units.data && units.data.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="network.units.empty" />
        </Text>
      ) : null}
      {UNIT_KINDS.map((kind) => {
        const ofKind = units.data?.filter((unit) => unit.kind === kind) ?? [];
        if (ofKind.length === 0) return null;
        return (
          <Stack key={kind} gap="xs">
            <Title order={2} size="h4">
              {intl.formatMessage({ id: `network.unitKindPlural.${kind}` })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {ofKind.map((unit) => (
                <Card key={unit.id} component={Link} to={`/office/network/units/${unit.id}`} withBorder padding="md" style={{ textDecoration: 'none' }}>
                  <Stack gap={4}>
                    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                      <Text fw={600}>{unit.name}</Text>
                      <Badge variant="outline" tt="none" style={{ flexShrink: 0 }}>
                        {unit.code}
                      </Badge>
                    </Group>
                    {unit.organisation ? (
                      <Text size="sm" c="dimmed">
                        {unit.organisation}
                      </Text>
                    ) : null}
                    {unit.location ? <Text size="sm">{unit.location}</Text> : null}
                    {unit.archivedAt ? (
                      <Badge color="gray" tt="none">
                        <FormattedMessage id="network.archived" />
                      </Badge>
                    ) : null}
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        );
      })}
      {creating ? <UnitForm centreId={centreId} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
