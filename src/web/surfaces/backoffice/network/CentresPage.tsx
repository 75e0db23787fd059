import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { CentreForm } from './CentreForm.js';
import { useCentres } from './network-api.js';
import { useNetworkLiveUpdates } from './network-live.js';

/** The centres the staff member works in; network-wide staff see all of them. */
export function CentresPage() {
  const intl = useIntl();
  const can = useCan();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, { open, close }] = useDisclosure(false);
  const centres = useCentres(showArchived);
  useNetworkLiveUpdates();
  // An empty placement is covered only by network-wide grants, as on the server.
  const mayCreate = can('network.manage_centres', {});

  return (
    <Stack>
      <PageHeader
        title={<FormattedMessage id="network.centres.title" />}
        description={<FormattedMessage id="network.centres.subtitle" />}
        actions={
          mayCreate ? (
            <Button leftSection={<IconPlus size={18} />} onClick={open}>
              <FormattedMessage id="network.centre.new" />
            </Button>
          ) : null
        }
      />
      <Switch checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} label={intl.formatMessage({ id: 'network.showArchived' })} />
      {centres.isLoading ? <Loader /> : null}
      {centres.error ? <Alert color="red">{describeError(intl, centres.error)}</Alert> : null}
      {centres.data && centres.data.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="network.centres.empty" />
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {centres.data?.map((centre) => (
          <Card key={centre.id} component={Link} to={`/office/network/centres/${centre.id}`} withBorder padding="lg" style={{ textDecoration: 'none' }}>
            <Stack gap={6}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <IconBuildingCommunity size={24} stroke={1.5} style={{ flexShrink: 0 }} />
                <Text fw={600}>{centre.name}</Text>
              </Group>
              <Group gap="xs">
                <Badge variant="outline" tt="none">
                  {centre.code}
                </Badge>
                <Badge variant="light" tt="none">
                  {intl.formatMessage({ id: `network.centreKind.${centre.kind}` })}
                </Badge>
                {centre.archivedAt ? (
                  <Badge color="gray" tt="none">
                    <FormattedMessage id="network.archived" />
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {[centre.address.city, centre.timeZone].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {creating ? <CentreForm opened={creating} onClose={close} onSaved={(centre) => void navigate(`/office/network/centres/${centre.id}`)} /> : null}
    </Stack>
  );
}
