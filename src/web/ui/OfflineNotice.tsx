import { Alert } from '@mantine/core';
import { IconWifiOff } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useServedFromCache } from '../app/offline.js';

/** Said plainly above the information while it comes from the device's saved copy because the network is down. */
export function OfflineNotice({ large = false }: { large?: boolean }) {
  const intl = useIntl();
  const savedAt = useServedFromCache();
  if (savedAt === null) return null;
  const when = savedAt ? new Date(savedAt) : null;
  return (
    <Alert color="orange" variant="light" icon={<IconWifiOff size={large ? 32 : 20} />} title={<FormattedMessage id="offline.title" />} role="status" data-testid="offline-notice" mb="md" styles={large ? { title: { fontSize: 28 }, message: { fontSize: 22 } } : undefined}>
      {when && !Number.isNaN(when.getTime()) ? (
        <FormattedMessage id="offline.savedAt" values={{ when: intl.formatDate(when, { dateStyle: 'medium', timeStyle: 'short' }) }} />
      ) : (
        <FormattedMessage id="offline.body" />
      )}
    </Alert>
  );
}
