import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { saveScreenshot, signIn, useInterfaceLanguage } from './support.js';

/**
 * Reception issues a two-service visit (immigration, then social security); the immigration counter
 * calls, starts and ends it; the second ticket appears on the social security counter's list.
 */

const todayInLisbon = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const nowInLisbon = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Lisbon', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date());

/** The tests must not depend on the wall clock: open Lisbon all day today when it is closed now. */
async function openLisbonNow(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: E2E_PASSWORD } });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;
  const today = todayInLisbon();
  const opening = (await (await request.get(`/api/v1/centres/${lisbon.id}/opening?from=${today}&to=${today}`)).json()) as { days: { open: boolean; intervals: { opens: string; closes: string }[] }[] };
  const time = nowInLisbon();
  const openNow = opening.days[0]!.open && opening.days[0]!.intervals.some((interval) => interval.opens <= time && time < interval.closes);
  if (!openNow) {
    const allDay = { kind: 'special_hours', opens: '00:00', closes: '23:59', label: 'e2e: open all day' };
    const existing = (await (await request.get(`/api/v1/centres/${lisbon.id}/exceptions?from=${today}&to=${today}`)).json()) as { id: string }[];
    const response = existing[0]
      ? await request.patch(`/api/v1/centres/${lisbon.id}/exceptions/${existing[0].id}`, { data: allDay, headers })
      : await request.post(`/api/v1/centres/${lisbon.id}/exceptions`, { data: { date: today, ...allDay }, headers });
    expect(response.ok(), await response.text()).toBeTruthy();
  }
  await request.post('/api/v1/auth/logout', { headers });
  return lisbon.id;
}

async function staffPage(browser: Browser, username: string, options: { language?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 } });
  const page = await context.newPage();
  await useInterfaceLanguage(page, options.language ?? 'en');
  await signIn(page, username);
  return page;
}

async function openCounter(page: Page, label: string): Promise<void> {
  await page.goto('/counter');
  await page.getByRole('button', { name: `Use counter ${label}` }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('counter-state')).toHaveText('Open');
}

