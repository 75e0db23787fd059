import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { saveScreenshot, signIn, useInterfaceLanguage } from './support.js';
import { apiAs, cancelOthersWaiting } from './queue-api.js';

/**
 * The whole path of a person's file through the centre (issue 6): reception registers a person
 * typed in Arabic script, scans her passport and issues a ticket with the purpose of the visit; the
 * immigration officer finds the purpose and the document in the file; the social office mediator
 * sees neither until the officer refers her and the referral is accepted; registering her again in
 * Latin letters shows the duplicate warning with its reasons. (e2e/casefile.spec.ts covers notes,
 * forms and a referral without documents.)
 */

const SCAN = path.resolve('e2e/fixtures/passport-scan.pdf');
const PURPOSE = 'Renovação da autorização de residência; traz passaporte.';

async function staffPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await useInterfaceLanguage(page, 'en');
  await signIn(page, username);
  return page;
}

/** Tickets are issued only while the centre is open: open Lisbon all day today when it is closed now. */
async function openLisbonAllDay(request: APIRequestContext): Promise<void> {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: E2E_PASSWORD } });
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const existing = (await (await request.get(`/api/v1/centres/${lisbon.id}/exceptions?from=${today}&to=${today}`)).json()) as { id: string }[];
  const allDay = { kind: 'special_hours', opens: '00:00', closes: '23:59', label: 'e2e: open all day' };
  const response = existing[0]
    ? await request.patch(`/api/v1/centres/${lisbon.id}/exceptions/${existing[0].id}`, { data: allDay, headers })
    : await request.post(`/api/v1/centres/${lisbon.id}/exceptions`, { data: { date: today, ...allDay }, headers });
  expect(response.ok(), await response.text()).toBeTruthy();
  await request.post('/api/v1/auth/logout', { headers });
}

