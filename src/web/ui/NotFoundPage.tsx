import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center mih="60vh">
      <Stack align="center">
        <Title order={1}>
          <FormattedMessage id="notFound.title" />
        </Title>
        <Text c="dimmed">
          <FormattedMessage id="notFound.text" />
        </Text>
        <Button component={Link} to="/">
          <FormattedMessage id="notFound.home" />
        </Button>
      </Stack>
    </Center>
  );
}
