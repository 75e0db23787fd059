/**
 * What the information worker (service-worker.ts) may keep, as plain functions so they can be
 * tested without a browser. The worker serves kiosks and the public information pages only: it
 * keeps the app itself and published, public content, never anything that belongs to a person, a
 * staff session or a device.
 */

/** The scopes the worker is registered for: the kiosk (its start screen and information mode) and /info. */
export const WORKER_SCOPES = { kiosk: '/kiosk/', info: '/info' } as const;

/** Where the built worker is served (written by the Vite build next to index.html). */
export const WORKER_URL = '/sw.js';

/** The app shell under one key: every page of the app is the same index.html. */
export const SHELL_KEY = '/index.html';

/** Kept with every saved answer: when it was saved. */
export const SAVED_AT_HEADER = 'x-oneroof-saved-at';

/** Set on an answer the worker gives from its cache because the network failed. */
export const OFFLINE_HEADER = 'x-oneroof-offline';

export type Strategy =
  /** A page: network first, the saved shell when the network fails. */
  | 'shell'
  /** A built file with a content hash in its name (never changes): cache first. */
  | 'asset'
  /** Public, published content: network first, the saved answer when the network fails. */
  | 'content';

export interface RequestFacts {
  method: string;
  url: string;
  /** Request.mode: 'navigate' for a page load. */
  mode: string;
  headers: { get(name: string): string | null };
}

/**
 * Public content a reader may need offline, by path. Search is left out on purpose: on a shared
 * kiosk, a saved answer would keep what the previous person searched for in its address.
 */
const CONTENT_PATHS: RegExp[] = [
  /^\/api\/v1\/public\/knowledge\/topics$/,
  /^\/api\/v1\/public\/knowledge\/articles$/,
  /^\/api\/v1\/public\/knowledge\/articles\/[^/]+$/,
  /^\/api\/v1\/public\/directory\/services$/,
  /^\/api\/v1\/public\/directory\/services\/[^/]+$/,
];

/** Query parameters a content address may carry; any other (a token, a code) keeps it out of the cache. */
const CONTENT_PARAMETERS = new Set(['lang', 'fallback', 'topic', 'page', 'per_page', 'centre_id']);

/** Headers that make a request personal: a device, a session's CSRF token, credentials. */
const PERSONAL_HEADERS = ['x-device-token', 'x-csrf-token', 'authorization', 'idempotency-key'];

/** The built files the worker may keep: hashed bundles, stylesheets, fonts, and the icon. */
const ASSET_PATH = /^\/assets\/[^/]+\.(?:js|css|woff2?|ttf|svg|png)$/;

/** How the worker answers a request, or null to leave it alone (the browser fetches it as usual). */
export function strategyFor(request: RequestFacts, origin: string): Strategy | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return null;
  if (request.mode === 'navigate') return url.pathname.startsWith('/api/') ? null : 'shell';
  if (PERSONAL_HEADERS.some((name) => request.headers.get(name) !== null)) return null;
  if ((request.headers.get('accept') ?? '').includes('text/event-stream')) return null;
  if (ASSET_PATH.test(url.pathname) || url.pathname === '/favicon.svg') return 'asset';
  if (CONTENT_PATHS.some((pattern) => pattern.test(url.pathname)) && [...url.searchParams.keys()].every((key) => CONTENT_PARAMETERS.has(key))) return 'content';
  return null;
}

export interface ResponseFacts {
  status: number;
  /** Response.type: 'basic' for a same-origin answer. */
  type: string;
  headers: { get(name: string): string | null };
}

/** Whether an answer may be saved: a complete, same-origin success that the server lets anyone keep. */
export function mayStore(strategy: Strategy, response: ResponseFacts): boolean {
  if (response.status !== 200 || response.type !== 'basic') return false;
  const cacheControl = (response.headers.get('cache-control') ?? '').toLowerCase();
  if (/\b(no-store|private)\b/.test(cacheControl)) return false;
  if (response.headers.get('set-cookie') !== null) return false;
  if (strategy === 'content') return (response.headers.get('content-type') ?? '').startsWith('application/json');
  return true;
}

/** Cache names of one build: a new build's worker starts with empty caches and drops the old ones. */
export function cacheNames(version: string): { shell: string; assets: string; content: string } {
  return { shell: `oneroof-shell-${version}`, assets: `oneroof-assets-${version}`, content: `oneroof-content-${version}` };
}

/** The worker's caches of other builds (never caches the worker does not own). */
export function staleCaches(existing: string[], version: string): string[] {
  const current = new Set(Object.values(cacheNames(version)));
  return existing.filter((name) => /^oneroof-(shell|assets|content)-/.test(name) && !current.has(name));
}

export interface PrecacheManifest {
  /** index.html, the icon, the entry script and stylesheet: enough to start the app. */
  shell: string[];
  /** Every other script and stylesheet (each interface language's messages, code loaded later). */
  chunks: string[];
}

/**
 * What a registration saves when it installs. A kiosk saves every chunk, so any interface language
 * opens without a network; a phone reading /info saves only the shell (the rest as it is used), so
 * a reader on mobile data does not download every language.
 */
export function precacheFor(scope: string, manifest: PrecacheManifest): string[] {
  const path = new URL(scope).pathname;
  return path.startsWith(WORKER_SCOPES.kiosk) ? [...manifest.shell, ...manifest.chunks] : [...manifest.shell];
}

/** Of the resources a page has loaded, those the worker should keep (the page tells it once it is ready). */
export function assetsToKeep(urls: string[], origin: string): string[] {
  const keep = new Set<string>();
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw, origin);
    } catch {
      continue;
    }
    if (url.origin === origin && ASSET_PATH.test(url.pathname) && !url.search) keep.add(url.pathname);
  }
  return [...keep];
}
