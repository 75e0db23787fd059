import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import { expect, request as playwrightRequest, type Page } from '@playwright/test';
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
  await page.getByRole('option', { name: nativeName, exact: true }).click();
}

/** A message to a person as the staff outbox shows it (docs/notifications.md). */
export interface OutboxMessage {
  id: string;
  template: string;
  recipient: string;
  subject: string | null;
  body: string | null;
  attachments: { index: number; filename: string; contentType: string; size: number }[];
}

/** The server the specs run against (playwright.config.ts). */
const serverUrl = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

/**
 * The newest message of a template to a recipient, read the way staff read it: through the outbox
 * API (GET /api/v1/notifications, then the message itself), signed in as the demo network
 * administrator in a separate client, so the page under test keeps its own cookies. Waits until the
 * delivery has written the text (the outbox shows "not written yet" before that).
 */
export async function readOutboxMessage(page: Page, recipient: string, template: string): Promise<OutboxMessage> {
  const origin = page.url().startsWith('http') ? new URL(page.url()).origin : serverUrl();
  const client = await playwrightRequest.newContext({ baseURL: origin });
  try {
    const login = await client.post('/api/v1/auth/login', { data: { username: 'admin', password: E2E_PASSWORD } });
    expect(login.ok(), await login.text()).toBe(true);
    let found: OutboxMessage | null = null;
    await expect
      .poll(
        async () => {
          const list = await client.get(`/api/v1/notifications?recipient=${encodeURIComponent(recipient)}&template=${encodeURIComponent(template)}&limit=5`);
          expect(list.ok(), await list.text()).toBe(true);
          const { items } = (await list.json()) as { items: { id: string; recipient: string; template: string }[] };
          const newest = items.find((item) => item.recipient.toLowerCase() === recipient.toLowerCase() && item.template === template);
          if (!newest) return 'no message yet';
          const detail = await client.get(`/api/v1/notifications/${newest.id}`);
          expect(detail.ok(), await detail.text()).toBe(true);
          const message = (await detail.json()) as { id: string; template: string; recipient: string; renderedSubject: string | null; renderedBody: string | null; attachments: OutboxMessage['attachments'] };
          found = { id: message.id, template: message.template, recipient: message.recipient, subject: message.renderedSubject, body: message.renderedBody, attachments: message.attachments };
          return message.renderedBody ? 'written' : 'not written yet';
        },
        { timeout: 30_000, message: `the ${template} message to ${recipient} in the outbox` },
      )
      .toBe('written');
    return found!;
  } finally {
    await client.dispose();
  }
}

/** The WCAG 2.1 A and AA rules axe knows (docs/accessibility.md). */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe on the page (or the part `include` selects) as it is now: fails on any serious or critical WCAG 2.1 A/AA violation, listing
 * each as "label: rule (impact) – help – elements" so the failure says what to fix and where.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_21_AA_TAGS);
  // `include`: check only this part of the page (a dialog opened over a screen checked elsewhere).
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const readable = serious.map(
    (violation) => `${label}: ${violation.id} (${violation.impact}) – ${violation.help} – ${violation.nodes.map((node) => `${node.target.join(' ')} ${node.html.slice(0, 160)}`).join(', ')}`,
  );
  expect(readable, `axe on ${label}`).toEqual([]);
}
