import { expect, request as playwrightRequest, test, type Browser, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../playwright.config.js';
import { expectNoSeriousAxeViolations, saveScreenshot } from './support.js';

/**
 * WCAG 2.1 AA on every citizen surface (docs/accessibility.md): axe in Portuguese and in Arabic,
 * text at 200 % on a 390 px phone, the booking reached by keyboard, direction icons mirrored in
 * Arabic, and the fonts of each script downloaded only where the page needs them.
 */

const LANGUAGES = ['pt', 'ar'] as const;

async function phone(browser: Browser, language: string, width = 390, height = 844): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.addInitScript((code) => localStorage.setItem('oneroof.locale', code), language);
  return page;
}

interface Devices {
  centreId: string;
  kioskPath: string;
  screenPath: string;
}

/** A kiosk and a screen of Lisbon, registered by its manager, with the centre open all day. */
async function lisbonDevices(baseURL: string): Promise<Devices> {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username: 'manager.lisboa', password: E2E_PASSWORD } });
  expect(login.ok()).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const lisbon = ((await (await api.get('/api/v1/centres')).json()) as { id: string; code: string }[]).find((centre) => centre.code === 'LIS')!;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Lisbon' }).format(new Date());
  const existing = (await (await api.get(`/api/v1/centres/${lisbon.id}/exceptions?from=${today}&to=${today}`)).json()) as { id: string }[];
  const hours = { kind: 'special_hours', opens: '00:00', closes: '23:59', label: 'Accessibility test', date: today };
  if (existing[0]) await api.patch(`/api/v1/centres/${lisbon.id}/exceptions/${existing[0].id}`, { headers, data: hours });
  else await api.post(`/api/v1/centres/${lisbon.id}/exceptions`, { headers, data: hours });
  const device = async (kind: string, label: string) => {
    const response = await api.post(`/api/v1/centres/${lisbon.id}/queue-devices`, { headers, data: { kind, label } });
    expect(response.ok(), await response.text()).toBe(true);
    return ((await response.json()) as { path: string }).path;
  };
  const devices = { centreId: lisbon.id, kioskPath: await device('kiosk', 'Accessibility kiosk'), screenPath: await device('screen', 'Accessibility screen') };
  await api.dispose();
  return devices;
}

test('the portal, my procedures and the information pages pass axe in Portuguese and Arabic', async ({ browser }) => {
  for (const language of LANGUAGES) {
    const page = await phone(browser, language);
    await page.goto('/');
    await expect(page.getByTestId('start-booking')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expectNoSeriousAxeViolations(page, `${language} portal home`);
    await page.getByTestId('start-booking').click();
    await expect(page.getByTestId('service-choice').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${language} booking: service`);
    await page.getByTestId('service-choice').first().click();
    await expect(page.getByTestId('centre-choice').first().or(page.getByTestId('free-time').first())).toBeVisible();
    if (await page.getByTestId('centre-choice').first().isVisible()) {
      await expectNoSeriousAxeViolations(page, `${language} booking: centre`);
      await page.getByTestId('centre-choice').first().click();
    }
    await expect(page.getByTestId('free-time').first().or(page.getByTestId('waitlist'))).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${language} booking: time`);

    await page.goto('/my');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${language} my procedures`);

    await page.goto(`/info?lang=${language}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${language} info home`);
    await page.goto(`/info/inscricao-no-servico-nacional-de-saude?lang=${language}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${language} info article`);
    await page.goto(`/info/directory?lang=${language}`);
    await expect(page.getByTestId('directory-service').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${language} directory`);
    await page.context().close();
  }
});

