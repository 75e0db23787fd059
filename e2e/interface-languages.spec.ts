import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { INTERFACE_LOCALES } from '../src/shared/locales.js';
import { apiAs, openAllToday } from './queue-api.js';
import { expectNoSeriousAxeViolations, saveScreenshot, useInterfaceLanguage } from './support.js';

/** A message as the locale files write it (plain ones only: these carry no arguments). */
function message(language: string, file: string, id: string): string {
  return (JSON.parse(readFileSync(`locales/${language}/${file}.json`, 'utf8')) as Record<string, string>)[id]!;
}

const LANGUAGES = ['ar', 'uk', 'hi', 'zh-Hans'] as const;

for (const language of LANGUAGES) {
  const locale = INTERFACE_LOCALES.find((one) => one.code === language)!;

  test(`the portal on a phone in ${locale.englishName}`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await useInterfaceLanguage(page, language);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: message(language, 'portal', 'portal.home.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', locale.dir);
    await expect(page.getByText(message(language, 'portal', 'portal.home.book')).first()).toBeVisible();
    // Nothing of the page is wider than the phone, whatever the script.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, `portal in ${language}`);
    await saveScreenshot(page, `portal-home-${language}`);
  });
}

test('the kiosk in Arabic, Ukrainian, Hindi and Chinese: language step, services, information mode', async ({ browser, baseURL }) => {
  const manager = await apiAs(baseURL!, 'manager.lisboa');
  const lisbon = (await manager.get<{ id: string; code: string }[]>('/api/v1/centres')).find((centre) => centre.code === 'LIS')!;
  await openAllToday(manager, lisbon.id);
  const device = await manager.post<{ path: string }>(`/api/v1/centres/${lisbon.id}/queue-devices`, { kind: 'kiosk', label: 'Languages test kiosk' });
  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'pt-PT' })).newPage();

  await kiosk.goto(device.path);
  // Every interface language is offered by its own name, in two columns that fit the screen.
  for (const one of INTERFACE_LOCALES) await expect(kiosk.getByRole('button', { name: one.nativeName, exact: true })).toBeVisible();
  expect(await kiosk.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1920);
  await saveScreenshot(kiosk, 'kiosk-languages');

  for (const language of LANGUAGES) {
    const locale = INTERFACE_LOCALES.find((one) => one.code === language)!;
    await kiosk.goto(device.path);
    await kiosk.getByRole('button', { name: locale.nativeName, exact: true }).click();
    await expect(kiosk.getByText(message(language, 'kiosk', 'kiosk.chooseService'))).toBeVisible();
    await expect(kiosk.locator('html')).toHaveAttribute('dir', locale.dir);
    await expectNoSeriousAxeViolations(kiosk, `kiosk services in ${language}`);
    await saveScreenshot(kiosk, `kiosk-services-${language}`);

    await kiosk.goto(`/kiosk/${lisbon.id}/info`);
    await kiosk.getByTestId(`kiosk-info-language-${language}`).click();
    await expect(kiosk.getByText(message(language, 'knowledge', 'kioskInfo.directory')).first()).toBeVisible();
    await saveScreenshot(kiosk, `kiosk-info-${language}`);
  }
  await manager.dispose();
});
