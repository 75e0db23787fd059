// Takes a screenshot of a page in Debian's Chromium: node scripts/screenshot.mjs URL OUT.png [width] [height] [locale]
// With a locale (e.g. ar), the interface language is set before the page loads.
import { chromium } from 'playwright-core';

const [, , url, out, width = '1280', height = '800', locale] = process.argv;
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [width] [height] [locale]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
if (locale) await page.addInitScript((code) => localStorage.setItem('oneroof.locale', code), locale);
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
