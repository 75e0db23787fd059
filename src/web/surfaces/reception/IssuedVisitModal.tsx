import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { queueKeys, useLocalised, type PublicTicket, type Visit } from '../queue/queue-api.js';

// Only the ticket is printed: everything else on the page is hidden for the printer.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .oneroof-print-ticket, .oneroof-print-ticket * { visibility: visible !important; }
  .oneroof-print-ticket { position: absolute; inset-block-start: 0; inset-inline-start: 0; width: 72mm; }
}`;

/** The tickets just issued, with a print-friendly ticket: number, services, estimated wait and a QR code. */
export function IssuedVisitModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const intl = useIntl();
  const localised = useLocalised();
  const url = `${location.origin}/t/${visit.publicCode}`;
  const qr = useQuery({ queryKey: ['qr', url], queryFn: () => QRCode.toDataURL(url, { margin: 1, width: 220 }), staleTime: Infinity });
  const place = useQuery({ queryKey: queueKeys.publicTicket(visit.publicCode), queryFn: () => api.get<PublicTicket>(`/api/v1/public/tickets/${visit.publicCode}`) });
  const first = visit.tickets[0]!;

  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'reception.issuedTitle' })} size="sm">
      <style>{PRINT_CSS}</style>
      <Stack className="oneroof-print-ticket" align="center" gap="xs" data-testid="issued-ticket">
        <Text size="sm">OneRoof</Text>
        <Text fz={56} fw={800} lh={1}>
          {first.number}
        </Text>
        {visit.tickets.map((ticket, index) => (
          <Text key={ticket.id} ta="center" fw={index === 0 ? 600 : 400} c={index === 0 ? undefined : 'dimmed'}>
            {index + 1}. {ticket.number} · {localised(ticket.serviceNames)}
          </Text>
        ))}
        {place.data ? (
          <Text size="sm">
            {place.data.estimatedMinutes === null ? (
              <FormattedMessage id="staffQueue.noCounterOpen" />
            ) : (
              <FormattedMessage id="reception.estimatedWait" values={{ minutes: place.data.estimatedMinutes, ahead: place.data.ahead ?? 0 }} />
            )}
          </Text>
        ) : null}
        {qr.data ? <img src={qr.data} width={180} height={180} alt={intl.formatMessage({ id: 'reception.qrAlt' })} /> : null}
        <Text size="xs" c="dimmed">
          <FormattedMessage id="reception.qrHint" />
        </Text>
        <Text size="xs" ff="monospace">
          {visit.publicCode}
        </Text>
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          <FormattedMessage id="common.close" />
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          <FormattedMessage id="reception.print" />
        </Button>
      </Group>
    </Modal>
  );
}
