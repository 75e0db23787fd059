import { Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

interface PortalCardProps {
  /** Message id of the card's heading. */
  titleId: string;
  /** Message id of a sentence under the heading. */
  helpId?: string;
  /** Makes the card a form. */
  onSubmit?(event: FormEvent<HTMLFormElement>): void;
  children: ReactNode;
}

/** One thing a person can do on the portal's front page: a heading, a sentence, then its fields and button. */
export function PortalCard({ titleId, helpId, onSubmit, children }: PortalCardProps) {
  const content = (
    <Stack gap="sm">
      <Title order={2} size="h3">
        <FormattedMessage id={titleId} />
      </Title>
      {helpId ? (
        <Text>
          <FormattedMessage id={helpId} />
        </Text>
      ) : null}
      {children}
    </Stack>
  );
  // Two elements because Mantine types a polymorphic component by one fixed element.
  return onSubmit ? (
    <Paper p="lg" radius="lg" withBorder component="form" onSubmit={onSubmit}>
      {content}
    </Paper>
  ) : (
    <Paper p="lg" radius="lg" withBorder>
      {content}
    </Paper>
  );
}
