import { describe, expect, it } from 'vitest';
import { assetsToKeep, cacheNames, mayStore, precacheFor, staleCaches, strategyFor, type RequestFacts } from './cache-rules.js';

const origin = 'https://oneroof.example.pt';

function request(path: string, init: { method?: string; mode?: string; headers?: Record<string, string>; origin?: string } = {}): RequestFacts {
  const headers = new Headers(init.headers ?? { accept: 'application/json' });
  return { method: init.method ?? 'GET', url: `${init.origin ?? origin}${path}`, mode: init.mode ?? 'cors', headers };
}

function response(init: { status?: number; type?: string; headers?: Record<string, string> } = {}) {
  return { status: init.status ?? 200, type: init.type ?? 'basic', headers: new Headers(init.headers ?? { 'content-type': 'application/json; charset=utf-8' }) };
}

describe('which requests the information worker answers', () => {
  it('keeps published knowledge and the directory, with the reader’s language and page', () => {
    for (const path of [
      '/api/v1/public/knowledge/topics',
      '/api/v1/public/knowledge/articles?lang=uk',
      '/api/v1/public/knowledge/articles?lang=ur&fallback=en&topic=health',
      '/api/v1/public/knowledge/articles/residence-permit?lang=ar',
      '/api/v1/public/directory/services?page=2&per_page=6&centre_id=0195e7a0-0000-7000-8000-000000000001',
      '/api/v1/public/directory/services/0195e7a0-0000-7000-8000-000000000002',
    ]) {
      expect(strategyFor(request(path), origin), path).toBe('content');
    }
  });

  it('never keeps what belongs to a person, a device or a staff session', () => {
    for (const path of [
      // a kiosk's state and tickets carry its device token; tickets and bookings are a person's
      '/api/v1/public/kiosk/0195e7a0-0000-7000-8000-000000000001',
      '/api/v1/public/tickets/K7Q2XZ',
      '/api/v1/public/my/view',
      '/api/v1/public/appointments/view?code=ABC',
      '/api/v1/public/display/0195e7a0-0000-7000-8000-000000000001',
      // a search keeps what the previous person typed in its address
      '/api/v1/public/knowledge/search?q=asilo&lang=pt',
      // the whole directory is a download, not something a reader pages through
      '/api/v1/public/directory/export',
      // staff APIs
      '/api/v1/knowledge/articles',
      '/api/v1/directory/partners',
      '/api/v1/auth/session',
      '/api/v1/people?q=silva',
    ]) {
      expect(strategyFor(request(path), origin), path).toBeNull();
    }
  });

  it('leaves alone any request with a device token, a CSRF token or credentials, even to public content', () => {
    for (const header of ['x-device-token', 'x-csrf-token', 'authorization', 'idempotency-key']) {
      expect(strategyFor(request('/api/v1/public/knowledge/articles?lang=pt', { headers: { [header]: 'secret' } }), origin), header).toBeNull();
    }
  });

  it('leaves alone public content asked with a parameter it does not know (a token or a code)', () => {
    expect(strategyFor(request('/api/v1/public/knowledge/articles?lang=pt&token=abc'), origin)).toBeNull();
    expect(strategyFor(request('/api/v1/public/directory/services?code=K7Q2XZ'), origin)).toBeNull();
  });

  it('leaves alone writes, event streams and other sites', () => {
    expect(strategyFor(request('/api/v1/public/knowledge/articles', { method: 'POST' }), origin)).toBeNull();
    expect(strategyFor(request('/api/v1/public/directory/services', { headers: { accept: 'text/event-stream' } }), origin)).toBeNull();
    expect(strategyFor(request('/api/v1/public/knowledge/articles', { origin: 'https://elsewhere.example' }), origin)).toBeNull();
    expect(strategyFor(request('/assets/index-abc.js', { origin: 'https://cdn.example' }), origin)).toBeNull();
  });

  it('answers pages with the shell and built files from the cache first', () => {
    expect(strategyFor(request('/kiosk/0195e7a0-0000-7000-8000-000000000001/info?token=abc', { mode: 'navigate', headers: { accept: 'text/html' } }), origin)).toBe('shell');
    expect(strategyFor(request('/info/directory', { mode: 'navigate' }), origin)).toBe('shell');
    expect(strategyFor(request('/api/v1/public/directory/export', { mode: 'navigate' }), origin)).toBeNull();
    expect(strategyFor(request('/assets/index-BpxPq4dS.js'), origin)).toBe('asset');
    expect(strategyFor(request('/assets/noto-sans-arabic-arabic-400-normal-CS_5zO5d.woff2'), origin)).toBe('asset');
    expect(strategyFor(request('/favicon.svg'), origin)).toBe('asset');
    expect(strategyFor(request('/sw.js'), origin)).toBeNull();
  });
});

describe('which answers it saves', () => {
  it('saves complete JSON answers the server lets anyone keep', () => {
    expect(mayStore('content', response())).toBe(true);
    expect(mayStore('content', response({ status: 404 }))).toBe(false);
    expect(mayStore('content', response({ status: 206 }))).toBe(false);
    expect(mayStore('content', response({ type: 'opaque' }))).toBe(false);
    expect(mayStore('content', response({ headers: { 'content-type': 'text/html' } }))).toBe(false);
    expect(mayStore('content', response({ headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }))).toBe(false);
    expect(mayStore('content', response({ headers: { 'content-type': 'application/json', 'cache-control': 'private, max-age=60' } }))).toBe(false);
    expect(mayStore('content', response({ headers: { 'content-type': 'application/json', 'set-cookie': 'oneroof_session=x' } }))).toBe(false);
    expect(mayStore('asset', response({ headers: { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=31536000, immutable' } }))).toBe(true);
  });
});

describe('versions', () => {
  it('gives each build its own caches and drops only the worker’s caches of other builds', () => {
    expect(cacheNames('b2')).toEqual({ shell: 'oneroof-shell-b2', assets: 'oneroof-assets-b2', content: 'oneroof-content-b2' });
    expect(staleCaches(['oneroof-shell-b1', 'oneroof-content-b1', 'oneroof-assets-b1', 'oneroof-shell-b2', 'oneroof-content-b2', 'someone-else'], 'b2')).toEqual(['oneroof-shell-b1', 'oneroof-content-b1', 'oneroof-assets-b1']);
  });

  it('saves every chunk on a kiosk and only the shell on /info', () => {
    const manifest = { shell: ['/index.html', '/assets/index-a.js'], chunks: ['/assets/ar-b.js', '/assets/uk-c.js'] };
    expect(precacheFor(`${origin}/kiosk/`, manifest)).toEqual(['/index.html', '/assets/index-a.js', '/assets/ar-b.js', '/assets/uk-c.js']);
    expect(precacheFor(`${origin}/info`, manifest)).toEqual(['/index.html', '/assets/index-a.js']);
  });

  it('keeps the built files a page reports, not API calls or other sites', () => {
    expect(assetsToKeep([`${origin}/assets/index-a.js`, `${origin}/assets/index-a.js`, `${origin}/assets/noto-sans-latin-400-normal-x.woff2`, `${origin}/api/v1/public/knowledge/topics`, 'https://elsewhere.example/assets/x.js', 'not a url::'], origin)).toEqual(['/assets/index-a.js', '/assets/noto-sans-latin-400-normal-x.woff2']);
  });
});
