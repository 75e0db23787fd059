import { useEffect } from 'react';
import { useRefreshNetwork } from './network-api.js';

/**
 * Keeps the network screens current while they are open: the server sends `network.changed` on the
 * realtime stream after every committed change to a centre one may see (no polling).
 */
export function useNetworkLiveUpdates(): void {
  const refresh = useRefreshNetwork();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events/stream', { withCredentials: true });
    const onChange = () => void refresh();
    source.addEventListener('network.changed', onChange);
    return () => {
      source.removeEventListener('network.changed', onChange);
      source.close();
    };
  }, [refresh]);
}