test('the kiosk (language, services, ticket, information), the screen and the phone ticket pass axe in Portuguese and Arabic', async ({ browser, baseURL }) => {
  const devices = await lisbonDevices(baseURL!);
  for (const language of LANGUAGES) {
    const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await kiosk.goto(devices.kioskPath);
    await expect(kiosk.getByRole('button', { name: 'العربية' })).toBeVisible();
    await expectNoSeriousAxeViolations(kiosk, 'kiosk language');
    await kiosk.getByRole('button', { name: language === 'ar' ? 'العربية' : 'Português', exact: true }).click();
    await expect(kiosk.getByRole('heading', { level: 1 }).or(kiosk.getByRole('heading', { level: 2 })).first()).toBeVisible();
    await expectNoSeriousAxeViolations(kiosk, `${language} kiosk services`);
    await kiosk.getByRole('button', { name: /Renovação de autorização de residência|تجديد/ }).first().click();
    await expect(kiosk.getByTestId('kiosk-ticket-number')).toBeVisible();
    await expectNoSeriousAxeViolations(kiosk, `${language} kiosk ticket`);
    const link = (await kiosk.getByTestId('kiosk-ticket').getByText(/\/t\/[A-Z2-9]{10}$/).textContent())!.trim();

    const ticket = await phone(browser, language);
    await ticket.goto(new URL(link).pathname);
    await expect(ticket.getByTestId('ticket-status')).toBeVisible();
    await expectNoSeriousAxeViolations(ticket, `${language} phone ticket`);
    await ticket.context().close();

    const info = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
    await info.goto(`/kiosk/${devices.centreId}/info`);
    await info.getByTestId(`kiosk-info-language-${language}`).click();
    await info.getByTestId('kiosk-info-directory').click();
    await expect(info.getByTestId('directory-service').first()).toBeVisible();
    await expectNoSeriousAxeViolations(info, `${language} kiosk information`);
    // "Back" points to where the reader came from: left in Portuguese, right in Arabic.
    await expect(info.locator('svg.tabler-icon-arrow-back')).toHaveAttribute('data-mirrored', language === 'ar' ? 'true' : 'false');
    await saveScreenshot(info, `a11y-kiosk-info-${language}`);

    const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.addInitScript((code) => localStorage.setItem('oneroof.locale', code), language);
    await screen.goto(devices.screenPath);
    await expect(screen.getByText('Lisboa', { exact: false }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(screen, `${language} screen`);
    await Promise.all([kiosk.context().close(), info.context().close(), screen.context().close()]);
  }
});

/** Horizontal overflow in CSS pixels: a page that scrolls sideways at 200 % text fails WCAG 1.4.4/1.4.10. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('text scaled to 200 % fits a 390 px phone without scrolling sideways', async ({ browser }) => {
  for (const language of LANGUAGES) {
    const page = await phone(browser, language);
    // What the browser's "text size" setting does: the root font size doubles and rem-based sizes follow.
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => (document.documentElement.style.fontSize = '200%')));
    for (const [name, path] of [
      ['portal home', '/'],
      ['article', `/info/inscricao-no-servico-nacional-de-saude?lang=${language}`],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
      await saveScreenshot(page, `a11y-200-${language}-${name.replace(' ', '-')}`);
      expect(await sidewaysOverflow(page), `${language} ${name} at 200 %`).toBeLessThanOrEqual(0);
      // No button label is cut off: long labels wrap onto a second line instead (src/web/app/buttons.css).
      const clipped = await page.locator('.mantine-Button-label').evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent));
      expect(clipped, `${language} ${name}: clipped button labels`).toEqual([]);
    }
    await page.context().close();
  }
});

test('the booking is reached from the portal home with the keyboard only', async ({ browser }) => {
  const page = await phone(browser, 'pt');
  await page.goto('/');
  await expect(page.getByTestId('start-booking')).toBeVisible();
  let reached = false;
  for (let presses = 0; presses < 30 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.getByTestId('start-booking').evaluate((element) => element === document.activeElement);
  }
  expect(reached, 'the booking button takes the focus within 30 Tab presses').toBe(true);
  // The focus is visible where it is (WCAG 2.4.7), not only present.
  const outline = await page.getByTestId('start-booking').evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('service-choice').first()).toBeVisible();
  await page.context().close();
});

/** Every font file a page downloads, by family file name (e.g. "noto-sans-sc-119-400-normal"). */
function fontRequests(page: Page): string[] {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  return fonts;
}

test('a page downloads only the fonts of the scripts it shows', async ({ browser }) => {
  const portuguese = await phone(browser, 'pt');
  const portugueseFonts = fontRequests(portuguese);
  await portuguese.goto('/info/inscricao-no-servico-nacional-de-saude?lang=pt');
  await expect(portuguese.getByRole('heading', { level: 1 })).toBeVisible();
  // Only once every script's faces are declared does "none downloaded" mean anything.
  const declaredFamilies = () =>
    portuguese.evaluate(() => {
      const families = new Set<string>();
      document.fonts.forEach((face) => families.add(face.family.replace(/["']/g, '')));
      return [...families];
    });
  await expect.poll(declaredFamilies).toContain('Noto Sans SC');
  await portuguese.evaluate(() => document.fonts.ready);
  expect(portugueseFonts.some((name) => name.startsWith('noto-sans-latin'))).toBe(true);
  expect(portugueseFonts.filter((name) => /noto-sans-(sc|devanagari|bengali|gurmukhi|tamil|ethiopic|arabic)/.test(name))).toEqual([]);

  for (const [language, family, cssFamily] of [
    ['zh-Hans', 'noto-sans-sc', 'Noto Sans SC'],
    // Noto Sans itself has a Devanagari subset (its file is noto-sans-devanagari-…).
    ['hi', 'noto-sans-devanagari', 'Noto Sans'],
    ['bn', 'noto-sans-bengali', 'Noto Sans Bengali'],
    ['pa', 'noto-sans-gurmukhi', 'Noto Sans Gurmukhi'],
    ['ta', 'noto-sans-tamil', 'Noto Sans Tamil'],
    ['ti', 'noto-sans-ethiopic', 'Noto Sans Ethiopic'],
  ] as const) {
    const page = await phone(browser, 'en');
    const fonts = fontRequests(page);
    await page.goto(`/info/inscricao-no-servico-nacional-de-saude?lang=${language}`);
    await expect(page.locator(`h1[lang="${language}"]`).or(page.locator(`[lang="${language}"] h1`)).first()).toBeVisible();
    // The (bold) title is drawn with the script's own font, not a fallback box. The script fonts come
    // with the stylesheet loaded after the first render, so this waits for them.
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(/[\s!-~]/g, '');
    await expect
      .poll(() => page.evaluate(([text, name]) => document.fonts.check(`bold 16px "${name}"`, text), [title, cssFamily] as const), { message: `${language} title in ${cssFamily}` })
      .toBe(true);
    // fonts.check() may answer before the file's request is seen: wait for the request itself.
    await expect.poll(() => fonts.some((name) => name.startsWith(family)), { message: `${language} loads ${family}: ${fonts.join(', ')}` }).toBe(true);
    // Unicode-range subsets: a Chinese page fetches some of the about a hundred Chinese files, not all.
    if (family === 'noto-sans-sc') expect(fonts.filter((name) => name.startsWith(family)).length).toBeLessThan(40);
    await saveScreenshot(page, `info-article-${language}`);
    await page.context().close();
  }
  await portuguese.context().close();
});
