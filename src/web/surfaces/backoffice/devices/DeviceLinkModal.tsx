import { Alert, Button, Center, CopyButton, Group, Image, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { FormattedMessage, useIntl } from 'react-intl';
import type { NewDevice } from './devices-api.js';

/**
 * The device's link with its token, shown this once (only a hash is stored): copy it, or scan the QR
 * code with the screen's or kiosk's camera or a phone to open it there.
 */
export function DeviceLinkModal({ created, onClose }: { created: NewDevice; onClose: () => void }) {
  const intl = useIntl();
  const url = `${window.location.origin}${created.path}`;
  const qr = useQuery({ queryKey: ['device-qr', url], queryFn: () => QRCode.toDataURL(url, { margin: 1, width: 240 }), staleTime: Infinity, gcTime: 0 });
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'devices.linkTitle' }, { label: created.device.label })} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange">
          <FormattedMessage id="devices.linkOnce" />
        </Alert>
        <Group align="flex-end" wrap="nowrap">
          <TextInput label={intl.formatMessage({ id: 'devices.link' })} value={url} readOnly dir="ltr" style={{ flex: 1 }} data-testid="device-link" onFocus={(event) => event.currentTarget.select()} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button onClick={copy} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}>
                <FormattedMessage id={copied ? 'devices.copied' : 'devices.copy'} />
              </Button>
            )}
          </CopyButton>
        </Group>
        {qr.data ? (
          <Center>
            <Image src={qr.data} w={240} h={240} alt={intl.formatMessage({ id: 'devices.qrAlt' })} />
          </Center>
        ) : null}
        <Text size="sm" c="dimmed">
          <FormattedMessage id={created.device.kind === 'screen' ? 'devices.linkHelp.screen' : 'devices.linkHelp.kiosk'} />
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>
            <FormattedMessage id="devices.done" />
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
