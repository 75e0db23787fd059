import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn, switchLanguage, useInterfaceLanguage } from './support.js';

test.beforeEach(async ({ page }) => {
  await useInterfaceLanguage(page, 'en');
});

test('a wrong password is refused with a plain message', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Username' }).fill('admin');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The username or password is not correct.');
  await saveScreenshot(page, 'login-refused');
});

test('staff pages send a signed-out visitor to sign in, and back afterwards', async ({ page }) => {
  await page.goto('/office');
  await expect(page).toHaveURL(/\/login\?next=%2Foffice/);
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
  await saveScreenshot(page, 'office-home');
});

test('the interface switches to Arabic and mirrors, and works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'admin');
  await switchLanguage(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('مرحبًا');
  // In a right-to-left layout the menu button sits on the right of the header.
  const burger = await page.getByRole('button', { name: 'فتح القائمة' }).boundingBox();
  expect(burger!.x).toBeGreaterThan(390 / 2);
  await saveScreenshot(page, 'office-home-ar-phone');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
