import { Button, Stack, Text } from '@mantine/core';
import { IconVolume } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import { speak, useHasVoice } from './speech.js';

/**
 * "Listen": reads the page's main content aloud in the page's language. When the device has no
 * voice for that language the button is disabled and says so plainly.
 */
export function ListenButton({ lang, text, size = 'lg' }: { lang: string; text: () => string; size?: 'md' | 'lg' | 'xl' }) {
  const hasVoice = useHasVoice(lang);
  return (
    <Stack gap={4} align="center">
      <Button size={size} variant="light" leftSection={<IconVolume size={24} />} disabled={!hasVoice} onClick={() => speak([{ lang, text: text() }], { interrupt: true })} mih={48}>
        <FormattedMessage id="ticket.listen" />
      </Button>
      {!hasVoice ? (
        <Text size="sm" c="inherit" opacity={0.8} ta="center">
          <FormattedMessage id="ticket.noVoice" />
        </Text>
      ) : null}
    </Stack>
  );
}
