import { Alert, Badge, Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { nativeNameOf } from './content-language.js';
import { InfoLayout } from './InfoLayout.js';
import { useDirectory, type DirectoryService } from './info-api.js';
import { Loading } from '../../ui/Loading.js';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "MO,TU,WE" as weekday names of the interface language (2024-01-01 was a Monday). */
export function weekdaysOf(intl: IntlShape, byday: string | null): string {
  if (!byday) return '';
  const names = byday.split(',').map((day) => intl.formatDate(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))), { weekday: 'short', timeZone: 'UTC' }));
  return intl.formatList(names, { type: 'conjunction', style: 'narrow' });
}

export function scheduleLines(intl: IntlShape, service: DirectoryService): string[] {
  const schedules = [...service.schedules, ...service.service_at_locations.flatMap((link) => link.location?.schedules ?? [])];
  return schedules.map((schedule) => `${weekdaysOf(intl, schedule.byday)} ${schedule.opens_at?.slice(0, 5) ?? ''}–${schedule.closes_at?.slice(0, 5) ?? ''}`);
}

/** One service of the directory: who, where, when, which languages, which phone. */
export function DirectoryCard({ service, large = false }: { service: DirectoryService; large?: boolean }) {
  const intl = useIntl();
  const address = service.service_at_locations.flatMap((link) => link.location?.addresses ?? [])[0];
  const phone = service.phones[0]?.number ?? service.service_at_locations.flatMap((link) => link.location?.phones ?? [])[0]?.number;
  const size = large ? 'xl' : 'md';
  return (
    <Card withBorder padding="md" component="section" aria-label={service.name} data-testid="directory-service">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Title order={2} size={large ? 'h2' : 'h4'}>
            {service.name}
          </Title>
          <Badge variant="light" color={service.organization?.kind === 'partner' ? 'grape' : 'oneroof'}>
            <FormattedMessage id={service.organization?.kind === 'partner' ? 'info.directory.partner' : 'info.directory.underRoof'} />
          </Badge>
        </Group>
        {service.organization ? <Text size={size} fw={600}>{service.organization.name}</Text> : null}
        {service.description ? <Text size={size}>{service.description}</Text> : null}
        {address ? (
          <Text size={size}>
            <Text span fw={600}><FormattedMessage id="info.directory.address" />: </Text>
            {address.address_1}, {address.postal_code} {address.city}
          </Text>
        ) : null}
        {scheduleLines(intl, service).length > 0 ? (
          <Text size={size}>
            <Text span fw={600}><FormattedMessage id="info.directory.hours" />: </Text>
            {scheduleLines(intl, service).join(' · ')}
          </Text>
        ) : null}
        {service.languages.length > 0 ? (
          <Text size={size}>
            <Text span fw={600}><FormattedMessage id="info.directory.languages" />: </Text>
            {intl.formatList(service.languages.map((language) => nativeNameOf(language.code)), { type: 'conjunction' })}
          </Text>
        ) : null}
        {phone ? (
          <Button component="a" href={`tel:${phone.replace(/\s+/g, '')}`} variant="light" leftSection={<IconPhone size={18} />} size={large ? 'lg' : 'md'} style={{ alignSelf: 'flex-start' }} dir="ltr">
            {phone}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}

/** /info/directory: the services under the roof and of partner organisations, page by page. */
export function InfoDirectoryPage() {
  const [page, setPage] = useState(1);
  const directory = useDirectory(page);
  return (
    <InfoLayout>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1}>
            <FormattedMessage id="info.directory.title" />
          </Title>
          <Text c="gray.7">
            <FormattedMessage id="info.directory.subtitle" />
          </Text>
        </Stack>
        {directory.isPending ? (
          <Center py="xl">
            <Loading />
          </Center>
        ) : directory.isError ? (
          <Alert color="red">
            <FormattedMessage id="info.loadError" />
          </Alert>
        ) : directory.data.total_items === 0 ? (
          <Text>
            <FormattedMessage id="info.directory.empty" />
          </Text>
        ) : (
          <>
            {directory.data.contents.map((service) => (
              <DirectoryCard key={service.id} service={service} />
            ))}
            <Group justify="space-between">
              <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)} mih={48}>
                <FormattedMessage id="info.directory.previous" />
              </Button>
              <Text>
                <FormattedMessage id="info.directory.page" values={{ page, pages: directory.data.total_pages }} />
              </Text>
              <Button variant="default" disabled={page >= directory.data.total_pages} onClick={() => setPage(page + 1)} mih={48}>
                <FormattedMessage id="info.directory.next" />
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </InfoLayout>
  );
}
