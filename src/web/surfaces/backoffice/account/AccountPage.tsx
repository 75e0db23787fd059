import { SimpleGrid, Stack } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { useSession } from '../../../app/session.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { PasswordCard } from './PasswordCard.js';
import { SessionsCard } from './SessionsCard.js';
import { TwoStepCard } from './TwoStepCard.js';

/** What every staff member manages about their own account. */
export function AccountPage() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <Stack>
      <PageHeader
        title={<FormattedMessage id="auth.account.title" />}
        description={<FormattedMessage id="auth.account.subtitle" values={{ name: me.displayName, username: me.username }} />}
      />
      <SessionsCard />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <PasswordCard username={me.username} />
        <TwoStepCard />
      </SimpleGrid>
    </Stack>
  );
}
