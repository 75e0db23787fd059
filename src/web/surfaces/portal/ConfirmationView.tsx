import { ActionIcon, Alert, Button, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarDown, IconCheck, IconCopy } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocale } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { spellOut } from '../../ui/speech.js';
import { calendarFile, downloadCalendarFile } from './calendar.js';
import { manageUrl, nameIn, type Booking, type PortalCentre, type PortalService } from './portal-api.js';
import { ReferenceQr } from './ReferenceQr.js';
import { DocumentsList } from './ServiceStep.js';

/** After booking: the reference (large, copyable), the secret link, a calendar file, what to bring, how to check in. */
export function ConfirmationView({ booking, secret, service, centre }: { booking: Booking; secret: string; service: PortalService; centre: PortalCentre }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const link = manageUrl(booking.reference, secret);
  const when = formatWhen(intl, booking.startsAt, centre.timeZone);
  const serviceName = nameIn(service.names, locale.code);
  const address = [centre.address.street, [centre.address.postalCode, centre.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const addToCalendar = () =>
    downloadCalendarFile(`${booking.reference}.ics`, calendarFile({ reference: booking.reference, startsAt: booking.startsAt, endsAt: booking.endsAt, title: `${serviceName} · ${centre.name}`, location: address, description: `${booking.reference}\n${link}` }));
  return (
    <Stack gap="md" data-testid="booking-confirmed">
      <Alert color="green" icon={<IconCheck />} title={intl.formatMessage({ id: 'portal.done.title' })}>
        <Text size="lg">{when}</Text>
        <Text>
          {serviceName} · {centre.name}
        </Text>
        <Text size="sm">{address}</Text>
      </Alert>
      <Paper p="lg" radius="lg" withBorder ta="center">
        <Text size="lg">
          <FormattedMessage id="portal.done.reference" />
        </Text>
        <Group justify="center" gap="xs" wrap="nowrap">
          <Text fz={44} fw={800} dir="ltr" style={{ letterSpacing: '0.08em', fontVariantNumeric: 'tabular-nums' }} data-testid="booking-reference">
            {booking.reference}
          </Text>
          <CopyValue value={booking.reference} />
        </Group>
        <Text size="sm" c="gray.7">
          <FormattedMessage id="portal.done.referenceHelp" />
        </Text>
        <ReferenceQr reference={booking.reference} />
      </Paper>
      <Paper p="lg" radius="lg" withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            <FormattedMessage id="portal.done.linkTitle" />
          </Title>
          <Text>
            <FormattedMessage id="portal.done.linkHelp" />
          </Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Text size="sm" dir="ltr" style={{ wordBreak: 'break-all' }} data-testid="manage-link">
              {link}
            </Text>
            <CopyValue value={link} />
          </Group>
        </Stack>
      </Paper>
      <Button size="lg" variant="light" leftSection={<IconCalendarDown size={24} />} onClick={addToCalendar} fullWidth>
        <FormattedMessage id="portal.done.addToCalendar" />
      </Button>
      <Paper p="lg" radius="lg" withBorder>
        <Title order={2} size="h4" mb="xs">
          <FormattedMessage id="portal.done.bring" />
        </Title>
        <DocumentsList service={service} />
      </Paper>
      <Paper p="lg" radius="lg" withBorder>
        <Title order={2} size="h4" mb="xs">
          <FormattedMessage id="portal.done.checkInTitle" />
        </Title>
        <Text>
          <FormattedMessage id="portal.done.checkIn" />
        </Text>
      </Paper>
      <ListenButton
        lang={locale.code}
        text={() => `${intl.formatMessage({ id: 'portal.done.title' })}. ${when}. ${serviceName}. ${centre.name}, ${address}. ${intl.formatMessage({ id: 'portal.done.reference' })}: ${spellOut(booking.reference)}. ${intl.formatMessage({ id: 'portal.done.checkIn' })}`}
      />
    </Stack>
  );
}

export function formatWhen(intl: ReturnType<typeof useIntl>, startsAt: string, timeZone: string): string {
  const date = new Date(startsAt);
  return `${intl.formatDate(date, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}, ${intl.formatTime(date, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
}

function CopyValue({ value }: { value: string }) {
  const intl = useIntl();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={intl.formatMessage({ id: copied ? 'portal.copied' : 'portal.copy' })} withArrow>
          <ActionIcon size={48} variant="light" onClick={copy} aria-label={intl.formatMessage({ id: 'portal.copy' })}>
            {copied ? <IconCheck size={24} /> : <IconCopy size={24} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
