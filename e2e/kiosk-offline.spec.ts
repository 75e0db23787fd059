import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, saveScreenshot } from './support.js';

/**
 * The network drops while the kiosk is on its information mode: what was read before stays
 * readable from the information worker's cache, with a notice saying so (docs/knowledge.md).
 */

const ARTICLE = 'Registering with the National Health Service';

async function openArticle(kiosk: Page) {
  await kiosk.getByTestId('kiosk-info-language-en').click();
  await kiosk.getByRole('button', { name: 'Health', exact: true }).click();
  await kiosk.getByRole('button', { name: ARTICLE }).click();
  await expect(kiosk.getByRole('heading', { name: ARTICLE })).toBeVisible();
  await expect(kiosk.getByText('SNS 24: 808 24 24 24')).toBeVisible();
}

async function openDirectory(kiosk: Page) {
  await kiosk.getByRole('button', { name: 'Back' }).click();
  await kiosk.getByRole('button', { name: 'Back' }).click();
  await kiosk.getByTestId('kiosk-info-directory').click();
  await expect(kiosk.getByTestId('directory-service').first()).toBeVisible();
}

/**
 * Cuts the network of the pages and of their worker: Chromium's offline emulation does not reach a
 * service worker's own requests, so those are refused as a dropped network would refuse them.
 */
async function dropNetwork(context: BrowserContext) {
  await context.setOffline(true);
  await context.route('**/*', (route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue()));
}

test('the kiosk information mode stays readable from its saved copy when the network drops', async ({ browser, request }) => {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: 'e2e-demo-password' } });
  expect(login.ok()).toBe(true);
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;

  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'en-GB', serviceWorkers: 'allow' });
  const kiosk = await context.newPage();
  await kiosk.goto(`/kiosk/${lisbon.id}/info`);
  // The worker installs (saving the app), then takes over the page.
  await kiosk.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(kiosk.getByTestId('offline-notice')).toHaveCount(0);

  await openArticle(kiosk);
  const directoryNames = await (async () => {
    await openDirectory(kiosk);
    return kiosk.getByTestId('directory-service').getByRole('heading').allTextContents();
  })();
  expect(directoryNames.length).toBeGreaterThan(0);

  // Only published, public content is saved: nothing of a device, a session or a person.
  const saved = await kiosk.evaluate(async () => {
    const names = await caches.keys();
    const content = names.filter((name) => name.startsWith('oneroof-content-'));
    const keys = await Promise.all(content.map(async (name) => (await (await caches.open(name)).keys()).map((entry) => new URL(entry.url).pathname)));
    return { names, content: keys.flat() };
  });
  expect(saved.content.length).toBeGreaterThan(0);
  expect(saved.content.every((path) => /^\/api\/v1\/public\/(knowledge|directory)\//.test(path))).toBe(true);
  expect(saved.names.some((name) => name.startsWith('oneroof-shell-'))).toBe(true);

  await dropNetwork(context);
  await kiosk.reload();
  await openArticle(kiosk);
  await expect(kiosk.getByTestId('offline-notice')).toBeVisible();
  await expect(kiosk.getByTestId('offline-notice')).toContainText('Offline — showing saved information');
  await expectNoSeriousAxeViolations(kiosk, 'kiosk info offline article');
  await saveScreenshot(kiosk, 'kiosk-info-offline-article');

  await openDirectory(kiosk);
  await expect(kiosk.getByTestId('directory-service').getByRole('heading')).toHaveText(directoryNames);
  await expect(kiosk.getByTestId('offline-notice')).toBeVisible();
  await saveScreenshot(kiosk, 'kiosk-info-offline-directory');

  // What was never opened cannot be shown, and the page says so instead of hanging.
  await kiosk.getByRole('button', { name: 'Back' }).click();
  await kiosk.getByRole('button', { name: 'Work', exact: true }).click();
  await expect(kiosk.getByRole('button', { name: 'Your rights at work' })).toBeVisible();
  await kiosk.getByRole('button', { name: 'Your rights at work' }).click();
  await expect(kiosk.getByText('The information could not be loaded. Please try again.')).toBeVisible({ timeout: 20_000 });

  // Back online: fresh answers again, and the notice goes.
  await context.unroute('**/*');
  await context.setOffline(false);
  await kiosk.reload();
  await openArticle(kiosk);
  await expect(kiosk.getByTestId('offline-notice')).toHaveCount(0);
  await context.close();
});

test('a staff page is not under the information worker', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto('/info');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto('/login');
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((registration) => new URL(registration.scope).pathname).sort())).toEqual(['/info']);
  await context.close();
});
