import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { NotificationStatus } from './outbox-api.js';

const COLOURS: Record<NotificationStatus, string> = { queued: 'blue', sent: 'green', held: 'grape', failed: 'red', cancelled: 'gray' };

/** A status in words (never colour alone). */
export function StatusBadge({ status }: { status: NotificationStatus }) {
  return (
    <Badge color={COLOURS[status]} variant="light" tt="none" styles={{ root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible' } }}>
      <FormattedMessage id={`outbox.status.${status}`} />
    </Badge>
  );
}
