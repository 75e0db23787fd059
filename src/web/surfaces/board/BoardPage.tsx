import { Badge, Card, Center, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useParams } from 'react-router';
import { api } from '../../app/api.js';
import { SurfaceLayout } from '../../ui/SurfaceLayout.js';
import { queueKeys, useQueueLive, type BoardUnit, type CentreBoard } from '../queue/queue-api.js';
import { BoardCentrePicker } from './BoardCentrePicker.js';

/** /board/:centreId: per unit, waiting, longest wait, counters open, served today — live. */
export function BoardPage() {
  const { centreId } = useParams();
  if (!centreId) return <BoardCentrePicker />;
  return <Board centreId={centreId} />;
}

function Board({ centreId }: { centreId: string }) {
  const board = useQuery({ queryKey: queueKeys.board(centreId), queryFn: () => api.get<CentreBoard>(`/api/v1/centres/${centreId}/queue-board`), retry: false });
  useQueueLive(centreId);
  if (board.isError) return <Navigate to="/board" replace />;
  const units = board.data?.units ?? [];
  const totals = units.reduce((sum, unit) => ({ waiting: sum.waiting + unit.waiting, served: sum.served + unit.servedToday, open: sum.open + unit.countersOpen }), { waiting: 0, served: 0, open: 0 });
  return (
    <SurfaceLayout title={<FormattedMessage id="board.title" />} place={board.data?.centreName}>
      {board.isLoading ? (
        <Center p="xl">
          <Loader />
        </Center>
      ) : (
        <Stack>
          <Group gap="lg" data-testid="board-totals">
            <Total id="board.totalWaiting" value={totals.waiting} />
            <Total id="board.totalOpen" value={totals.open} />
            <Total id="board.totalServed" value={totals.served} />
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }}>
            {units.map((unit) => (
              <UnitCard key={unit.unitId} unit={unit} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </SurfaceLayout>
  );
}

function Total({ id, value }: { id: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text fz={32} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        <FormattedMessage id={id} />
      </Text>
    </Stack>
  );
}

/** Waits over half an hour are flagged, over an hour alarmed: what a manager acts on. */
function waitColour(minutes: number | null): string {
  if (minutes === null || minutes < 30) return 'green';
  return minutes < 60 ? 'orange' : 'red';
}

function UnitCard({ unit }: { unit: BoardUnit }) {
  const intl = useIntl();
  const figure = (id: string, value: string | number) => (
    <Stack gap={0}>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        <FormattedMessage id={id} />
      </Text>
    </Stack>
  );
  return (
    <Card withBorder data-testid="board-unit" aria-label={unit.unitName}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
        <Text fw={600} lineClamp={2}>
          {unit.unitName}
        </Text>
        <Badge color={waitColour(unit.longestWaitMinutes)} variant="light" style={{ flexShrink: 0 }}>
          {unit.longestWaitMinutes === null ? intl.formatMessage({ id: 'board.noWait' }) : intl.formatMessage({ id: 'staffQueue.minutes' }, { minutes: unit.longestWaitMinutes })}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="xs">
        {figure('board.waiting', unit.waiting)}
        {figure('board.longestWait', unit.longestWaitMinutes === null ? '—' : intl.formatMessage({ id: 'staffQueue.minutes' }, { minutes: unit.longestWaitMinutes }))}
        {figure('board.countersOpen', intl.formatMessage({ id: 'board.openOfTotal' }, { open: unit.countersOpen, total: unit.counters }))}
        {figure('board.servedToday', unit.servedToday)}
      </SimpleGrid>
      {unit.countersPaused > 0 || unit.atCounters > 0 || unit.noShowsToday > 0 ? (
        <Text size="xs" c="dimmed" mt="xs">
          <FormattedMessage id="board.details" values={{ paused: unit.countersPaused, atCounters: unit.atCounters, noShows: unit.noShowsToday }} />
        </Text>
      ) : null}
    </Card>
  );
}
