import { Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../app/session.js';
import { LanguagePicker } from './LanguagePicker.js';

/**
 * A full-screen working surface (counter, reception, centre board): a slim header with the
 * surface's name and place, the language picker and sign-out, and the whole page for the work.
 */
export function SurfaceLayout({ title, place, actions, children }: { title: ReactNode; place?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const { me } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const intl = useIntl();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="xs" bg="white" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" gap="sm">
          <Group gap="md" wrap="nowrap" miw={0}>
            <Text component={Link} to="/office" fw={700} c="oneroof.7" style={{ textDecoration: 'none' }} title={intl.formatMessage({ id: 'surface.backOffice' })}>
              OneRoof
            </Text>
            <Stack gap={0} miw={0}>
              <Title order={1} size="h4">
                {title}
              </Title>
              {place ? (
                <Text size="sm" c="dimmed" truncate>
                  {place}
                </Text>
              ) : null}
            </Stack>
          </Group>
          <Group gap="xs" wrap="wrap">
            {actions}
            <LanguagePicker />
            <Text size="sm" visibleFrom="md">
              {me?.displayName}
            </Text>
            <Button
              variant="subtle"
              leftSection={<IconLogout size={16} />}
              onClick={async () => {
                await signOut();
                void navigate('/login');
              }}
            >
              <FormattedMessage id="nav.signOut" />
            </Button>
          </Group>
        </Group>
      </Box>
      <Box component="main" p={{ base: 'xs', sm: 'md' }}>
        {children}
      </Box>
    </Box>
  );
}
