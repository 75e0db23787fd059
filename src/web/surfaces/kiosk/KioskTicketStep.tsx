import { Button, Center, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconPrinter } from '@tabler/icons-react';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocale } from '../../app/i18n.js';
import { ListenButton } from '../../ui/ListenButton.js';
import { spellOut } from '../../ui/speech.js';
import { nameIn, type KioskTicket } from './kiosk-api.js';

/** The ticket as printed (browser print, see kiosk.css): number, service, wait and the QR of /t/:code. */
export function KioskTicketStep({ ticket, onDone }: { ticket: KioskTicket; onDone: () => void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const link = `${window.location.origin}/t/${ticket.publicCode}`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(link, { margin: 1, width: 320, errorCorrectionLevel: 'M' }).then((url) => current && setQr(url));
    return () => {
      current = false;
    };
  }, [link]);
  const service = nameIn(ticket.serviceNames, locale.code);
  const wait =
    ticket.estimatedMinutes === null
      ? intl.formatMessage({ id: 'kiosk.ticket.noEstimate' }, { ahead: ticket.ahead ?? 0 })
      : intl.formatMessage({ id: 'kiosk.ticket.estimate' }, { minutes: ticket.estimatedMinutes, ahead: ticket.ahead ?? 0 });

  return (
    <Center p="xl">
      <Stack align="center" gap="xl" w="100%" maw={720}>
        <Paper className="kiosk-ticket" p="xl" radius="lg" withBorder w="100%" ta="center" data-testid="kiosk-ticket">
          <Text fz={28} fw={700}>
            {ticket.centreName}
          </Text>
          <Text fz={24} mt="sm">
            <FormattedMessage id="kiosk.ticket.yourNumber" />
          </Text>
          <Text fz={140} fw={800} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="kiosk-ticket-number">
            {ticket.number}
          </Text>
          <Text fz={30} fw={600} mt="sm">
            {service}
          </Text>
          <Text fz={26} mt="md">
            {wait}
          </Text>
          {qr ? <Image src={qr} alt={intl.formatMessage({ id: 'kiosk.ticket.qrAlt' })} w={260} h={260} mx="auto" mt="lg" /> : null}
          <Text fz={22} mt="xs">
            <FormattedMessage id="kiosk.ticket.scan" />
          </Text>
          <Text fz={16} c="dimmed" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
            {link}
          </Text>
          <Text fz={16} c="dimmed" mt="xs">
            {intl.formatDate(ticket.issuedAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </Text>
        </Paper>
        <Group className="kiosk-no-print" grow w="100%">
          <Button size="xl" mih={80} fz={28} leftSection={<IconPrinter size={32} />} onClick={() => window.print()}>
            <FormattedMessage id="kiosk.ticket.print" />
          </Button>
          <Button size="xl" mih={80} fz={28} variant="default" leftSection={<IconCheck size={32} />} onClick={onDone}>
            <FormattedMessage id="kiosk.ticket.done" />
          </Button>
        </Group>
        <div className="kiosk-no-print">
          <ListenButton lang={locale.code} size="xl" text={() => `${intl.formatMessage({ id: 'kiosk.ticket.yourNumber' })} ${spellOut(ticket.number)}. ${service}. ${wait}`} />
        </div>
      </Stack>
    </Center>
  );
}
