import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { Referral } from './casefile-api.js';

// Dark shades with white text: readable (WCAG AA contrast) at badge size.
const COLOURS: Record<Referral['status'], string> = { sent: 'indigo.9', accepted: 'oneroof.7', rejected: 'gray.7', done: 'teal.9', revoked: 'gray.7' };

export function ReferralStatusBadge({ status }: { status: Referral['status'] }) {
  return <Badge color={COLOURS[status]} variant="filled" style={{ minWidth: 'max-content' }}><FormattedMessage id={`casefile.referrals.status.${status}`} /></Badge>;
}
