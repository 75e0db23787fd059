import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { saveScreenshot, useInterfaceLanguage, expectNoSeriousAxeViolations } from './support.js';

/** "My procedures" on a phone, in Portuguese and in Arabic, opened with a booking's reference and secret. */

/** The phone line books for someone through the API; the answer carries the link's secret. */
async function bookThroughThePhoneLine(request: APIRequestContext): Promise<{ reference: string; secret: string }> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'phone', password: E2E_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const services = (await (await request.get('/api/v1/phone/bookable-services')).json()) as { serviceId: string }[];
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const availability = (await (await request.get(`/api/v1/phone/services/${services[0]!.serviceId}/availability?from=${from}&to=${to}`)).json()) as { days: { slots: { startsAt: string }[] }[] };
  const startsAt = availability.days.at(-1)!.slots[0]!.startsAt;
  const response = await request.post('/api/v1/appointments', {
    headers,
    data: { serviceId: services[0]!.serviceId, startsAt, channel: 'phone', contact: { name: 'Fatima Zahra Benali', phone: '+351 912 400 106', language: 'ar' } },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { appointment: { reference: string }; secret: string };
  await request.post('/api/v1/auth/logout', { headers });
  return { reference: body.appointment.reference, secret: body.secret };
}

test('a person opens my procedures with reference and secret on a phone, in Portuguese and in Arabic', async ({ browser, request }) => {
  const booking = await bookThroughThePhoneLine(request);
  const link = `/my#ref=${booking.reference}&secret=${booking.secret}`;

  for (const language of ['pt', 'ar'] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await useInterfaceLanguage(page, language);

    // The entry page first: two ways in, no sign-in.
    await page.goto('/my');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(language === 'pt' ? 'Os meus processos' : 'إجراءاتي');
    await expectNoSeriousAxeViolations(page, `my procedures sign-in in ${language}`);
    await saveScreenshot(page, `my-access-${language}-phone`);

    await page.goto(link);
    const card = page.getByTestId('my-booking');
    await expect(card).toContainText(booking.reference);
    await expect(card).toContainText(language === 'pt' ? 'marcada' : 'محجوز');
    // The secret leaves the address bar as soon as it is read.
    expect(page.url()).not.toContain(booking.secret);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('heading', { name: language === 'pt' ? 'Processos' : 'الإجراءات', exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `my procedures in ${language}`);
    await saveScreenshot(page, `my-procedures-${language}-phone`);
    await context.close();
  }

  // Desktop: the same page, wider; Portuguese, then Arabic.
  const wide = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const portuguese = await wide.newPage();
  await useInterfaceLanguage(portuguese, 'pt');
  await portuguese.goto(link);
  await expect(portuguese.getByTestId('my-booking')).toBeVisible();
  await saveScreenshot(portuguese, 'my-procedures-pt-desktop');
  await wide.close();
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await desktop.newPage();
  await useInterfaceLanguage(page, 'ar');
  await page.goto(link);
  await expect(page.getByTestId('my-booking')).toBeVisible();
  await saveScreenshot(page, 'my-procedures-ar-desktop');

  // A one-time link asked for an unknown contact gets the same plain answer as for a known one.
  await page.getByRole('button', { name: 'خروج' }).click();
  await page.getByRole('textbox', { name: 'البريد الإلكتروني أو الهاتف' }).fill('nobody@example.org');
  await page.getByRole('button', { name: 'أرسل الرابط' }).click();
  await expect(page.getByTestId('link-sent')).toContainText('15');
  await saveScreenshot(page, 'my-access-ar-desktop');
  await desktop.close();
});
