import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn, useInterfaceLanguage } from './support.js';

/**
 * The phone line: an operator finds a demo person by their name in Arabic script, books for them,
 * reads their status out in Arabic, moves the booking and cancels it with a reason.
 */
test('an operator finds a demo person, books, moves and cancels on their behalf', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await useInterfaceLanguage(page, 'en');
  await signIn(page, 'phone');
  await page.goto('/phone');
  await expect(page.getByRole('heading', { name: 'Phone line' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Find the person' }).fill('يوسف');
  await page.getByTestId('people-results').getByText('Youssef El Amrani').click();
  const panel = page.getByTestId('person-panel');
  await expect(panel.getByRole('heading', { name: /Youssef El Amrani/ })).toBeVisible();
  await expect(page.getByTestId('status-readout')).toContainText('ليست لديك حجوزات أو تذاكر نشطة');

  // Book: service, centre (the only one offering it), the first free time; contact comes from the registry.
  await panel.getByRole('button', { name: 'New booking' }).click();
  await panel.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('option').first().click();
  const centre = panel.getByRole('combobox', { name: 'Centre' });
  if (!(await centre.inputValue())) {
    await centre.click();
    await page.getByRole('option').first().click();
  }
  await panel.getByTestId('slot').first().click();
  await expect(panel.getByRole('textbox', { name: 'Phone' })).toHaveValue('+351 912 400 105');
  await saveScreenshot(page, 'phone-booking-form-en-desktop');
  await panel.getByRole('button', { name: 'Book', exact: true }).click();
  const booked = panel.getByTestId('booked');
  await expect(booked).toContainText(/Booked\. Reference [2-9A-HJ-NP-Z]{8}/);
  const reference = (await booked.textContent())!.match(/Reference ([2-9A-HJ-NP-Z]{8})/)![1]!;
  await expect(panel.getByTestId('my-link')).toContainText(`/my#ref=${reference}&secret=`);
  await panel.getByRole('button', { name: 'Close' }).click();

  const row = panel.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText('booked');
  await expect(page.getByTestId('status-readout')).toContainText(`لديك حجز`);
  await saveScreenshot(page, 'phone-person-en-desktop');
  const before = await row.locator('td').first().textContent();

  // Move to another free time.
  await row.getByRole('button', { name: 'Move' }).click();
  const moveDialog = page.getByRole('dialog');
  await moveDialog.getByTestId('slot').nth(1).click();
  await moveDialog.getByRole('button', { name: 'Move to this time' }).click();
  await expect(moveDialog).toBeHidden();
  await expect(row.locator('td').first()).not.toHaveText(before!);

  // Cancel with a reason: the reason is shown with the cancelled booking.
  await row.getByRole('button', { name: 'Cancel' }).click();
  const cancelDialog = page.getByRole('dialog');
  await cancelDialog.getByRole('button', { name: 'Cancel the booking' }).click();
  await expect(cancelDialog.getByText('Say why, in a few words')).toBeVisible();
  await cancelDialog.getByRole('textbox', { name: /Reason/ }).fill('He will come with his lawyer another week');
  await cancelDialog.getByRole('button', { name: 'Cancel the booking' }).click();
  await expect(row).toContainText('cancelled');
  await expect(row).toContainText('He will come with his lawyer another week');

  // The same screen in Arabic, at phone size.
  const small = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phonePage = await small.newPage();
  await useInterfaceLanguage(phonePage, 'en');
  await signIn(phonePage, 'phone');
  await phonePage.evaluate(() => localStorage.setItem('oneroof.locale', 'ar'));
  await phonePage.goto('/phone');
  await phonePage.getByRole('textbox', { name: 'ابحث عن الشخص' }).fill(reference);
  await expect(phonePage.getByTestId('reference-hit')).toContainText(reference);
  await phonePage.getByRole('button', { name: 'افتح ملف الشخص' }).click();
  await expect(phonePage.getByTestId('person-panel')).toBeVisible();
  await expect(phonePage.locator('html')).toHaveAttribute('dir', 'rtl');
  await saveScreenshot(phonePage, 'phone-person-ar-phone');
  await small.close();
  await context.close();

  // The Lisbon manager sees the cancellation among the patterns and drills down to it.
  const office = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const manager = await office.newPage();
  await useInterfaceLanguage(manager, 'en');
  await signIn(manager, 'manager.lisboa');
  await manager.goto('/office/appointments/patterns');
  await manager.getByRole('textbox', { name: 'Bookings from' }).fill('1000');
  await manager.getByRole('textbox', { name: 'Unconfirmed holds from' }).fill('1000');
  await manager.getByRole('textbox', { name: 'Cancellations from' }).fill('1');
  const patterns = manager.getByTestId('patterns');
  await expect(patterns).toContainText('youssef.amrani@example.org');
  await patterns.getByRole('row', { name: /youssef\.amrani@example\.org/ }).getByRole('button', { name: 'See bookings' }).click();
  await expect(manager.getByTestId('pattern-bookings')).toContainText(reference);
  await expect(manager.getByTestId('pattern-bookings')).toContainText('He will come with his lawyer another week');
  await saveScreenshot(manager, 'patterns-en-desktop');
  await office.close();
});
