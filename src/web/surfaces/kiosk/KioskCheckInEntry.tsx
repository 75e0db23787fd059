import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';

/** Next to the services: the way in for people who booked ahead. */
export function KioskCheckInEntry({ onChoose }: { onChoose: () => void }) {
  return (
    <Box px="xl" pt="xl" className="kiosk-no-print">
      <UnstyledButton onClick={onChoose} w="100%" mih={112} p="lg" bg="oneroof.7" c="white" style={{ borderRadius: 16 }} data-testid="kiosk-check-in-entry">
        <Group gap="lg" wrap="nowrap">
          <IconCalendarCheck size={56} aria-hidden />
          <Stack gap={2}>
            <Text fz={32} fw={800} lh={1.2}>
              <FormattedMessage id="kiosk.checkIn.entry" />
            </Text>
            <Text fz={22}>
              <FormattedMessage id="kiosk.checkIn.entryHelp" />
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
    </Box>
  );
}
