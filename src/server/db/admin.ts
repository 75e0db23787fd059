import pg from 'pg';

/**
 * Runs one statement on a connection of its own, outside any pool: CREATE and DROP DATABASE
 * cannot run inside a transaction or on a connection to the database they name.
 */
export async function runAdminStatement(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
