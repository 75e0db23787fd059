import { Image, Stack, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

/**
 * The booking reference as a QR code, for the kiosk's scanner at the centre's door. It holds the
 * reference only (not the secret link): a phone held up to the kiosk gives nothing more away than the
 * reference printed next to it.
 */
export function ReferenceQr({ reference, size = 200 }: { reference: string; size?: number }) {
  const intl = useIntl();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(reference, { margin: 2, width: size * 2, errorCorrectionLevel: 'M' }).then((url) => current && setQr(url));
    return () => {
      current = false;
    };
  }, [reference, size]);
  return (
    <Stack gap={4} align="center">
      {qr ? <Image src={qr} w={size} h={size} alt={intl.formatMessage({ id: 'portal.done.qrAlt' }, { reference })} data-testid="reference-qr" data-reference={reference} /> : <div style={{ width: size, height: size }} />}
      <Text size="sm" c="gray.7" ta="center">
        <FormattedMessage id="portal.done.qrHelp" />
      </Text>
    </Stack>
  );
}
