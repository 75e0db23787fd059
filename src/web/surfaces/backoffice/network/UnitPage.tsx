import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { UnitCaseFileAdmin } from '../casefile/admin/UnitCaseFileAdmin.js';
import { ArchiveButton } from './ArchiveButton.js';
import { Detail } from './CentrePage.js';
import { CountersPanel } from './CountersPanel.js';
import { useUnit } from './network-api.js';
import { useNetworkLiveUpdates } from './network-live.js';
import { ServicesPanel } from './ServicesPanel.js';
import { UnitForm } from './UnitForm.js';
import { RecordHeader } from './RecordHeader.js';

/** One unit of a centre: its details, the services it offers and its counters. */
export function UnitPage() {
  const { unitId = '' } = useParams();
  const intl = useIntl();
  const can = useCan();
  const unit = useUnit(unitId);
  const [editing, setEditing] = useState(false);
  useNetworkLiveUpdates();

  if (unit.isLoading) return <Loader />;
  if (!unit.data) return <Alert color="red">{describeError(intl, unit.error)}</Alert>;
  const data = unit.data;
  const mayManageUnit = can('network.manage_units', { centreId: data.centreId });
  const mayManageServices = can('network.manage_services', { centreId: data.centreId, unitId: data.id });
  const mayManageForms = can('casefile.manage_forms', { centreId: data.centreId, unitId: data.id });

  return (
    <Stack>
      <Anchor component={Link} to={`/office/network/centres/${data.centreId}?tab=units`} size="sm">
        <FormattedMessage id="network.unit.back" />
      </Anchor>
      <RecordHeader name={data.name} code={data.code} kindLabel={intl.formatMessage({ id: `network.unitKind.${data.kind}` })} archived={Boolean(data.archivedAt)} />
      <Card withBorder>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Detail label={<FormattedMessage id="network.field.organisation" />}>{data.organisation || intl.formatMessage({ id: 'common.none' })}</Detail>
            <Detail label={<FormattedMessage id="network.field.location" />}>{data.location || intl.formatMessage({ id: 'common.none' })}</Detail>
          </SimpleGrid>
          {mayManageUnit ? (
            <Group>
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                <FormattedMessage id="common.edit" />
              </Button>
              <ArchiveButton size="md" path={`/api/v1/units/${data.id}`} archived={Boolean(data.archivedAt)} name={data.name} />
            </Group>
          ) : null}
        </Stack>
      </Card>
      <ServicesPanel unitId={data.id} editable={mayManageServices} />
      <CountersPanel unitId={data.id} centreId={data.centreId} editable={mayManageServices} />
      {mayManageForms ? <UnitCaseFileAdmin unitId={data.id} /> : null}
      {editing ? <UnitForm centreId={data.centreId} unit={data} onClose={() => setEditing(false)} /> : null}
    </Stack>
  );
}
