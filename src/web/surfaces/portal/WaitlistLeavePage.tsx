import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLocation, useParams } from 'react-router';
import { leaveWaitlist } from './portal-api.js';
import { PortalLayout } from './PortalLayout.js';

/** Leaving the waiting list from the link in the message (/waitlist/:id#secret). */
export function WaitlistLeavePage() {
  const intl = useIntl();
  const { id = '' } = useParams();
  const secret = decodeURIComponent(useLocation().hash.replace(/^#/, ''));
  const leave = useMutation({ mutationFn: () => leaveWaitlist(id, secret) });
  return (
    <PortalLayout>
      <Stack gap="md">
        <Title order={1}>
          <FormattedMessage id="portal.waitlist.leaveTitle" />
        </Title>
        {leave.isSuccess ? (
          <Alert color="green" role="status">
            <FormattedMessage id="portal.waitlist.left" />
          </Alert>
        ) : (
          <>
            <Text size="lg">
              <FormattedMessage id="portal.waitlist.leaveQuestion" />
            </Text>
            {leave.isError ? (
              <Alert color="red" title={intl.formatMessage({ id: 'portal.manage.notFound' })}>
                <FormattedMessage id="portal.waitlist.leaveFailed" />
              </Alert>
            ) : null}
            <Button size="xl" color="red" loading={leave.isPending} onClick={() => leave.mutate()}>
              <FormattedMessage id="portal.waitlist.leave" />
            </Button>
          </>
        )}
      </Stack>
    </PortalLayout>
  );
}
