import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { usePreparedStatements } from './prepared.js';
import type { Database } from './types.js';

export type DatabaseTarget =
  /** dataDir 'memory://' keeps the database in memory; `initialContents` starts it from a dump (tests). */
  | { kind: 'pglite'; dataDir: string; initialContents?: Blob }
  | { kind: 'postgres'; url: string };

/** Something that tells the database layer a notification arrived on a channel. */
export type NotificationListener = (payload: string) => void;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseTarget['kind'];
  /** The embedded instance, when there is one (tests dump it to copy a migrated database). */
  pglite?: PGlite;
  /** Subscribes to a NOTIFY channel; returns a function that stops listening. */
  listen(channel: string, listener: NotificationListener): Promise<() => Promise<void>>;
  /**
   * Runs multi-statement SQL scripts (migrations) in one transaction on a connection of their own;
   * Kysely's query path sends one statement at a time.
   */
  scriptTransaction<T>(work: (runScript: (script: string) => Promise<unknown[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Postgres returns bigint (int8) as text by default; counts and ids in this app fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// Dates (not timestamps) stay as 'YYYY-MM-DD' strings: a calendar day has no time zone.
pg.types.setTypeParser(1082, (value) => value);

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'pglite' ? openPglite(target.dataDir, target.initialContents) : openPostgres(target.url);
}

async function openPglite(dataDir: string, initialContents?: Blob): Promise<DatabaseHandle> {
  const inMemory = dataDir === 'memory://';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: inMemory ? undefined : dataDir,
    loadDataDir: initialContents,
    extensions: { btree_gist, citext, fuzzystrmatch, pg_trgm, unaccent },
    // Same date handling as the pg driver above.
    parsers: { 1082: (value: string) => value, 20: (value: string) => Number.parseInt(value, 10) },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    async listen(channel, listener) {
      const unsubscribe = await pglite.listen(channel, listener);
      return async () => {
        if (!pglite.closed) await unsubscribe();
      };
    },
    scriptTransaction(work) {
      return pglite.transaction((tx) =>
        work(async (script) => {
          const results = await tx.exec(script);
          return results.flatMap((result) => result.rows);
        }),
      );
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => usePreparedStatements(client));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listenClients = new Set<pg.Client>();
  return {
    db,
    kind: 'postgres',
    async listen(channel, listener) {
      // LISTEN needs a connection of its own that is never returned to the pool.
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) listener(message.payload ?? '');
      });
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      listenClients.add(client);
      return async () => {
        listenClients.delete(client);
        await client.end().catch(() => undefined);
      };
    },
    async scriptTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async (script) => {
          const results = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(results) ? results : [results]).flatMap((one) => one.rows);
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all([...listenClients].map((client) => client.end().catch(() => undefined)));
      listenClients.clear();
      await db.destroy();
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
