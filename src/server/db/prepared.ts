import { CompiledQuery, createQueryId, PostgresQueryCompiler, type Kysely, type RawBuilder } from 'kysely';
import type pg from 'pg';
import type { Database } from './types.js';

/**
 * Statements on the busiest paths (call-next) are written once, with their own placeholders ($1,
 * $2…), and run on PostgreSQL as named prepared statements: each pooled connection parses and plans
 * one the first time and then only binds and executes it. Planning call-next's statement cost more
 * than running it (docs/benchmarks.md). On PGlite the same text runs as an ordinary statement.
 *
 * The name travels in a leading comment, so the statement's text is all a driver sees and Kysely's
 * PostgreSQL driver needs no change: `usePreparedStatements` turns such texts into named queries.
 */
export interface PreparedStatement<Row> {
  name: string;
  text: string;
  /** Never set: carries the row type. */
  readonly row?: Row;
}

const MARK = '/* prepared:';
const NAME = /^[a-z][a-z0-9_.]*$/;

/**
 * Compiles `statement` once. It may hold SQL, identifiers and literals (`sql.raw`, `sql.ref`,
 * `sql.lit`) but no interpolated values: every value is a `$n` the caller passes in order, so the
 * text is the same on every call (a prepared statement's name stands for exactly one text).
 */
export function preparedStatement<Row>(name: string, statement: RawBuilder<Row>): PreparedStatement<Row> {
  if (!NAME.test(name)) throw new Error(`prepared statement name ${name}: lower-case letters, digits, '_' and '.' only`);
  const compiled = new PostgresQueryCompiler().compileQuery(statement.toOperationNode(), createQueryId());
  if (compiled.parameters.length > 0) throw new Error(`prepared statement ${name}: values must be $n placeholders, not interpolated`);
  return { name, text: `${MARK}${name} */ ${compiled.sql}` };
}

export async function runPrepared<Row>(db: Kysely<Database>, statement: PreparedStatement<Row>, parameters: readonly unknown[]): Promise<Row[]> {
  const result = await db.executeQuery<Row>(CompiledQuery.raw(statement.text, [...parameters]));
  return result.rows;
}

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Installed on every pooled pg client (the pool's 'connect' event): a text made by
 * `preparedStatement` is sent as a named query, which the pg driver parses once per connection.
 */
export function usePreparedStatements(client: pg.Client): void {
  const query = client.query as unknown as QueryFunction;
  const named: QueryFunction = function (this: pg.Client, ...args: unknown[]) {
    const [text, values] = args;
    if (args.length <= 2 && typeof text === 'string' && text.startsWith(MARK) && (values === undefined || Array.isArray(values))) {
      return query.call(this, { name: text.slice(MARK.length, text.indexOf(' */')), text, values });
    }
    return query.apply(this, args);
  };
  (client as unknown as { query: QueryFunction }).query = named;
}
