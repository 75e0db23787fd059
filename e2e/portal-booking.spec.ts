import { expect, test, type Page } from '@playwright/test';
import { readOutboxMessage, saveScreenshot, useInterfaceLanguage, expectNoSeriousAxeViolations } from './support.js';

// The virtual One-Stop-Shop on a phone: book from `/`, open the secret link, move the booking.
test.use({ viewport: { width: 390, height: 844 } });

async function chooseServiceAndCentre(page: Page, service: RegExp, shot: string) {
  await page.goto('/');
  await saveScreenshot(page, `${shot}-1-home`);
  await page.getByTestId('start-booking').click();
  await expect(page.getByTestId('service-choice').first()).toBeVisible();
  await saveScreenshot(page, `${shot}-2-service`);
  await page.getByTestId('service-choice').filter({ hasText: service }).click();
  // A service offered at one centre only goes straight to the times.
  await expect(page.getByTestId('centre-choice').first().or(page.getByTestId('free-time').first())).toBeVisible();
  if (await page.getByTestId('centre-choice').first().isVisible()) {
    await saveScreenshot(page, `${shot}-3-centre`);
    await page.getByTestId('centre-choice').filter({ hasText: /Lisboa|Lisbon/ }).click();
  }
  await expect(page.getByTestId('free-time').first()).toBeVisible();
  await saveScreenshot(page, `${shot}-4-time`);
}

async function holdFirstTimeAndConfirm(page: Page, contact: { name: string; email?: string; phone?: string }, shot: string): Promise<{ reference: string; link: string }> {
  await page.getByTestId('free-time').first().click();
  await expect(page.getByTestId('hold-countdown')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('hold-countdown')).toContainText(/\d+:\d\d/);
  await page.getByRole('textbox').first().fill(contact.name);
  if (contact.email) await page.locator('input[type="email"]').fill(contact.email);
  if (contact.phone) await page.locator('input[type="tel"]').fill(contact.phone);
  await saveScreenshot(page, `${shot}-5-details`);
  await page.getByTestId('confirm-booking').click();
  await expect(page.getByTestId('booking-confirmed')).toBeVisible();
  await saveScreenshot(page, `${shot}-6-confirmed`);
  const reference = (await page.getByTestId('booking-reference').textContent())!.trim();
  expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  const link = (await page.getByTestId('manage-link').textContent())!.trim();
  expect(link).toContain(`/b/${reference}#`);
  return { reference, link };
}

test('books in Portuguese on a phone from the front page', async ({ page }) => {
  await useInterfaceLanguage(page, 'pt');
  await chooseServiceAndCentre(page, /Renovação de autorização de residência/, 'portal-pt');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Escolha o dia e a hora');
  const { reference } = await holdFirstTimeAndConfirm(page, { name: 'Ana Tavares', email: 'ana.e2e@example.org' }, 'portal-pt');
  await expect(page.getByText('A sua referência')).toBeVisible();
  await expect(page.getByText('O que trazer')).toBeVisible();
  // The confirmation is in the outbox, in Portuguese, with the reference, its link, the calendar file and the kiosk's QR code.
  const message = await readOutboxMessage(page, 'ana.e2e@example.org', 'appointments.confirmed');
  expect(message.subject).toContain('Marcação confirmada');
  expect(message.body).toContain(`Referência: ${reference}`);
  expect(message.body).toMatch(new RegExp(`/b/${reference}#[A-Za-z0-9_-]{16,}`));
  expect(message.attachments.map((file) => file.filename)).toEqual([`${reference}.ics`, `${reference}-qr.svg`]);
  await expect(page.getByTestId('reference-qr')).toHaveAttribute('data-reference', reference);
});

