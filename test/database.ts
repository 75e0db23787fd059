import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client.js';
import { runAdminStatement, withDatabase } from '../src/server/db/admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
    postgresTemplateDb: string;
  }
}

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database this test project runs on (vitest.config.ts sets it per project). */
export function testDatabaseKind(): TestDatabaseKind {
  return process.env.ONEROOF_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A fresh, migrated database of its own for one test file (or one test). */
export async function createTestDatabase(kind: TestDatabaseKind = testDatabaseKind()): Promise<DatabaseHandle & { url?: string }> {
  if (kind === 'pglite') {
    const template = await readFile(inject('pgliteTemplateFile'));
    return openDatabase({ kind: 'pglite', dataDir: 'memory://', initialContents: new Blob([template]) });
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is needed for the PostgreSQL test project');
  const name = `oneroof_test_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(baseUrl, name, inject('postgresTemplateDb'));
  const url = withDatabase(baseUrl, name);
  const handle = await openDatabase({ kind: 'postgres', url });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await runAdminStatement(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}


/** Copying a template fails while another session is still leaving it; such a moment passes quickly. */
async function createFromTemplate(url: string, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await runAdminStatement(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if (attempt >= 50 || !String(error).includes('is being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
