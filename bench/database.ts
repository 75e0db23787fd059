import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import type { DatabaseLabel } from './lib.js';
import { runAdminStatement, withDatabase } from '../src/server/db/admin.js';

export interface BenchDatabase {
  handle: DatabaseHandle;
  label: DatabaseLabel;
  /** The URL of the database created for this run, on PostgreSQL. */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark: PGlite in memory, or — with DATABASE_URL — a new
 * PostgreSQL database next to the one named, dropped afterwards.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (!databaseUrl) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await migrate(handle);
    return { handle, label: 'pglite', url: undefined, close: () => handle.close() };
  }
  const name = `oneroof_bench_${randomBytes(5).toString('hex')}`;
  await runAdminStatement(databaseUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(databaseUrl, name);
  const handle = await openDatabase({ kind: 'postgres', url });
  await migrate(handle);
  return {
    handle,
    label: 'postgres',
    url,
    async close() {
      await handle.close();
      await runAdminStatement(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}


/** Runs `work` from `concurrency` loops until `total` calls are made; returns each call's latency (ms). */
export async function runConcurrently(total: number, concurrency: number, work: (index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const startedAt = performance.now();
        await work(index);
        latencies.push(performance.now() - startedAt);
      }
    }),
  );
  return latencies;
}
