import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, saveScreenshot, signIn, switchLanguage, useInterfaceLanguage } from './support.js';

test('a network administrator opens the outbox, filters it and reads the background jobs, also in Arabic', async ({ page }) => {
  await useInterfaceLanguage(page, 'en');
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Outbox' }).first().click();
  await expect(page).toHaveURL(/\/office\/outbox/);
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();

  // Other specs sharing the server send messages; a recipient nobody wrote to shows the empty state.
  await page.getByRole('textbox', { name: 'Recipient' }).fill('amina@example.org');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/recipient=amina%40example\.org/);
  await expect(page.getByText('No messages match these filters.')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'outbox');

  await page.getByRole('tab', { name: 'Background jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs by kind and status' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recurring tasks' })).toBeVisible();
  await saveScreenshot(page, 'outbox-jobs');

  await switchLanguage(page, 'العربية');
  await expect(page.getByRole('heading', { name: 'صندوق الصادر' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await saveScreenshot(page, 'outbox-ar');
});

test('the phone line reads the outbox without the jobs; reception has no outbox', async ({ page }) => {
  await useInterfaceLanguage(page, 'en');
  await signIn(page, 'phone');
  await page.getByRole('link', { name: 'Outbox' }).first().click();
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Background jobs' })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, 'reception.lisboa');
  await expect(page.getByRole('link', { name: 'Outbox' })).toHaveCount(0);
  await page.goto('/office/outbox');
  await expect(page.getByRole('alert')).toBeVisible();
});
