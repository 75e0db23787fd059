import { Button, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useRotatingGreeting } from '../../../app/greetings.js';

/** On the kiosk's start screen: the way into the information mode, named in the kiosk's language and each other in turn. */
export function KioskInfoEntry({ centreId, token }: { centreId: string; token: string }) {
  const intl = useIntl();
  const other = useRotatingGreeting('kioskInfo.entry', intl.locale);
  return (
    <Stack align="center" px="xl" pb="lg" className="kiosk-no-print">
      <Button component={Link} to={`/kiosk/${centreId}/info?token=${encodeURIComponent(token)}`} size="xl" h="auto" py="md" miw={480} variant="light" leftSection={<IconInfoCircle size={40} />} data-testid="kiosk-info-entry">
        <Stack gap={2}>
          <Text fz={28} fw={700} span>
            {intl.formatMessage({ id: 'kioskInfo.entry' })}
          </Text>
          {other ? (
            <Text fz={24} fw={600} lang={other.lang} dir={other.dir} aria-hidden="true" span>
              {other.text}
            </Text>
          ) : null}
        </Stack>
      </Button>
    </Stack>
  );
}
