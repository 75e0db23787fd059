import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { LanguagePicker } from '../../ui/LanguagePicker.js';

/** The public portal's frame: phone-first, one column, the language picker always at hand. */
export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" py="xs" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size={640} px="md">
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to="/" fw={700} c="oneroof.8" underline="never" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minBlockSize: 48 }}>
              <IconHome size={22} aria-hidden />
              <FormattedMessage id="portal.brand" />
            </Anchor>
            <Box style={{ flexShrink: 0 }}>
              <LanguagePicker size="md" />
            </Box>
          </Group>
        </Container>
      </Box>
      <Box component="main" style={{ flex: 1 }}>
        <Container size={640} px="md" py="lg">
          {children}
        </Container>
      </Box>
      <Box component="footer" py="md">
        <Container size={640} px="md">
          <Text size="sm" c="gray.7" ta="center">
            <Anchor component={Link} to="/login" c="gray.7">
              <FormattedMessage id="portal.staffSignIn" />
            </Anchor>
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
