import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { IconBuilding, IconCalendarTime, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { ArchiveButton } from './ArchiveButton.js';
import { CalendarExceptions } from './CalendarExceptions.js';
import { CentreForm } from './CentreForm.js';
import { useCentre, type CentreDetail } from './network-api.js';
import { useCountryName, useLanguageName } from './network-labels.js';
import { useNetworkLiveUpdates } from './network-live.js';
import { OpeningPreview } from './OpeningPreview.js';
import { UnitsPanel } from './UnitsPanel.js';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.js';
import { RecordHeader } from './RecordHeader.js';

const TABS = ['details', 'hours', 'units'] as const;
type Tab = (typeof TABS)[number];

/** One centre: its details, its opening hours and calendar, and the units under its roof. */
export function CentrePage() {
  const { centreId = '' } = useParams();
  const intl = useIntl();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const centre = useCentre(centreId);
  useNetworkLiveUpdates();
  const tab: Tab = TABS.find((one) => one === params.get('tab')) ?? 'details';

  if (centre.isLoading) return <Loader />;
  if (!centre.data) return <Alert color="red">{describeError(intl, centre.error)}</Alert>;
  const data = centre.data;
  const place = { centreId: data.id };

  return (
    <Stack>
      <Anchor component={Link} to="/office/network" size="sm">
        <FormattedMessage id="network.centres.back" />
      </Anchor>
      <RecordHeader name={data.name} code={data.code} kindLabel={intl.formatMessage({ id: `network.centreKind.${data.kind}` })} archived={Boolean(data.archivedAt)} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />}>
            <FormattedMessage id="network.tab.details" />
          </Tabs.Tab>
          <Tabs.Tab value="hours" leftSection={<IconCalendarTime size={16} />}>
            <FormattedMessage id="network.tab.hours" />
          </Tabs.Tab>
          <Tabs.Tab value="units" leftSection={<IconBuilding size={16} />}>
            <FormattedMessage id="network.tab.units" />
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <CentreDetails centre={data} editable={can('network.manage_centres', {})} />
        </Tabs.Panel>
        <Tabs.Panel value="hours" pt="md">
          <Stack>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <WeeklyHoursEditor key={JSON.stringify(data.openingHours)} centreId={data.id} hours={data.openingHours} editable={can('network.manage_units', place)} />
              <OpeningPreview centreId={data.id} timeZone={data.timeZone} />
            </SimpleGrid>
            <CalendarExceptions centreId={data.id} exceptions={data.calendarExceptions} editable={can('network.manage_units', place)} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="md">
          <UnitsPanel centreId={data.id} editable={can('network.manage_units', place)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CentreDetails({ centre, editable }: { centre: CentreDetail; editable: boolean }) {
  const intl = useIntl();
  const languageName = useLanguageName();
  const countryName = useCountryName();
  const [editing, setEditing] = useState(false);
  const address = [centre.address.street, [centre.address.postalCode, centre.address.city].filter(Boolean).join(' '), countryName(centre.address.country) ?? centre.address.country];
  const none = intl.formatMessage({ id: 'common.none' });

  return (
    <Card withBorder>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Detail label={<FormattedMessage id="network.field.timeZone" />}>{centre.timeZone}</Detail>
          <Detail label={<FormattedMessage id="network.field.address" />}>{address.filter(Boolean).join(', ')}</Detail>
          <Detail label={<FormattedMessage id="network.field.phone" />}>
            <span dir="ltr">{centre.phone ?? none}</span>
          </Detail>
          <Detail label={<FormattedMessage id="network.field.email" />}>
            <span dir="ltr">{centre.email ?? none}</span>
          </Detail>
          <Detail label={<FormattedMessage id="network.field.announcementLanguages" />}>
            {centre.announcementLanguages.length ? centre.announcementLanguages.map(languageName).join(', ') : none}
          </Detail>
        </SimpleGrid>
        {editable ? (
          <Group>
            <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              <FormattedMessage id="common.edit" />
            </Button>
            <ArchiveButton size="md" path={`/api/v1/centres/${centre.id}`} archived={Boolean(centre.archivedAt)} name={centre.name} />
          </Group>
        ) : null}
      </Stack>
      {editing ? <CentreForm opened onClose={() => setEditing(false)} centre={centre} /> : null}
    </Card>
  );
}

export function Detail({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}
