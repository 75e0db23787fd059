import { Button, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { SurfaceLayout } from '../../ui/SurfaceLayout.js';
import { queueKeys, useQueueLive, type MyCounter } from '../queue/queue-api.js';
import { rememberedCounter } from './counter-actions.js';
import { CounterDesk } from './CounterDesk.js';
import { CounterPicker } from './CounterPicker.js';

/** /counter: choose a counter of one's units (remembered on this device), then work at it. */
export function CounterPage() {
  const intl = useIntl();
  const [counterId, setCounterId] = useState(rememberedCounter.get);
  const mine = useQuery({ queryKey: queueKeys.myCounters(), queryFn: () => api.get<{ items: MyCounter[] }>('/api/v1/queue/my-counters') });
  const chosen = mine.data?.items.find((item) => item.counter.counterId === counterId);
  useQueueLive(chosen?.counter.centreId);
  const choose = (id: string | null) => {
    rememberedCounter.set(id);
    setCounterId(id);
  };

  if (mine.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!chosen) {
    return (
      <SurfaceLayout title={<FormattedMessage id="counter.title" />}>
        <CounterPicker counters={mine.data?.items ?? []} onChoose={choose} />
      </SurfaceLayout>
    );
  }
  return (
    <SurfaceLayout
      title={<FormattedMessage id="counter.title" />}
      place={`${intl.formatMessage({ id: 'counter.label' }, { label: chosen.counter.label })} · ${chosen.unitName} · ${chosen.centreName}`}
      actions={
        <Button variant="default" size="xs" onClick={() => choose(null)} disabled={chosen.counter.activeTicket !== null && chosen.counter.state !== 'closed'}>
          <FormattedMessage id="counter.choose.change" />
        </Button>
      }
    >
      <CounterDesk mine={chosen} />
    </SurfaceLayout>
  );
}
