import { Alert, Button, Card, Grid, Group, Kbd, Stack, Text } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { api } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { queueKeys, type CounterQueue, type MyCounter } from '../queue/queue-api.js';
import { isTypingTarget, useCounterRequest } from './counter-actions.js';
import { CounterStateBadge } from './CounterStateBadge.js';
import { CurrentTicket } from './CurrentTicket.js';
import { ParkedList } from './ParkedList.js';
import { WaitingList } from './WaitingList.js';

/** Working at one counter: its state, the ticket at it, the big call button and the live lists. */
export function CounterDesk({ mine }: { mine: MyCounter }) {
  const { me } = useSession();
  const counterId = mine.counter.counterId;
  const queue = useQuery({ queryKey: queueKeys.counterQueue(counterId), queryFn: () => api.get<CounterQueue>(`/api/v1/counters/${counterId}/queue`) });
  const send = useCounterRequest();
  const counter = queue.data?.counter ?? mine.counter;
  const mineToServe = counter.staffId === null || counter.staffId === me?.id;
  const active = counter.activeTicket;
  const canCall = counter.state === 'open' && mineToServe && active === null && !send.isPending;
  const post = (path: string, body?: unknown) => send.mutate({ url: `/api/v1/counters/${counterId}/${path}`, body });
  const callNext = () => {
    if (canCall) post('call-next');
  };

  // One key calls the next person: F2 anywhere, Space when no field or button has the focus.
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'F2' || (event.key === ' ' && !isTypingTarget(event.target))) {
      event.preventDefault();
      callNext();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <Card withBorder>
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <CounterStateBadge state={counter.state} />
                {!mineToServe ? (
                  <Text size="sm" c="red">
                    <FormattedMessage id="counter.someoneElse" />
                  </Text>
                ) : null}
              </Group>
              <Group gap="xs">
                <Button variant="light" color="green" disabled={counter.state === 'open' || !mineToServe} onClick={() => post('open')}>
                  <FormattedMessage id={counter.state === 'paused' ? 'counter.resumeWork' : 'counter.open'} />
                </Button>
                <Button variant="light" color="yellow" disabled={counter.state !== 'open' || !mineToServe} onClick={() => post('pause')}>
                  <FormattedMessage id="counter.pause" />
                </Button>
                <Button variant="light" color="gray" disabled={counter.state === 'closed' || active !== null} onClick={() => post('close')}>
                  <FormattedMessage id="counter.close" />
                </Button>
              </Group>
            </Group>
          </Card>
          <Button size="xl" h={88} leftSection={<IconBellRinging size={32} />} disabled={!canCall} loading={send.isPending} onClick={callNext} data-testid="call-next">
            <Stack gap={0} align="center">
              <Text fz={26} fw={700} inherit>
                <FormattedMessage id="counter.callNext" />
              </Text>
              <Text size="xs" inherit>
                <FormattedMessage id="counter.callNextKeys" values={{ f2: <Kbd size="xs">F2</Kbd>, space: <Kbd size="xs">␣</Kbd> }} />
              </Text>
            </Stack>
          </Button>
          {counter.state === 'closed' ? (
            <Alert color="gray">
              <FormattedMessage id="counter.closedHint" />
            </Alert>
          ) : null}
          {active ? <CurrentTicket ticket={active} counter={mine} /> : null}
          <ParkedList parked={queue.data?.parked ?? []} counterId={counterId} canResume={counter.state === 'open' && mineToServe && active === null} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <WaitingList waiting={queue.data?.waiting ?? []} loading={queue.isLoading} />
      </Grid.Col>
    </Grid>
  );
}
