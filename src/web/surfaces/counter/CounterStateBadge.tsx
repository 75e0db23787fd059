import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { CounterState } from '../queue/queue-api.js';

const COLOURS = { open: 'green', paused: 'yellow', closed: 'gray' } as const;

export function CounterStateBadge({ state }: { state: CounterState['state'] }) {
  return (
    <Badge color={COLOURS[state]} variant="light" data-testid="counter-state">
      <FormattedMessage id={`counter.state.${state}`} />
    </Badge>
  );
}
