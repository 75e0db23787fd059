import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, saveScreenshot, signIn } from './support.js';

/** A content editor adds an outside partner by hand; readers find it on /info and on the kiosk (docs/directory.md). */

const PARTNER = 'Casa do Brasil de Lisboa';
const SERVICE = 'Atendimento jurídico Casa do Brasil';

/** Pages through a directory until the service's card shows (partners come after the centre's own services). */
async function findService(page: Page, name: string) {
  const card = page.getByTestId('directory-service').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(page.getByTestId('directory-service').first()).toBeVisible();
  for (let turn = 0; turn < 20 && (await card.count()) === 0; turn += 1) {
    const next = page.getByRole('button', { name: 'Next' });
    if (await next.isDisabled()) break;
    const first = await page.getByTestId('directory-service').first().getByRole('heading').textContent();
    await next.click();
    await expect(page.getByTestId('directory-service').first().getByRole('heading')).not.toHaveText(first ?? '');
  }
  await expect(card).toBeVisible();
  return card;
}

test('a content editor adds a partner by hand, and readers find it on /info and on the kiosk', async ({ browser, request }) => {
  const office = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signIn(office, 'editor');
  await office.goto('/office/knowledge');
  await office.getByTestId('partners-tab').click();
  await expect(office.getByTestId('partner-list')).toContainText('Associação Ucraniana Kalyna');
  await expectNoSeriousAxeViolations(office, 'directory partners list');
  await office.getByTestId('new-partner').click();

  await office.getByTestId('partner-name').fill(PARTNER);
  await office.getByTestId('partner-type').click();
  await office.getByRole('option', { name: 'Immigrant association' }).click();
  await office.getByLabel('Website').fill('https://casadobrasil.example.pt');
  const location = office.getByTestId('partner-location');
  await location.getByLabel('Name of the place').fill('Sede');
  await location.getByTestId('location-address1').fill('Rua São Pedro de Alcântara, 63');
  await location.getByTestId('location-postal-code').fill('1250-238');
  await location.getByTestId('location-city').fill('Lisboa');
  await location.getByTestId('add-phone').click();
  // A number no one can call: the server names the field, and nothing is saved.
  await location.getByTestId('phone-number').fill('call us');

  const service = office.getByTestId('partner-service');
  await service.getByTestId('service-name').fill(SERVICE);
  await service.getByTestId('service-description').fill('Consultas jurídicas gratuitas sobre autorizações de residência.');
  await service.getByTestId('service-languages').click();
  await office.getByRole('option', { name: 'Español' }).click();
  await office.keyboard.press('Escape');
  await service.getByTestId('service-documents').fill('Passaporte\nComprovativo de morada');
  await service.getByTestId('add-hours').click();
  await service.getByTestId('schedule').getByLabel('Sat').check();
  await service.getByTestId('schedule-closes').fill('18:30');
  await expectNoSeriousAxeViolations(office, 'directory partner editor');

  await office.getByRole('button', { name: 'Save' }).click();
  await expect(location.getByText('expected a phone number such as +351 210 000 000')).toBeVisible();
  await expect(office).toHaveURL(/\/office\/knowledge\/partners\/new$/);
  await location.getByTestId('phone-number').fill('+351 213 400 000');
  await office.getByRole('button', { name: 'Save' }).click();
  await expect(office.getByText('Partner saved')).toBeVisible();
  await expect(office).toHaveURL(/\/office\/knowledge\/partners\/[0-9a-f-]{36}$/);
  await expect(office.getByRole('heading', { name: `Partner: ${PARTNER}` })).toBeVisible();
  await saveScreenshot(office, 'directory-partner-editor');

  // On the public directory, phone-first.
  const reader = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' })).newPage();
  await reader.goto('/info/directory');
  const card = await findService(reader, SERVICE);
  await expect(card).toContainText(PARTNER);
  await expect(card).toContainText('Rua São Pedro de Alcântara, 63, 1250-238 Lisboa');
  await expect(card).toContainText('Español');
  await expect(card).toContainText('Sat');
  await expect(card.getByRole('link', { name: '+351 213 400 000' })).toHaveAttribute('href', 'tel:+351213400000');
  await expectNoSeriousAxeViolations(reader, 'info directory with a partner kept by hand');

  // On the kiosk of a centre: every partner is shown there too.
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: 'e2e-demo-password' } });
  expect(login.ok()).toBe(true);
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;
  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'en-GB' })).newPage();
  await kiosk.goto(`/kiosk/${lisbon.id}/info`);
  await kiosk.getByTestId('kiosk-info-language-en').click();
  await kiosk.getByTestId('kiosk-info-directory').click();
  const kioskCard = await findService(kiosk, SERVICE);
  await expect(kioskCard).toContainText(PARTNER);
  await saveScreenshot(kiosk, 'kiosk-info-directory-partner');

  // Changing it by hand: the readers' directory follows.
  await office.getByTestId('service-name').fill('Apoio jurídico Casa do Brasil');
  await office.getByRole('button', { name: 'Save' }).click();
  await expect(office.getByText('Partner saved').first()).toBeVisible();
  await reader.reload();
  await expect(await findService(reader, 'Apoio jurídico Casa do Brasil')).toContainText(PARTNER);
});