test('a two-service visit goes from reception through immigration to social security', async ({ browser, request }) => {
  await openLisbonNow(request);
  const immigration = await staffPage(browser, 'officer.immigration');
  await openCounter(immigration, '1');
  await expect(immigration.getByText('Nobody is waiting right now.')).toBeVisible();
  const socialSecurity = await staffPage(browser, 'officer.socialsecurity', { viewport: { width: 390, height: 844 } });
  await openCounter(socialSecurity, '7');

  // Reception: an anonymous visitor who speaks Ukrainian, needs an interpreter, goes to two units in order.
  const reception = await staffPage(browser, 'reception.lisboa');
  await reception.getByRole('link', { name: 'Reception and pre-sorting' }).first().click();
  await expect(reception).toHaveURL(/\/reception$/);
  await reception.getByRole('button', { name: 'Serve anonymously' }).click();
  await reception.getByRole('combobox', { name: /The person's language/ }).fill('Ukrain');
  await reception.getByRole('option', { name: 'Ukrainian' }).click();
  await reception.getByRole('switch', { name: 'Interpreter needed' }).check();
  await reception.getByText('Small children', { exact: true }).click();
  await reception.getByRole('textbox', { name: /Purpose of the visit/ }).fill('Renovação da autorização de residência; depois inscrição na segurança social.');
  const services = reception.getByRole('combobox', { name: /Services, in order/ });
  await services.click();
  await reception.getByRole('option', { name: /Residence permit renewal/ }).click();
  await reception.getByRole('option', { name: /Social security number/ }).click();
  await reception.keyboard.press('Escape');
  await expect(reception.getByTestId('service-order')).toContainText('Residence permit renewal');
  // A double click issues one visit: the same Idempotency-Key returns the same answer.
  await reception.getByRole('button', { name: 'Issue 2 tickets' }).dblclick();
  const issued = reception.getByTestId('issued-ticket');
  await expect(issued).toBeVisible();
  await expect(issued.locator('img')).toBeVisible();
  const first = (await issued.locator('p').nth(1).textContent())!.trim();
  expect(first).toMatch(/^A\d{3}$/);
  const secondLine = (await issued.getByText(/^2\. /).textContent())!;
  const second = /2\. (S\d{3})/.exec(secondLine)![1]!;
  await saveScreenshot(reception, 'queue-reception-issued');
  await reception.getByRole('button', { name: 'Close' }).click();
  const todays = reception.getByTestId('today-visits');
  // Other specs sharing the server issue visits at this desk too: the double click made one visit.
  await expect(todays.getByText(first)).toHaveCount(1);
  await expect(todays).toContainText('Coming later');
  await saveScreenshot(reception, 'queue-reception');

  // Immigration: the ticket is on the live list; F2 calls it; start; end with an outcome.
  const waiting = immigration.getByTestId('waiting-list');
  await expect(waiting.getByText(first)).toBeVisible();
  await immigration.keyboard.press('F2');
  await expect(immigration.getByTestId('current-ticket-number')).toHaveText(first);
  await expect(immigration.getByTestId('current-ticket')).toContainText('Interpreter needed');
  await expect(immigration.getByTestId('current-ticket')).toContainText('Small children');
  await expect(immigration.getByTestId('current-ticket')).toContainText('Renovação da autorização de residência');
  await expect(immigration.getByRole('button', { name: 'No-show' })).toBeDisabled();
  await saveScreenshot(immigration, 'queue-counter-called');
  await immigration.getByRole('button', { name: 'Start service' }).click();
  await immigration.getByRole('button', { name: 'End service' }).click();
  const dialog = immigration.getByRole('dialog');
  await dialog.getByText('Done', { exact: true }).click();
  await dialog.getByRole('textbox', { name: /Note/ }).fill('Pedido entregue; segue para a segurança social.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(immigration.getByTestId('current-ticket')).toBeHidden();

  // Social security: the visit's second ticket has joined its queue by itself (live, no reload).
  await expect(socialSecurity.getByTestId('waiting-list').getByText(second)).toBeVisible();
  await saveScreenshot(socialSecurity, 'queue-counter-phone');
  await expect(todays).toContainText('Served');

  // The centre board of Lisbon, for the centre manager, in English and in Arabic.
  const manager = await staffPage(browser, 'manager.lisboa');
  await manager.getByRole('link', { name: 'Centre board' }).first().click();
  await expect(manager).toHaveURL(/\/board\/[0-9a-f-]{36}$/);
  const socialCard = manager.getByTestId('board-unit').filter({ hasText: 'Segurança Social' });
  await expect(socialCard).toContainText('1 of 4');
  await expect(manager.getByTestId('board-unit').filter({ hasText: 'Imigração e Fronteiras' })).toContainText('Served today');
  await saveScreenshot(manager, 'queue-board');
  await manager.getByTestId('language-picker').first().click();
  await manager.getByRole('option', { name: 'العربية' }).click();
  await expect(manager.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(manager.getByRole('heading', { name: 'لوحة المركز' })).toBeVisible();
  await saveScreenshot(manager, 'queue-board-ar');

  // The counter in Arabic mirrors.
  await immigration.getByTestId('language-picker').first().click();
  await immigration.getByRole('option', { name: 'العربية' }).click();
  await expect(immigration.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(immigration.getByRole('button', { name: /نداء التالي/ })).toBeVisible();
  await saveScreenshot(immigration, 'queue-counter-ar');
});

test('reception registers a person, is shown the duplicate on a second try and finds her by phone, at phone width', async ({ browser }) => {
  const reception = await staffPage(browser, 'reception.lisboa', { viewport: { width: 390, height: 844 } });
  await reception.goto('/reception');
  const register = async () => {
    await reception.getByRole('button', { name: 'Register a new person' }).click();
    const dialog = reception.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Given names', exact: true }).fill('Olena');
    await dialog.getByRole('textbox', { name: 'Family names', exact: true }).fill('Kovalenko');
    await dialog.getByRole('textbox', { name: "Given names in the person's script" }).fill('Олена');
    await dialog.getByRole('textbox', { name: /Date of birth/ }).fill('1988-03');
    await dialog.getByRole('textbox', { name: 'Phone' }).fill('+351 912 345 678');
    await dialog.getByRole('button', { name: 'Save' }).click();
  };
  await register();
  await expect(reception.getByTestId('visit-person')).toContainText('Olena Kovalenko (Олена)');
  await reception.getByTestId('visit-person').getByRole('button', { name: 'Change' }).click();

  // The same person again: the registry shows the record with its reasons instead of a second one.
  await register();
  const dialog = reception.getByRole('dialog');
  await expect(dialog.getByText('This person may already be registered')).toBeVisible();
  await saveScreenshot(reception, 'queue-reception-duplicates-phone');
  await dialog.getByRole('button', { name: 'This is the person' }).first().click();
  await expect(reception.getByTestId('visit-person')).toContainText('Olena Kovalenko');
  await reception.getByTestId('visit-person').getByRole('button', { name: 'Change' }).click();

  // Search by the phone as written differently finds her.
  await reception.getByRole('textbox', { name: /Find the person/ }).fill('912345678');
  await reception.getByRole('button', { name: /Olena Kovalenko/ }).click();
  await expect(reception.getByTestId('visit-person')).toContainText('Olena Kovalenko');
  await saveScreenshot(reception, 'queue-reception-phone');
});
