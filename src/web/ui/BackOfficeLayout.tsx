import { AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useCan, useSession, useSignOut } from '../app/session.js';
import { LanguagePicker } from './LanguagePicker.js';
import { mayOpen, NAVIGATION } from './navigation.js';

export function BackOfficeLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { me } = useSession();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const intl = useIntl();
  const items = NAVIGATION.filter((item) => mayOpen(item, can));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={intl.formatMessage({ id: 'nav.menu' })} />
            <Text component={Link} to="/office" fw={700} size="lg" c="oneroof.7" style={{ textDecoration: 'none' }}>
              OneRoof
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguagePicker />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={intl.formatMessage({ id: 'nav.accountMenu' })} data-testid="account-menu">
                  <Group gap={4} wrap="nowrap">
                    <IconUserCircle size={26} />
                    <Text size="sm" visibleFrom="sm">
                      {me?.displayName}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me?.username}</Menu.Label>
                <Menu.Item component={Link} to="/office/account" leftSection={<IconUserCircle size={16} />}>
                  <FormattedMessage id="nav.account" />
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={async () => {
                    await signOut();
                    void navigate('/login');
                  }}
                >
                  <FormattedMessage id="nav.signOut" />
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={intl.formatMessage({ id: 'nav.main' })}>
        {items.map((item) => {
          const active = item.to === '/office' ? location.pathname === '/office' : location.pathname.startsWith(item.to);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={intl.formatMessage({ id: item.labelId })}
              leftSection={<item.icon size={20} stroke={1.6} />}
              active={active}
              onClick={close}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
