import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { columnsOf, HSDS_REFERENCES, HSDS_TABLE_NAMES, HSDS_TABLES, type HsdsDataset, type HsdsTable } from './directory.hsds.js';
import { existingIds, upsertRows } from './directory.repo.js';

/** One problem in one row of an import: table, row number (from 0, as in the file), the field. */
export interface ImportError {
  table: HsdsTable | null;
  row: number | null;
  id: string | null;
  field: string | null;
  message: string;
}

export type ImportOutcome = { ok: true; dataset: HsdsDataset } | { ok: false; errors: ImportError[] };

const MAX_ERRORS = 500;

/**
 * Checks every row of every table (types, allowed values, required fields, references to rows in the
 * file or already in the database, ids unique in a table) before anything is written, and lists
 * every problem found so the sender can fix the file in one go.
 */
export async function validateDataset(db: Kysely<Database>, input: unknown): Promise<ImportOutcome> {
  const errors: ImportError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ table: null, row: null, id: null, field: null, message: 'expected an object with one list per HSDS table' }] };
  }
  const source = input as Record<string, unknown>;
  const dataset = {} as Record<HsdsTable, Record<string, unknown>[]>;
  for (const table of HSDS_TABLE_NAMES) {
    const rows = source[table] ?? [];
    dataset[table] = [];
    if (!Array.isArray(rows)) {
      errors.push({ table, row: null, id: null, field: null, message: 'expected a list of rows' });
      continue;
    }
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const parsed = HSDS_TABLES[table].safeParse(row);
      const rowId = typeof (row as { id?: unknown })?.id === 'string' ? ((row as { id: string }).id) : null;
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ table, row: index, id: rowId, field: issue.path.join('.') || null, message: issue.message });
        return;
      }
      const value = parsed.data as Record<string, unknown>;
      if (seen.has(value.id as string)) errors.push({ table, row: index, id: rowId, field: 'id', message: 'this id appears twice in the table' });
      seen.add(value.id as string);
      const unknown = Object.keys(row as object).filter((key) => !columnsOf(table).includes(key));
      for (const key of unknown) errors.push({ table, row: index, id: rowId, field: key, message: 'not a field of this table' });
      dataset[table].push(value);
    });
  }
  if (errors.length === 0) errors.push(...(await referenceErrors(db, dataset)));
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, dataset: dataset as unknown as HsdsDataset };
}

async function referenceErrors(db: Kysely<Database>, dataset: Record<HsdsTable, Record<string, unknown>[]>): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  const inFile = Object.fromEntries(HSDS_TABLE_NAMES.map((table) => [table, new Set(dataset[table].map((row) => row.id as string))])) as Record<HsdsTable, Set<string>>;
  // Ids not in the file may already be in the database: one query per referenced table.
  const missing = new Map<HsdsTable, Set<string>>();
  for (const table of HSDS_TABLE_NAMES) {
    for (const [column, target] of Object.entries(HSDS_REFERENCES[table] ?? {})) {
      for (const row of dataset[table]) {
        const value = row[column] as string | null;
        if (value && !inFile[target].has(value)) missing.set(target, (missing.get(target) ?? new Set()).add(value));
      }
    }
  }
  const inDatabase = new Map<HsdsTable, Set<string>>();
  for (const [target, ids] of missing) inDatabase.set(target, await existingIds(db, target, [...ids]));
  for (const table of HSDS_TABLE_NAMES) {
    dataset[table].forEach((row, index) => {
      for (const [column, target] of Object.entries(HSDS_REFERENCES[table] ?? {})) {
        const value = row[column] as string | null;
        if (value && !inFile[target].has(value) && !inDatabase.get(target)?.has(value)) {
          errors.push({ table, row: index, id: row.id as string, field: column, message: `no ${target} with this id in the file or the directory` });
        }
      }
      if (table === 'attribute' && !['organization', 'service', 'location'].includes(row.link_entity as string)) {
        errors.push({ table, row: index, id: row.id as string, field: 'link_entity', message: 'expected organization, service or location' });
      }
    });
  }
  return errors;
}

/** Writes a validated dataset in the caller's transaction: all of it or, on any failure, none. */
export async function writeDataset(trx: Kysely<Database>, dataset: HsdsDataset): Promise<Record<HsdsTable, number>> {
  const counts = {} as Record<HsdsTable, number>;
  for (const table of HSDS_TABLE_NAMES) {
    const rows = dataset[table] as unknown as Record<string, unknown>[];
    await upsertRows(trx, table, rows);
    counts[table] = rows.length;
  }
  return counts;
}
