// `npm test`: type-check, lint, unit and database tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then the browser suite in Chromium. In CI the browser suite is required.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING_LINE, CHROMIUM_PATH } from './check-chromium.mjs';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

step('Compile interface messages', 'node', ['scripts/compile-locales.mjs']);
step('Type-check', 'npm', ['run', '--silent', 'typecheck']);
step('Lint', 'npm', ['run', '--silent', 'lint']);
if (!process.env.TEST_DATABASE_URL) console.log('\n(TEST_DATABASE_URL is not set: database tests run on PGlite only)');
step('Unit and database tests', 'npx', ['vitest', 'run']);

if (!existsSync(CHROMIUM_PATH)) {
  console.error(`\n${CHROMIUM_MISSING_LINE}`);
  if (inCi) process.exit(1);
  console.error('The browser suite was skipped.');
  process.exit(0);
}
step('Browser end-to-end suite (Chromium)', 'npm', ['run', '--silent', 'test:e2e']);
console.log('\n✔ All checks passed');
