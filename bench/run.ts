// npm run bench [NAME…]: runs benchmarks (all by default), prints a table and writes
// bench/results/NAME.json. DATABASE_URL runs the database benchmarks on PostgreSQL.
import { apiWriteBenchmark } from './api-write.bench.js';
import { availabilityBenchmark } from './availability.bench.js';
import { bookingSurgeBenchmark } from './booking-surge.bench.js';
import { printTable, writeResult, type Benchmark, type BenchmarkResult } from './lib.js';
import { personDedupBenchmark } from './person-dedup.bench.js';
import { personSearchBenchmark } from './person-search.bench.js';
import { queueCallNextBenchmark } from './queue-call-next.bench.js';
import { queueDaySimulationBenchmark } from './queue-day-simulation.bench.js';
import { queueDisplayLatencyBenchmark } from './queue-display-latency.bench.js';
import { startupBenchmark } from './startup.bench.js';

const BENCHMARKS: Benchmark[] = [apiWriteBenchmark, startupBenchmark, queueCallNextBenchmark, queueDisplayLatencyBenchmark, queueDaySimulationBenchmark, bookingSurgeBenchmark, availabilityBenchmark, personDedupBenchmark, personSearchBenchmark];

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = requested.length ? BENCHMARKS.filter((benchmark) => requested.includes(benchmark.name)) : BENCHMARKS;
const results: BenchmarkResult[] = [];
for (const benchmark of selected) {
  console.log(`\n▶ ${benchmark.name}: ${benchmark.description}`);
  const result = await benchmark.run({ databaseUrl: process.env.DATABASE_URL });
  console.log(`  written to ${writeResult(result)}`);
  results.push(result);
}
console.log('');
printTable(results);
