import { useSyncExternalStore } from 'react';
import { OFFLINE_HEADER, SAVED_AT_HEADER, WORKER_SCOPES, WORKER_URL } from '../sw/cache-rules.js';

/**
 * The page's side of the information worker (src/web/sw/): registering it on kiosks and the public
 * information pages, and knowing when what is on screen came from its cache.
 */

let savedAt: string | null = null;
const listeners = new Set<() => void>();

/** Called by the API client on every answer: an answer from the worker's cache says when it was saved. */
export function noteAnswerSource(response: Response): void {
  const next = response.headers.get(OFFLINE_HEADER) ? (response.headers.get(SAVED_AT_HEADER) ?? '') : null;
  if (next === savedAt) return;
  savedAt = next;
  for (const listener of listeners) listener();
}

/** When the information on screen was saved, while it comes from the cache because the network is down; otherwise null. */
export function useServedFromCache(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => savedAt,
  );
}

/**
 * Registers the worker for one scope. Everything works without it: in development (no built
 * worker), on a browser without service workers, or on a kiosk served over plain http from another
 * machine (service workers need https or localhost), the pages simply need the network.
 */
export function registerInformationWorker(scope: keyof typeof WORKER_SCOPES): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register(WORKER_URL, { scope: WORKER_SCOPES[scope] })
    .then(async (registration) => {
      const active = registration.active ?? (await activated(registration));
      // What this page loaded before the worker was there (the first visit), so it is there offline too.
      const urls = performance.getEntriesByType('resource').map((entry) => entry.name);
      active?.postMessage({ type: 'keep-assets', urls });
    })
    .catch(() => {
      // No worker: the page still works, only not offline.
    });
}

function activated(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve(worker);
      if (worker.state === 'redundant') resolve(null);
    });
  });
}
