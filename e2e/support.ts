import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';

export const SCREENSHOT_DIR = path.resolve('e2e/screenshots');

/** Saves a full-page screenshot under e2e/screenshots/NAME.png, for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Starts in a given interface language, as a returning person whose choice was remembered. */
export async function useInterfaceLanguage(page: Page, code: string): Promise<void> {
  await page.addInitScript((language) => {
    if (!localStorage.getItem('oneroof.locale')) localStorage.setItem('oneroof.locale', language);
  }, code);
}

export async function signIn(page: Page, username: string, password = E2E_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/office/);
}

/** Picks a language by its native name in the language picker. */
export async function switchLanguage(page: Page, nativeName: string): Promise<void> {
  await page.getByTestId('language-picker').first().click();
  await page.getByRole('option', { name: nativeName }).click();
}

/** A message to a person as the staff outbox shows it (docs/notifications.md). */
export interface OutboxMessage {
  template: string;
  recipient: string;
  subject: string | null;
  body: string | null;
}

/**
 * The newest message of a template to a recipient, read the way staff read it: through the outbox
 * (GET /api/v1/notifications, signed in as the demo network administrator). Resolves to null while
 * this build has no outbox endpoint (404), so booking specs can call it today and assert on it as
 * soon as the outbox lands.
 */
export async function readOutboxMessage(page: Page, recipient: string, template: string): Promise<OutboxMessage | null> {
  const response = await page.request.get(`/api/v1/notifications?recipient=${encodeURIComponent(recipient)}&template=${encodeURIComponent(template)}`);
  if (response.status() === 404) return null;
  expect(response.ok(), await response.text()).toBe(true);
  const rows = (await response.json()) as { items?: OutboxMessage[] } | OutboxMessage[];
  const items = Array.isArray(rows) ? rows : (rows.items ?? []);
  return items.find((item) => item.recipient === recipient && item.template === template) ?? null;
}

/** The WCAG 2.1 A and AA rules axe knows (docs/accessibility.md). */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe on the page as it is now: fails on any serious or critical WCAG 2.1 A/AA violation, listing
 * each as "label: rule (impact) – help – elements" so the failure says what to fix and where.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const readable = serious.map(
    (violation) => `${label}: ${violation.id} (${violation.impact}) – ${violation.help} – ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(readable, `axe on ${label}`).toEqual([]);
}
