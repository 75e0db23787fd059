import { expect, test, type Page } from '@playwright/test';
import { saveScreenshot, signIn, switchLanguage, useInterfaceLanguage } from './support.js';

function field(page: Page, name: string) {
  return page.getByRole('dialog').getByRole('textbox', { name, exact: false }).first();
}

async function save(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('the network administrator creates a centre with a unit, a service and a counter, then reads it in Arabic', async ({ page }) => {
  await useInterfaceLanguage(page, 'en');
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Network and centres' }).first().click();
  await expect(page.getByRole('heading', { name: 'Centres' })).toBeVisible();
  await saveScreenshot(page, 'network-centres');

  await page.getByRole('button', { name: 'New centre' }).click();
  await field(page, 'Code').fill('SETUBAL');
  await field(page, 'Name').fill('Setúbal local centre');
  await field(page, 'City').fill('Setúbal');
  await saveScreenshot(page, 'network-centre-form');
  await save(page);

  // A new centre opens straight away.
  await expect(page.getByRole('heading', { name: /Setúbal local centre/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Units' }).click();
  await page.getByRole('button', { name: 'New unit' }).click();
  await field(page, 'Code').fill('SOCIAL');
  await field(page, 'Name').fill('Social security');
  await save(page);

  await page.getByRole('link', { name: /Social security/ }).click();
  await page.getByRole('button', { name: 'New service' }).click();
  await field(page, 'Code').fill('REGISTRATION');
  await field(page, 'Ticket prefix').fill('S');
  await page.getByRole('dialog').getByRole('textbox', { name: /Portuguese|Português/ }).first().fill('Inscrição na segurança social');
  await save(page);
  await expect(page.getByText('Inscrição na segurança social').first()).toBeVisible();

  await page.getByRole('button', { name: 'New counter' }).click();
  await field(page, 'Counter number').fill('4');
  // A new counter serves its unit's services from the start (choosing one again would remove it).
  await expect(page.getByRole('dialog').getByText('S · Inscrição na segurança social')).toBeVisible();
  // A lunch break, planned with the counter: waiting-time estimates count the counter away then.
  await page.getByRole('dialog').getByRole('button', { name: 'Add a break' }).click();
  await expect(page.getByRole('dialog').getByLabel('From')).toHaveValue('12:00');
  await page.getByRole('dialog').getByLabel('To').fill('13:30');
  await saveScreenshot(page, 'network-counter-form');
  await save(page);
  await expect(page.getByText('Counter 4').first()).toBeVisible();
  await expect(page.getByText('Break 12:00–13:30')).toBeVisible();
  await saveScreenshot(page, 'network-unit');

  await switchLanguage(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The navigation bar moves to the right-hand side in a right-to-left layout.
  const navigation = await page.getByRole('navigation').first().boundingBox();
  const viewport = page.viewportSize()!;
  expect(navigation!.x).toBeGreaterThan(viewport.width / 2);
  await saveScreenshot(page, 'network-unit-ar');
});
