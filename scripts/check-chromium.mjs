// The browser suite runs in Debian's Chromium; Playwright never downloads a browser of its own.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_MISSING_LINE = `Chromium is missing at ${CHROMIUM_PATH}: install it with "apt-get update && apt-get install -y chromium" (Debian) and run the tests again.`;

if (import.meta.url === `file://${process.argv[1]}` && !existsSync(CHROMIUM_PATH)) {
  console.error(CHROMIUM_MISSING_LINE);
  process.exit(1);
}
