import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations, saveScreenshot, signIn, useInterfaceLanguage } from './support.js';
import { apiAs, cancelOthersWaiting, openAllToday } from './queue-api.js';

/**
 * Partner associations come from the service directory (docs/casefile.md): the officer records the
 * person's consent to share with a partner picked by name, refers her there and reads how to reach
 * it; at the counter the same is done in one dialog, consent first.
 */

async function staffPage(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await useInterfaceLanguage(page, 'en');
  await signIn(page, username);
  return page;
}

async function registerAtLisbon(baseURL: string, names: Record<string, string>): Promise<{ personId: string; centreId: string }> {
  const reception = await apiAs(baseURL, 'reception.lisboa');
  const centres = await reception.get<{ id: string; code: string }[]>('/api/v1/centres');
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;
  const registered = await reception.post<{ person: { id: string } }>('/api/v1/people', { homeCentreId: lisbon.id, birthDate: '1987-03-09', sex: 'female', confirmNotDuplicate: true, ...names });
  await reception.dispose();
  return { personId: registered.person.id, centreId: lisbon.id };
}

const card = (page: Page, heading: string) => page.locator('.mantine-Card-root', { has: page.getByRole('heading', { name: heading, exact: true }) });

async function pickPartner(page: Page, scope: ReturnType<Page['locator']>, typed: string, name: string) {
  await scope.getByRole('combobox', { name: 'Partner association' }).fill(typed);
  await page.getByRole('option', { name: new RegExp(name) }).click();
}

test('the file names a partner from the directory; the referral shows its phones and address', async ({ browser, baseURL }) => {
  const { personId } = await registerAtLisbon(baseURL!, { givenNames: 'Olena', familyNames: 'Shevchenko', nativeGivenNames: 'Олена', nativeFamilyNames: 'Шевченко', nativeScript: 'Cyrl' });
  const officer = await staffPage(browser, 'officer.immigration');
  await officer.goto(`/office/people/${personId}`);

  // Without the person's consent the partner gets nothing.
  const referrals = card(officer, 'Referrals');
  await referrals.getByRole('combobox', { name: 'Refer to' }).click();
  await officer.getByRole('option', { name: 'Partner association' }).click();
  await pickPartner(officer, referrals, 'kalyna', 'Associação Ucraniana Kalyna');
  await referrals.getByRole('button', { name: 'Send referral' }).click();
  await expect(referrals.getByText("record the person's consent first")).toBeVisible();

  const consents = card(officer, 'Consents');
  await consents.getByRole('combobox', { name: 'Purpose' }).click();
  await officer.getByRole('option', { name: 'Share with a partner association' }).click();
  await pickPartner(officer, consents, 'ucraniana', 'Associação Ucraniana Kalyna');
  await consents.getByRole('button', { name: 'Record consent' }).click();
  await expect(consents.getByText('Share with a partner association → Associação Ucraniana Kalyna')).toBeVisible();

  await referrals.getByRole('button', { name: 'Send referral' }).click();
  const sent = referrals.getByTestId('file-referral');
  await expect(sent).toContainText('→ Associação Ucraniana Kalyna');
  await expect(sent.getByRole('link', { name: '+351 218 120 455' })).toHaveAttribute('href', 'tel:+351218120455');
  await expect(sent).toContainText('Avenida Almirante Reis, 113, 1150-014 Lisboa');
  await expectNoSeriousAxeViolations(officer, 'file with a partner referral');
  await saveScreenshot(officer, 'casefile-partner-referral');

  // The work list names the partner and how to reach it as well.
  await officer.goto('/office/referrals?box=outgoing');
  await expect(officer.getByRole('row', { name: /Olena/ }).first()).toContainText('+351 218 120 455');
});

async function issueTicketFor(baseURL: string, personId: string, centreId: string): Promise<string> {
  const manager = await apiAs(baseURL, 'manager.lisboa');
  await openAllToday(manager, centreId);
  await manager.dispose();
  const reception = await apiAs(baseURL, 'reception.lisboa');
  const units = await reception.get<{ id: string; code: string }[]>(`/api/v1/centres/${centreId}/units`);
  const immigration = units.find((unit) => unit.code === 'IMM')!;
  const services = await reception.get<{ id: string; code: string }[]>(`/api/v1/units/${immigration.id}/services`);
  const renewal = services.find((service) => service.code === 'PERMIT-RENEW')!;
  const visit = await reception.post<{ tickets: { number: string }[] }>('/api/v1/queue/visits', { centreId, personId, language: 'pt', purpose: 'Precisa de tradução da certidão de nascimento', serviceIds: [renewal.id] });
  await reception.dispose();
  return visit.tickets[0]!.number;
}

test('at the counter the officer refers the person on to a partner, recording the consent first', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { personId, centreId } = await registerAtLisbon(baseURL!, { givenNames: 'Mariama', familyNames: 'Djaló' });
  const ticket = await issueTicketFor(baseURL!, personId, centreId);
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
  await expect(panel).toContainText('Mariama Djaló');

  await panel.getByRole('button', { name: 'Refer to a partner' }).click();
  const dialog = counter.getByRole('dialog', { name: 'Refer to a partner' });
  await pickPartner(counter, dialog, 'mouraria', 'Centro Comunitário Mouraria Acolhe');
  await expect(dialog.getByTestId('partner-contact')).toContainText('Rua do Benformoso, 101');
  await expect(dialog.getByText('First record the person\'s consent to share with Centro Comunitário Mouraria Acolhe.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Record consent' }).click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Emergency food parcel this week.');
  await dialog.getByRole('button', { name: 'Send referral' }).click();
  await expect(dialog.getByText('Referral to Centro Comunitário Mouraria Acolhe sent. Tell the person how to reach them:')).toBeVisible();
  await expect(dialog.getByRole('link', { name: '+351 218 862 300' })).toBeVisible();
  await expectNoSeriousAxeViolations(counter, 'counter partner referral', '[role="dialog"]');
  await saveScreenshot(counter, 'counter-partner-referral');
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  await counter.getByRole('button', { name: 'Start service' }).click();
  await counter.getByRole('button', { name: 'End service' }).click();
  await counter.getByRole('dialog').getByText('Done', { exact: true }).click();
  await counter.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(counter.getByTestId('current-ticket')).toBeHidden();
  await counter.getByRole('button', { name: 'Close counter' }).click();
});
