import { deflateSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { saveScreenshot, signIn, useInterfaceLanguage, expectNoSeriousAxeViolations } from './support.js';

/**
 * The immigration officer writes a note and uploads a photo into the person's file; the social
 * office mediator sees that a section exists but not its content, until the officer refers the
 * person with the notes shared and the mediator accepts the referral from the work list.
 */

function onePixelPng(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = table[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 0, 128, 255]))), chunk('IEND', Buffer.alloc(0))]);
}

async function staffPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await useInterfaceLanguage(page, 'en');
  await signIn(page, username);
  return page;
}

test('a unit\'s section stays with the unit until a referral is accepted', async ({ browser, request }) => {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'reception.lisboa', password: E2E_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  const lisbon = centres.find((c) => c.code === 'LIS')!;
  const registered = await request.post('/api/v1/people', {
    headers: { 'x-csrf-token': csrfToken },
    data: { homeCentreId: lisbon.id, nativeGivenNames: 'سلمى', nativeFamilyNames: 'الخطيب', nativeScript: 'Arab', givenNames: 'Salma', familyNames: 'Al-Khatib', birthDate: '1991-07-14', sex: 'female', confirmNotDuplicate: true },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const personId = ((await registered.json()) as { person: { id: string } }).person.id;

  // The centre manager gives the immigration unit a form for one of its services.
  const managerLogin = await request.post('/api/v1/auth/login', { data: { username: 'manager.lisboa', password: E2E_PASSWORD } });
  const managerHeaders = { 'x-csrf-token': ((await managerLogin.json()) as { csrfToken: string }).csrfToken };
  const units = (await (await request.get(`/api/v1/centres/${lisbon.id}/units`)).json()) as { id: string; code: string }[];
  const immigration = units.find((u) => u.code === 'IMM')!;
  const services = (await (await request.get(`/api/v1/units/${immigration.id}/services`)).json()) as { id: string }[];
  const defined = await request.post(`/api/v1/units/${immigration.id}/forms`, {
    headers: managerHeaders,
    data: { serviceId: services[0]!.id, title: { pt: 'Ficha de renovação', en: 'Renewal sheet' }, fields: [
      { key: 'permit_number', label: { pt: 'Número da autorização', en: 'Permit number' }, type: 'text', required: true },
      { key: 'employed', label: { pt: 'Tem contrato de trabalho', en: 'Has an employment contract' }, type: 'yes_no', required: true },
    ] },
  });
  expect(defined.status(), await defined.text()).toBe(201);

  const officer = await staffPage(browser, 'officer.immigration');
  await officer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People' }).click();
  await officer.getByRole('textbox', { name: /Name \(in any script\)/ }).fill('سلمى الخطيب');
  await officer.getByRole('link', { name: /Salma Al-Khatib/ }).click();
  await expect(officer).toHaveURL(new RegExp(`/office/people/${personId}$`));
  await expect(officer.getByRole('heading', { name: /Salma Al-Khatib/ })).toBeVisible();
  await officer.getByRole('textbox', { name: 'New note' }).fill('Residence permit expires in June; renewal started.');
  await officer.getByRole('button', { name: 'Add note' }).click();
  await expect(officer.getByText('Residence permit expires in June; renewal started.')).toBeVisible();
  await officer.locator('input[type="file"]').setInputFiles({ name: 'passport-photo.png', mimeType: 'image/png', buffer: onePixelPng() });
  await officer.getByRole('button', { name: 'Upload' }).click();
  await expect(officer.getByRole('link', { name: 'passport-photo.png' })).toBeVisible();
  await officer.getByRole('combobox', { name: 'Form' }).click();
  await officer.getByRole('option', { name: 'Renewal sheet' }).click();
  await officer.getByRole('textbox', { name: 'Permit number' }).fill('AR-2231-77');
  await officer.getByRole('combobox', { name: 'Has an employment contract' }).click();
  await officer.getByRole('option', { name: 'Yes' }).click();
  await officer.getByRole('button', { name: 'Save answers' }).click();
  await expect(officer.getByText('AR-2231-77')).toBeVisible();
  await saveScreenshot(officer, 'casefile-officer');

  const mediator = await staffPage(browser, 'mediator.social');
  await mediator.goto(`/office/people/${personId}`);
  await expect(mediator.getByText('Not shared with your unit')).toBeVisible();
  await expect(mediator.getByText('Residence permit expires in June')).toHaveCount(0);
  await expect(mediator.getByRole('button', { name: 'Emergency access' })).toBeVisible();
  await saveScreenshot(mediator, 'casefile-not-shared');
  await expectNoSeriousAxeViolations(mediator, 'case file as the mediator, section hidden');

  // The officer refers the person to the social office, sharing the notes only.
  await officer.getByRole('combobox', { name: 'Unit' }).click();
  await officer.getByRole('option', { name: 'Gabinete de Apoio Social' }).click();
  await officer.getByRole('checkbox', { name: 'Documents' }).uncheck();
  await officer.getByRole('textbox', { name: 'Message' }).fill('Needs help with housing costs while the permit is renewed.');
  await officer.getByRole('button', { name: 'Send referral' }).click();
  await expect(officer.getByText('sent', { exact: true })).toBeVisible();

  await mediator.goto('/office/referrals');
  const row = mediator.getByRole('row', { name: /Salma Al-Khatib/ });
  await expect(row).toContainText('0 days');
  await saveScreenshot(mediator, 'casefile-worklist');
  await expectNoSeriousAxeViolations(mediator, 'referrals work list');
  await row.getByRole('button', { name: 'Accept' }).click();
  await expect(mediator.getByText('Nothing waiting.')).toHaveCount(0);
  await row.getByRole('link', { name: /Salma Al-Khatib/ }).click();
  await expect(mediator.getByText('Residence permit expires in June; renewal started.')).toBeVisible();
  // Documents were not shared by the referral.
  await expect(mediator.getByRole('link', { name: 'passport-photo.png' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(mediator, 'case file after the referral');

  // The same file in Arabic, right to left.
  await mediator.evaluate(() => localStorage.setItem('oneroof.locale', 'ar'));
  await mediator.reload();
  await expect(mediator.getByRole('heading', { name: 'ملاحظات' + ' والاستمارات وأسباب الزيارة' })).toBeVisible();
  await expect(mediator.locator('html')).toHaveAttribute('dir', 'rtl');
  await saveScreenshot(mediator, 'casefile-shared-ar');
});
