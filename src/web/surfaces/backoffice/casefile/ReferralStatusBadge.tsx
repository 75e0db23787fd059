import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { Referral } from './casefile-api.js';

const COLOURS: Record<Referral['status'], string> = { sent: 'yellow', accepted: 'blue', rejected: 'gray', done: 'green', revoked: 'gray' };

export function ReferralStatusBadge({ status }: { status: Referral['status'] }) {
  return <Badge color={COLOURS[status]} variant="light" style={{ minWidth: 'max-content' }}><FormattedMessage id={`casefile.referrals.status.${status}`} /></Badge>;
}
