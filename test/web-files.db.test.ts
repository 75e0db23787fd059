import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { RealtimeBus } from '../src/server/realtime/bus.js';
import type { DatabaseHandle } from '../src/server/db/client.js';
import { createTestDatabase } from './database.js';
import { testConfig } from './app.js';

/** The built web app as a cheap phone receives it: compressed files sent as they are. */
let root: string;
let database: DatabaseHandle;
let app: Awaited<ReturnType<typeof buildApp>>;
const script = `console.log(${JSON.stringify('OneRoof '.repeat(400))});`;
const page = `<!doctype html><html><head><title>OneRoof</title></head><body>${'<div></div>'.repeat(200)}</body></html>`;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'oneroof-web-'));
  mkdirSync(path.join(root, 'assets'));
  for (const [name, text] of [['assets/app-1234.js', script], ['index.html', page]] as const) {
    writeFileSync(path.join(root, name), text);
    writeFileSync(path.join(root, `${name}.br`), brotliCompressSync(text));
    writeFileSync(path.join(root, `${name}.gz`), gzipSync(text));
  }
  database = await createTestDatabase();
  const bus = new RealtimeBus(database, { warn: () => undefined, error: () => undefined });
  app = await buildApp({ config: testConfig(), database, db: database.db, bus }, { logger: false, webRoot: root });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('web files', () => {
  it('sends a built asset as Brotli or gzip when the browser accepts it, plain otherwise, cached for a year', async () => {
    const brotli = await app.inject({ method: 'GET', url: '/assets/app-1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    expect(brotli.rawPayload.length).toBeLessThan(script.length / 4);

    const gzipped = await app.inject({ method: 'GET', url: '/assets/app-1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ method: 'GET', url: '/assets/app-1234.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('answers every page of the app with the compressed index, never cached', async () => {
    const response = await app.inject({ method: 'GET', url: '/kiosk/some-centre/info', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(page);
    expect((await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).statusCode).toBe(404);
    // A folder of the build is not a file to send: it is a page of the app like any other path.
    expect((await app.inject({ method: 'GET', url: '/assets' })).body).toBe(page);
  });
});
