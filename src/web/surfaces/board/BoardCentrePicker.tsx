import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link, Navigate } from 'react-router';
import { roleAllows } from '../../../shared/access.js';
import { useSession } from '../../app/session.js';
import { SurfaceLayout } from '../../ui/SurfaceLayout.js';
import { useStaffCentres } from '../reception/reception-api.js';

/** /board: the centres whose figures one may read; with just one, straight to it. */
export function BoardCentrePicker() {
  const { me } = useSession();
  const centres = useStaffCentres();
  const readable = (centres.data ?? []).filter((centre) => me?.grants.some((grant) => roleAllows(grant.role, 'queue.read') && (grant.scopeType === 'network' || grant.centreId === centre.id)));
  if (centres.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (readable.length === 1) return <Navigate to={`/board/${readable[0]!.id}`} replace />;
  return (
    <SurfaceLayout title={<FormattedMessage id="board.title" />}>
      <Stack maw={640} mx="auto">
        <Title order={2} size="h4">
          <FormattedMessage id="board.chooseCentre" />
        </Title>
        {readable.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="board.noCentre" />
          </Text>
        ) : null}
        {readable.map((centre) => (
          <Button key={centre.id} component={Link} to={`/board/${centre.id}`} variant="default" justify="flex-start" size="md">
            {centre.name}
          </Button>
        ))}
      </Stack>
    </SurfaceLayout>
  );
}
