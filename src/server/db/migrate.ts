import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from './client.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Applies the migrations not yet recorded, each in its own transaction. An advisory lock keeps two
 * processes starting together on one PostgreSQL from applying the same migration twice.
 */
export async function migrate(handle: Pick<DatabaseHandle, 'scriptTransaction'>, migrations = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await handle.scriptTransaction(async (runScript) => {
      await runScript(`SELECT pg_advisory_xact_lock(7243001);
        CREATE TABLE IF NOT EXISTS schema_migrations (
          name text PRIMARY KEY,
          applied_at timestamptz NOT NULL DEFAULT now()
        );`);
      const done = await runScript(`SELECT 1 FROM schema_migrations WHERE name = '${migration.name}'`);
      if (done.length > 0) return false;
      await runScript(migration.sql);
      await runScript(`INSERT INTO schema_migrations (name) VALUES ('${migration.name}')`);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
