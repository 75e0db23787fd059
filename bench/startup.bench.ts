import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measurement, type Benchmark } from './lib.js';
import { freePort, residentMemoryOf, startProcess, stopProcessTree, waitUntilHealthy } from './process.js';

/** `npm start` to a healthy /api/health: on a new data dir (migrations + demo network) and on an existing one. */
export const startupBenchmark: Benchmark = {
  name: 'startup',
  description: '`npm start` until /api/health answers, on a new and an existing data dir, and memory after start',
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'oneroof-bench-startup-'));
    // The web build happens once after source changes; it is not part of starting.
    execFileSync('node', ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
    try {
      const baseline = await timeBareNodeServer();
      const fresh = await timeNpmStart(dataDir);
      const existing = await timeNpmStart(dataDir);
      const existingSeconds = existing.seconds;
      const primary = measurement('start on an existing data dir', existingSeconds, 's', baseline.seconds, 3, 'max');
      return {
        name: 'startup',
        db: 'pglite',
        ...primary,
        more: [
          measurement('start on a new data dir (demo network loaded)', fresh.seconds, 's', baseline.seconds, 10, 'max'),
          measurement('resident memory after start', existing.rssMb, 'MiB', baseline.rssMb, 512, 'max'),
        ],
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

async function timeNpmStart(dataDir: string): Promise<{ seconds: number; rssMb: number }> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = startProcess('npm', ['start', '--silent'], { DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD: 'bench-demo-password', LOG_LEVEL: 'warn' });
  try {
    const ms = await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`, startedAt);
    const rssMb = residentMemoryOf(child.pid!, 'src/server/main.ts');
    return { seconds: ms / 1000, rssMb };
  } finally {
    await stopProcessTree(child);
  }
}

/** The same measurement for a bare Node HTTP server: the floor any Node service starts from. */
async function timeBareNodeServer(): Promise<{ seconds: number; rssMb: number }> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = startProcess(process.execPath, ['-e', `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`], {});
  try {
    const seconds = (await waitUntilHealthy(`http://127.0.0.1:${port}/`, startedAt)) / 1000;
    return { seconds, rssMb: residentMemoryOf(child.pid!, 'createServer') };
  } finally {
    await stopProcessTree(child);
  }
}
