import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import { withDatabase } from '../src/server/db/admin.js';
import { migrate } from '../src/server/db/migrate.js';



/**
 * Migrates one database per run and saves it as a template; every test file then starts from a
 * cheap copy (a PGlite dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup({ provide }: { provide: (key: string, value: string) => void }): Promise<() => Promise<void>> {
  // Named per setup (each test project runs its own), so several runs can share one server at once.
  const runId = randomBytes(4).toString('hex');
  const PGLITE_TEMPLATE_FILE = path.join(os.tmpdir(), `oneroof-test-template-${runId}.tar.gz`);
  const POSTGRES_TEMPLATE_DB = `oneroof_test_template_${runId}`;
  const pglite = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrate(pglite);
  const dump = await pglite.pglite!.dumpDataDir('gzip');
  await writeFile(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  provide('pgliteTemplateFile', PGLITE_TEMPLATE_FILE);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Other runs may be going on against the same server (another developer, CI): touch only
      // this run's databases. Each test file drops its own; the teardown drops the template.
      await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const template = await openDatabase({ kind: 'postgres', url: withDatabase(url, POSTGRES_TEMPLATE_DB) });
    await migrate(template);
    await template.close();
    provide('postgresTemplateDb', POSTGRES_TEMPLATE_DB);
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DB} WITH (FORCE)`).catch(() => undefined);
      await client.end();
      await rm(PGLITE_TEMPLATE_FILE, { force: true });
    };
  }
  return async () => {
    await rm(PGLITE_TEMPLATE_FILE, { force: true });
  };
}