async function fillRegistration(reception: Page, names: { given?: string; family?: string; nativeGiven?: string; nativeFamily?: string }) {
  await reception.getByRole('button', { name: 'Register a new person' }).click();
  const dialog = reception.getByRole('dialog');
  if (names.given) await dialog.getByRole('textbox', { name: 'Given names', exact: true }).fill(names.given);
  if (names.family) await dialog.getByRole('textbox', { name: 'Family names', exact: true }).fill(names.family);
  if (names.nativeGiven) await dialog.getByRole('textbox', { name: "Given names in the person's script" }).fill(names.nativeGiven);
  if (names.nativeFamily) await dialog.getByRole('textbox', { name: "Family names in the person's script" }).fill(names.nativeFamily);
  await dialog.getByRole('textbox', { name: /Date of birth/ }).fill('1998-06-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

test('reception digitises once; immigration sees it; the social office only after an accepted referral; the Latin spelling is caught as a duplicate', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  await openLisbonAllDay(request);

  // Reception: the person in Arabic script only, her passport scanned, one ticket with the purpose.
  const reception = await staffPage(browser, 'reception.lisboa');
  await reception.goto('/reception');
  await fillRegistration(reception, { nativeGiven: 'فاطمة', nativeFamily: 'الزهراء' });
  const chosen = reception.getByTestId('visit-person');
  await expect(chosen).toContainText('فاطمة الزهراء');
  const documents = reception.getByTestId('reception-documents');
  await documents.getByRole('combobox', { name: 'Into the file of' }).click();
  await reception.getByRole('option', { name: 'Imigração e Fronteiras' }).click();
  await documents.locator('input[type="file"]').first().setInputFiles(SCAN);
  await expect(documents.getByRole('list', { name: 'Documents added to the file' })).toContainText('passport-scan.pdf');
  await reception.getByRole('combobox', { name: /The person's language/ }).fill('Arab');
  await reception.getByRole('option', { name: 'Arabic' }).click();
  await reception.getByRole('textbox', { name: /Purpose of the visit/ }).fill(PURPOSE);
  await reception.getByRole('combobox', { name: /Services, in order/ }).click();
  await reception.getByRole('option', { name: /Residence permit renewal/ }).click();
  await reception.keyboard.press('Escape');
  await saveScreenshot(reception, 'casefile-path-reception');
  await reception.getByRole('button', { name: 'Issue ticket' }).click();
  const issued = reception.getByTestId('issued-ticket');
  await expect(issued).toBeVisible();
  const ticket = (await issued.locator('p').nth(1).textContent())!.trim();
  await reception.getByRole('button', { name: 'Close' }).click();

  // At the counter: the called ticket brings the person's file as far as immigration may see it.
  const officerApi = await apiAs(baseURL!, 'officer.immigration');
  await cancelOthersWaiting(officerApi, '1', ticket);
  await officerApi.dispose();
  const counter = await staffPage(browser, 'officer.immigration');
  await counter.goto('/counter');
  await counter.getByRole('button', { name: 'Use counter 1' }).click();
  await counter.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(counter.getByTestId('waiting-list').getByText(ticket)).toBeVisible();
  await counter.getByRole('button', { name: /Call next/ }).click();
  await expect(counter.getByTestId('current-ticket-number')).toHaveText(ticket);
  const panel = counter.getByTestId('counter-file');
  await expect(panel).toContainText('فاطمة الزهراء');
  await expect(panel).toContainText(PURPOSE);
  await expect(panel.getByRole('link', { name: 'passport-scan.pdf' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Open the full file' })).toHaveAttribute('href', /\/office\/people\/[0-9a-f-]+$/);
  // The demo network has another Fatima Zahra: the search below must open this one.
  const fileHref = (await panel.getByRole('link', { name: 'Open the full file' }).getAttribute('href'))!;
  await saveScreenshot(counter, 'casefile-path-counter');
  await counter.getByRole('button', { name: 'Start service' }).click();
  await counter.getByRole('button', { name: 'End service' }).click();
  await counter.getByRole('dialog').getByText('Done', { exact: true }).click();
  await counter.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(counter.getByTestId('current-ticket')).toBeHidden();
  await counter.getByRole('button', { name: 'Close counter' }).click();

  // The immigration officer finds her by her name in Arabic and sees the purpose and the scan.
  const officer = await staffPage(browser, 'officer.immigration');
  await officer.goto('/office/people');
  await officer.getByRole('textbox', { name: /Name \(in any script\)/ }).fill('فاطمة الزهراء');
  await officer.locator(`a[href="${fileHref}"]`).first().click();
  await expect(officer).toHaveURL(/\/office\/people\/[0-9a-f-]+$/);
  const personUrl = new URL(officer.url()).pathname;
  await expect(officer.getByText(PURPOSE)).toBeVisible();
  const scan = officer.getByRole('link', { name: 'passport-scan.pdf' });
  await expect(scan).toBeVisible();
  const download = await officer.request.get(`${new URL(officer.url()).origin}${await scan.getAttribute('href')}`);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await saveScreenshot(officer, 'casefile-path-officer');

  // The social office mediator: the immigration section exists but is closed to her.
  const mediator = await staffPage(browser, 'mediator.social');
  await mediator.goto(personUrl);
  await expect(mediator.getByText('Not shared with your unit')).toBeVisible();
  await expect(mediator.getByText(PURPOSE)).toHaveCount(0);
  await expect(mediator.getByRole('link', { name: 'passport-scan.pdf' })).toHaveCount(0);

  // The officer refers her to the social office with the documents and the purposes.
  await officer.getByRole('combobox', { name: 'Unit' }).click();
  await officer.getByRole('option', { name: 'Gabinete de Apoio Social' }).click();
  await officer.getByRole('checkbox', { name: 'Documents' }).check();
  await officer.getByRole('textbox', { name: 'Message' }).fill('Needs support with housing while the permit is renewed.');
  await officer.getByRole('button', { name: 'Send referral' }).click();
  await expect(officer.getByText('sent', { exact: true })).toBeVisible();

  // Sent but not yet accepted: still closed.
  await mediator.reload();
  await expect(mediator.getByRole('link', { name: 'passport-scan.pdf' })).toHaveCount(0);
  await mediator.goto('/office/referrals');
  const row = mediator.getByRole('row', { name: /فاطمة/ });
  await row.getByRole('button', { name: 'Accept' }).click();
  await expect(row.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  await mediator.goto(personUrl);
  await expect(mediator.getByRole('link', { name: 'passport-scan.pdf' })).toBeVisible();
  await saveScreenshot(mediator, 'casefile-path-mediator-shared');

  // Reception registers the same person again, this time in Latin letters: the registry warns.
  await expect(reception.getByTestId('visit-person')).toHaveCount(0);
  const dialog = await fillRegistration(reception, { given: 'Fatima', family: 'Al-Zahra' });
  await expect(dialog.getByText('This person may already be registered')).toBeVisible();
  const candidate = dialog.locator('.mantine-Card-root', { hasText: 'فاطمة' });
  await expect(candidate).toContainText(/Arabic/);
  await expect(candidate).toContainText('date of birth matches');
  await saveScreenshot(reception, 'casefile-path-duplicate');
});

test('a unit administrator gives a service a form and a procedure workflow from the unit page', async ({ page, request }) => {
  await request.post('/api/v1/auth/login', { data: { username: 'manager.lisboa', password: E2E_PASSWORD } });
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  await useInterfaceLanguage(page, 'en');
  await signIn(page, 'manager.lisboa');
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;
  const units = (await (await request.get(`/api/v1/centres/${lisbon.id}/units`)).json()) as { id: string; code: string; kind: string }[];
  const social = units.find((unit) => unit.kind === 'support_office')!;
  await page.goto(`/office/network/units/${social.id}`);
  const admin = page.getByTestId('unit-casefile-admin');
  await expect(admin.getByRole('heading', { name: 'Case file: forms and procedures' })).toBeVisible();
  await admin.getByRole('textbox', { name: 'Portuguese' }).first().fill('Avaliação social');
  const field = admin.getByTestId('form-field').first();
  await field.getByRole('textbox', { name: /Key/ }).fill('household_size');
  await field.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Number' }).click();
  await field.getByRole('switch', { name: 'Required' }).check();
  await field.getByRole('textbox', { name: 'Portuguese' }).fill('Pessoas no agregado');
  await field.getByRole('textbox', { name: 'Arabic' }).fill('عدد أفراد الأسرة');
  await admin.getByRole('button', { name: 'Save form' }).click();
  await expect(admin).toContainText('Current form: version 1');

  await admin.getByRole('tab', { name: 'Procedure workflow' }).click();
  await expect(admin).toContainText('default workflow');
  await admin.getByRole('checkbox').first().waitFor();
  await saveScreenshot(page, 'casefile-admin-workflow');
  await admin.getByRole('button', { name: 'Save workflow' }).click();
  await expect(admin).toContainText('Current workflow: version 1');
});
