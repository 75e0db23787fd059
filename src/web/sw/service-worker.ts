/**
 * The information worker: keeps the kiosk's information mode and the public /info pages readable
 * when the network drops (docs/knowledge.md, "Offline"). Built by the Vite build into /sw.js
 * (src/web/sw/vite-plugin.ts), which fills in the build's version and file list.
 *
 * It is registered only for /kiosk/ and /info, so staff pages never pass through it; within those
 * pages it answers only what cache-rules.ts allows, and leaves every other request (device-token
 * calls, event streams, writes) to the browser untouched.
 */
import { assetsToKeep, cacheNames, mayStore, OFFLINE_HEADER, precacheFor, SAVED_AT_HEADER, SHELL_KEY, staleCaches, strategyFor, type PrecacheManifest, type Strategy } from './cache-rules.js';

declare const __ONEROOF_SW_VERSION__: string;
declare const __ONEROOF_SW_MANIFEST__: PrecacheManifest;

// The DOM library has no service worker types, and the web worker library cannot be mixed with it:
// the few parts used here, declared by hand.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: { origin: string };
  readonly registration: { scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = globalThis as unknown as WorkerScope;
const VERSION = __ONEROOF_SW_VERSION__;
const CACHES = cacheNames(VERSION);
const origin = worker.location.origin;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const files = precacheFor(worker.registration.scope, __ONEROOF_SW_MANIFEST__);
      const shell = await caches.open(CACHES.shell);
      // `reload`: the files of this build from the server, not an older copy from the HTTP cache.
      await shell.addAll(files.map((file) => new Request(file, { cache: file === SHELL_KEY ? 'reload' : 'default' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = staleCaches(await caches.keys(), VERSION);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, origin);
  if (!strategy) return;
  event.respondWith(answer(event.request, strategy));
});

/** A page that has loaded tells which built files it used, so they are there offline too. */
worker.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== 'keep-assets' || !Array.isArray(data.urls)) return;
  event.waitUntil(keepAssets(assetsToKeep(data.urls.filter((url): url is string => typeof url === 'string'), origin)));
});

async function answer(request: Request, strategy: Strategy): Promise<Response> {
  if (strategy === 'shell') return networkFirst(request, strategy, () => caches.match(SHELL_KEY, { cacheName: CACHES.shell }));
  if (strategy === 'asset') return cacheFirst(request);
  return networkFirst(request, strategy, () => caches.match(request, { cacheName: CACHES.content, ignoreVary: true }));
}

async function networkFirst(request: Request, strategy: Strategy, saved: () => Promise<Response | undefined>): Promise<Response> {
  try {
    const response = await fetch(request);
    // Pages are not saved as they come: the shell is the same for every page and is saved whole at
    // install, so a kiosk's address (with its device token) never ends up in a cache key.
    if (strategy === 'content' && mayStore(strategy, response)) {
      const copy = response.clone();
      void caches.open(CACHES.content).then((cache) => cache.put(request, withSavedAt(copy)));
    }
    return response;
  } catch (error) {
    const fallback = await saved();
    if (!fallback) throw error;
    return strategy === 'content' ? markedAsSaved(fallback) : fallback;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const hit = (await caches.match(request, { cacheName: CACHES.shell, ignoreVary: true })) ?? (await caches.match(request, { cacheName: CACHES.assets, ignoreVary: true }));
  if (hit) return hit;
  const response = await fetch(request);
  if (mayStore('asset', response)) {
    const copy = response.clone();
    void caches.open(CACHES.assets).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function keepAssets(paths: string[]): Promise<void> {
  const cache = await caches.open(CACHES.assets);
  for (const path of paths) {
    if (await caches.match(path, { ignoreVary: true })) continue;
    try {
      const response = await fetch(path);
      if (mayStore('asset', response)) await cache.put(path, response);
    } catch {
      // Offline already: the file is kept the next time a page loads it.
    }
  }
}

/** The time an answer was saved, kept with it so the page can say how old the saved text is. */
function withSavedAt(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, new Date().toISOString());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A saved answer given because the network failed: the header tells the page to show its offline notice. */
function markedAsSaved(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set(OFFLINE_HEADER, '1');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