test('books in Arabic on a phone, then opens the secret link and moves the booking', async ({ page }) => {
  await useInterfaceLanguage(page, 'ar');
  await chooseServiceAndCentre(page, /Pedido de reagrupamento familiar|Family reunification application/, 'portal-ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('اختر اليوم والساعة');
  const { link } = await holdFirstTimeAndConfirm(page, { name: 'أمل حسن', phone: '+351 913 000 111' }, 'portal-ar');
  await expect(page.getByText('رقم حجزك')).toBeVisible();

  await page.goto(link);
  await expect(page.getByTestId('manage-booking')).toHaveAttribute('data-state', 'booked');
  const before = await page.getByTestId('manage-when').textContent();
  await saveScreenshot(page, 'portal-ar-7-manage');
  await expectNoSeriousAxeViolations(page, 'ar manage');
  await page.getByTestId('move-booking').click();
  await expect(page.getByTestId('free-time').first()).toBeVisible();
  await saveScreenshot(page, 'portal-ar-8-move');
  await page.getByTestId('free-time').nth(1).click();
  await expect(page.getByTestId('manage-notice')).toBeVisible();
  await expect(page.getByTestId('manage-when')).not.toHaveText(before!);
  await saveScreenshot(page, 'portal-ar-9-moved');

  // Cancelling asks first, then says it is done.
  await page.getByTestId('cancel-booking').click();
  await page.getByTestId('cancel-confirm').click();
  await expect(page.getByTestId('manage-booking')).toHaveAttribute('data-state', 'cancelled');
});

test('two people race for the same last free time: one gets it, the other is told and offered the next times', async ({ browser }) => {
  const contexts = await Promise.all([browser.newContext({ viewport: { width: 390, height: 844 } }), browser.newContext({ viewport: { width: 390, height: 844 } })]);
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  for (const page of pages) await useInterfaceLanguage(page, 'pt');
  // Family reunification has one desk at Lisbon: every time is a last free seat.
  await Promise.all(pages.map((page) => chooseServiceAndCentre(page, /Pedido de reagrupamento familiar/, 'portal-race')));
  const startsAt = await pages[0]!.getByTestId('free-time').nth(2).getAttribute('data-starts-at');
  await Promise.all(pages.map((page) => page.locator(`[data-testid="free-time"][data-starts-at="${startsAt}"]`).click()));
  const outcomes = await Promise.all(
    pages.map(async (page) => {
      await expect(page.getByTestId('hold-countdown').or(page.getByTestId('race-notice'))).toBeVisible({ timeout: 30_000 });
      return (await page.getByTestId('hold-countdown').isVisible()) ? 'won' : 'told';
    }),
  );
  expect([...outcomes].sort()).toEqual(['told', 'won']);
  const loser = pages[outcomes.indexOf('told')]!;
  await expect(loser.getByTestId('race-notice')).toContainText('essa hora já não está livre');
  // The next free times are right there, without the one that was taken.
  await expect(loser.getByTestId('free-time').first()).toBeVisible();
  await expect(loser.locator(`[data-testid="free-time"][data-starts-at="${startsAt}"]`)).toHaveCount(0);
  await saveScreenshot(loser, 'portal-race-told');
  await expectNoSeriousAxeViolations(loser, 'pt race notice');
  await Promise.all(contexts.map((context) => context.close()));
});

test('portal pages have no serious or critical accessibility problems', async ({ page }) => {
  const check = (name: string) => expectNoSeriousAxeViolations(page, name);
  for (const language of ['pt', 'ar']) {
    await page.goto('/');
    await page.evaluate((code) => localStorage.setItem('oneroof.locale', code), language);
    await page.reload();
    await expect(page.getByTestId('start-booking')).toBeVisible();
    await check(`${language} home`);
    await page.getByTestId('start-booking').click();
    await expect(page.getByTestId('service-choice').first()).toBeVisible();
    await check(`${language} services`);
    await page.getByTestId('service-choice').first().click();
    await page.getByTestId('centre-choice').first().click().catch(() => undefined);
    await expect(page.getByTestId('free-time').first()).toBeVisible();
    await check(`${language} times`);
    await page.getByTestId('free-time').first().click();
    await expect(page.getByTestId('hold-countdown')).toBeVisible({ timeout: 30_000 });
    await check(`${language} details`);
  }
  await page.goto('/b/ABCDEFGH#not-a-real-secret-at-all');
  await expect(page.getByText(/não encontrada|not found|لم يتم العثور/)).toBeVisible();
  await check('booking not found');
});
