import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useCan, useSession } from '../../app/session.js';
import { mayOpen, NAVIGATION } from '../../ui/navigation.js';
import { PageHeader } from '../../ui/PageHeader.js';

export function HomePage() {
  const { me } = useSession();
  const can = useCan();
  const intl = useIntl();
  const areas = NAVIGATION.filter((item) => item.to !== '/office' && mayOpen(item, can));
  if (!me) return null;
  return (
    <Stack>
      <PageHeader title={<FormattedMessage id="home.welcome" values={{ name: me.displayName }} />} description={<FormattedMessage id="home.subtitle" />} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          <FormattedMessage id="home.myRoles" />
        </Title>
        <Group gap="xs">
          {me.grants.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage id="home.noRoles" />
            </Text>
          ) : (
            me.grants.map((grant) => (
              <Badge key={`${grant.role}-${grant.scopeId}`} variant="light" size="lg" tt="none">
                {intl.formatMessage({ id: `role.${grant.role}` })} · {intl.formatMessage({ id: `scope.${grant.scopeType}` })}
              </Badge>
            ))
          )}
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {areas.map((area) => (
          <Card key={area.to} component={Link} to={area.to} withBorder padding="lg" style={{ textDecoration: 'none' }}>
            <Group wrap="nowrap">
              <area.icon size={32} stroke={1.5} />
              <Text fw={600} size="lg">
                {intl.formatMessage({ id: area.labelId })}
              </Text>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
