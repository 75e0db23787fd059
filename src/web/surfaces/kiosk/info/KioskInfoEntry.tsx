import { Button, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { INTERFACE_LOCALES } from '../../../../shared/locales.js';
import { useAnnouncementIntls } from '../../display/display-api.js';

/** On the kiosk's start screen: the way into the information mode, named in every interface language. */
export function KioskInfoEntry({ centreId, token }: { centreId: string; token: string }) {
  const intl = useIntl();
  const intls = useAnnouncementIntls(INTERFACE_LOCALES.map((locale) => locale.code));
  const labels = intls.length > 0 ? intls : [intl];
  return (
    <Stack align="center" px="xl" pb="lg" className="kiosk-no-print">
      <Button component={Link} to={`/kiosk/${centreId}/info?token=${encodeURIComponent(token)}`} size="xl" h="auto" py="md" miw={480} variant="light" leftSection={<IconInfoCircle size={40} />} data-testid="kiosk-info-entry">
        <Stack gap={2}>
          {labels.map((one) => (
            <Text key={one.locale} fz={28} fw={700} lang={one.locale} span>
              {one.formatMessage({ id: 'kioskInfo.entry' })}
            </Text>
          ))}
        </Stack>
      </Button>
    </Stack>
  );
}
