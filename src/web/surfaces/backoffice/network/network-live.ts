import { useRealtime } from '../../../app/realtime.js';
import { useRefreshNetwork } from './network-api.js';

/**
 * Keeps the network screens current while they are open: the server sends `network.changed` on the
 * realtime stream after every committed change to a centre one may see (no polling).
 */
export function useNetworkLiveUpdates(): void {
  const refresh = useRefreshNetwork();
  useRealtime(['network.changed'], () => void refresh());
}
