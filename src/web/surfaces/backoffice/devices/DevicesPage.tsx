import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceTablet, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { useCentres, useUnits } from '../network/network-api.js';
import { DeviceLinkModal } from './DeviceLinkModal.js';
import { useDevices, type Device, type NewDevice } from './devices-api.js';
import { KioskQuotas } from './KioskQuotas.js';
import { NewDeviceModal } from './NewDeviceModal.js';
import { RevokeButton } from './RevokeButton.js';
import { Loading } from '../../../ui/Loading.js';

/** Information screens and kiosks of a centre: create one (its link shown once), revoke, kiosk quotas. */
export function DevicesPage() {
  const intl = useIntl();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const centres = useCentres(false);
  // Tokens are the whole centre's business: a centre-wide queue.manage grant, as on the server.
  const managed = (centres.data ?? []).filter((centre) => can('queue.manage', { centreId: centre.id }));
  const quotaCentres = (centres.data ?? []).filter((centre) => !managed.includes(centre));
  const only = managed.length === 1 ? managed[0] : centres.data?.length === 1 ? centres.data[0] : undefined;
  const centreId = params.get('centre') ?? only?.id ?? null;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewDevice | null>(null);
  const devices = useDevices(centreId && managed.some((centre) => centre.id === centreId) ? centreId : null);
  const units = useUnits(centreId ?? '', false);
  const unitName = (device: Device) => (device.unitId ? (units.data?.find((unit) => unit.id === device.unitId)?.name ?? '') : intl.formatMessage({ id: 'devices.wholeCentre' }));

  return (
    <Stack>
      <PageHeader
        title={<FormattedMessage id="devices.title" />}
        description={<FormattedMessage id="devices.subtitle" />}
        actions={
          centreId && devices.data ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              <FormattedMessage id="devices.new" />
            </Button>
          ) : null
        }
      />
      {centres.isLoading ? <Loading /> : null}
      {centres.data && managed.length === 0 && quotaCentres.length === 0 ? (
        <Alert color="gray">
          <FormattedMessage id="devices.noCentre" />
        </Alert>
      ) : null}
      {(centres.data?.length ?? 0) > 1 ? (
        <Select
          label={intl.formatMessage({ id: 'devices.centre' })}
          placeholder={intl.formatMessage({ id: 'devices.pickCentre' })}
          data={(centres.data ?? []).map((centre) => ({ value: centre.id, label: centre.name }))}
          value={centreId}
          onChange={(value) => setParams(value ? { centre: value } : {})}
          searchable
          maw={420}
        />
      ) : null}
      {devices.error ? <Alert color="red">{describeError(intl, devices.error)}</Alert> : null}
      {devices.data ? (
        devices.data.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="devices.empty" />
          </Text>
        ) : (
          <>
          {/* At phone width a card per device: a five-column table would hide its buttons off screen. */}
          <Stack gap="xs" hiddenFrom="sm">
            {devices.data.map((device) => (
              <Card key={device.id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={600}>{device.label}</Text>
                    <Text size="sm">
                      {intl.formatMessage({ id: `devices.kind.${device.kind}` })} · {unitName(device)}
                    </Text>
                    <StatusBadge device={device} />
                  </Stack>
                  {device.revokedAt ? null : <RevokeButton device={device} />}
                </Group>
              </Card>
            ))}
          </Stack>
          <Table.ScrollContainer minWidth={560} visibleFrom="sm">
            <Table verticalSpacing="sm" striped data-testid="devices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{intl.formatMessage({ id: 'devices.label' })}</Table.Th>
                  <Table.Th>{intl.formatMessage({ id: 'devices.kind' })}</Table.Th>
                  <Table.Th>{intl.formatMessage({ id: 'devices.unit' })}</Table.Th>
                  <Table.Th>{intl.formatMessage({ id: 'devices.status' })}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{intl.formatMessage({ id: 'devices.actions' })}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {devices.data.map((device) => (
                  <Table.Tr key={device.id} data-testid="device-row" data-label={device.label}>
                    <Table.Td fw={600}>{device.label}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {device.kind === 'screen' ? <IconDeviceDesktop size={18} aria-hidden /> : <IconDeviceTablet size={18} aria-hidden />}
                        {intl.formatMessage({ id: `devices.kind.${device.kind}` })}
                      </Group>
                    </Table.Td>
                    <Table.Td>{unitName(device)}</Table.Td>
                    <Table.Td>
                      <StatusBadge device={device} />
                    </Table.Td>
                    <Table.Td ta="end">{device.revokedAt ? null : <RevokeButton device={device} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          </>
        )
      ) : null}
      {centreId ? (
        <Stack gap="xs" mt="lg">
          <Title order={2} size="h3">
            <FormattedMessage id="devices.quotas.title" />
          </Title>
          <Text c="dimmed" size="sm">
            <FormattedMessage id="devices.quotas.subtitle" />
          </Text>
          <KioskQuotas centreId={centreId} />
        </Stack>
      ) : null}
      {creating && centreId ? (
        <NewDeviceModal
          centreId={centreId}
          units={units.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(device) => {
            setCreating(false);
            setCreated(device);
          }}
        />
      ) : null}
      {created ? <DeviceLinkModal created={created} onClose={() => setCreated(null)} /> : null}
    </Stack>
  );
}

function StatusBadge({ device }: { device: Device }) {
  const intl = useIntl();
  return device.revokedAt ? (
    <Badge color="gray" tt="none">
      <FormattedMessage id="devices.revokedOn" values={{ date: intl.formatDate(device.revokedAt, { dateStyle: 'medium' }) }} />
    </Badge>
  ) : (
    <Badge color="green" tt="none">
      <FormattedMessage id="devices.active" />
    </Badge>
  );
}
