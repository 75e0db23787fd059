import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type DatabaseLabel = 'pglite' | 'postgres';

/** One measured figure against a baseline measured in the same run. */
export interface Measurement {
  metric: string;
  value: number;
  unit: string;
  baseline: number;
  /** value / baseline */
  ratio: number;
  /** The goal, read with `targetKind`: value ≤ target ('max') or value ≥ target ('min'), or on the ratio. */
  target: number;
  targetKind: 'max' | 'min' | 'ratio-min' | 'ratio-max';
  meets: boolean;
}

export interface BenchmarkResult extends Measurement {
  name: string;
  /** The database, with a word on how it was used when that differs from the PostgreSQL run. */
  db: DatabaseLabel | `${DatabaseLabel} (${string})`;
  /** Further figures of the same benchmark, each with its own target. */
  more?: Measurement[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(options: { databaseUrl: string | undefined }): Promise<BenchmarkResult>;
}

export function measurement(metric: string, value: number, unit: string, baseline: number, target: number, targetKind: Measurement['targetKind']): Measurement {
  const ratio = baseline === 0 ? 0 : value / baseline;
  const compared = targetKind.startsWith('ratio') ? ratio : value;
  const meets = targetKind.endsWith('min') ? compared >= target : compared <= target;
  return { metric, value: round(value), unit, baseline: round(baseline), ratio: round(ratio), target, targetKind, meets };
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function writeResult(result: BenchmarkResult): string {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function printTable(results: BenchmarkResult[]): void {
  const rows = results.flatMap((result) => [result, ...(result.more ?? [])].map((m) => ({ name: result.name, db: result.db, ...m })));
  const header = ['benchmark', 'db', 'metric', 'value', 'baseline', 'ratio', 'target', 'meets'];
  const lines = rows.map((row) => [
    row.name,
    row.db,
    row.metric,
    `${row.value} ${row.unit}`,
    `${row.baseline} ${row.unit}`,
    String(row.ratio),
    `${row.targetKind.startsWith('ratio') ? 'ratio ' : ''}${row.targetKind.endsWith('min') ? '≥' : '≤'} ${row.target}`,
    row.meets ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}
