import { expect, test } from '@playwright/test';
import { saveScreenshot, signIn, expectNoSeriousAxeViolations } from './support.js';

test('an editor changes a Portuguese article: the Arabic translation turns outdated for the translator and readers get a note', async ({ browser }) => {
  const editorPage = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signIn(editorPage, 'editor');
  await editorPage.goto('/office/knowledge');
  await editorPage.getByTestId('article-link').filter({ hasText: 'Serviço Nacional de Saúde' }).click();
  const body = editorPage.getByTestId('article-body');
  await expect(body).toHaveValue(/número de utente/);
  await body.fill(`${await body.inputValue()}\n\nLeve também o cartão de contribuinte, se o tiver.`);
  await editorPage.getByTestId('publish-article').click();
  await expect(editorPage.getByText('Published: version 2').first()).toBeVisible();

  const translatorPage = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await signIn(translatorPage, 'translator');
  await translatorPage.goto('/office/knowledge?tab=translations&language=ar');
  const row = translatorPage.getByTestId('work-list').getByRole('row').filter({ hasText: 'Serviço Nacional de Saúde' });
  await expect(row).toHaveAttribute('data-state', 'outdated');
  await row.getByRole('link').click();
  await expect(translatorPage.getByTestId('translation-state')).toBeVisible();
  await expect(translatorPage.getByTestId('source-diff').last().locator('ins')).toContainText('cartão de contribuinte');

  const reader = await (await browser.newContext({ locale: 'ar', viewport: { width: 390, height: 844 } })).newPage();
  await reader.goto('/info/inscricao-no-servico-nacional-de-saude?lang=ar');
  await expect(reader.getByTestId('reader-note-outdated')).toBeVisible();
  await expect(reader.getByTestId('article-title')).toHaveText('Inscrição no Serviço Nacional de Saúde');
  await expect(reader.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoSeriousAxeViolations(reader, 'article in Arabic');
  await saveScreenshot(reader, 'info-article-ar-outdated');
});

test('a reader searches in Ukrainian and finds the Ukrainian article', async ({ browser }) => {
  const reader = await (await browser.newContext({ locale: 'uk', viewport: { width: 390, height: 844 } })).newPage();
  await reader.goto('/info?lang=uk');
  await reader.getByTestId('info-search').fill('безкоштовні курси');
  await reader.getByTestId('info-search').press('Enter');
  const result = reader.getByTestId('search-result').first();
  await expect(result).toContainText('Курси португальської мови для дорослих');
  await expectNoSeriousAxeViolations(reader, 'search in Ukrainian');
  await saveScreenshot(reader, 'info-search-uk');
  await result.click();
  await expect(reader.getByTestId('article-title')).toHaveText('Курси португальської мови для дорослих');
  await expect(reader.getByTestId('reader-note-missing')).toHaveCount(0);
  await expectNoSeriousAxeViolations(reader, 'search results');
});

test('the directory is readable on a phone and its HSDS export imports back unchanged', async ({ browser, request }) => {
  const reader = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } })).newPage();
  await reader.goto('/info/directory?lang=en');
  await expect(reader.getByTestId('directory-service').first()).toBeVisible();
  await expectNoSeriousAxeViolations(reader, 'directory');

  const exported = await (await request.get('/api/v1/public/directory/export')).json();
  expect(exported.organization.length).toBeGreaterThan(5);
  const login = await request.post('/api/v1/auth/login', { data: { username: 'editor', password: 'e2e-demo-password' } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const imported = await request.post('/api/v1/directory/import', { data: exported, headers: { 'x-csrf-token': csrfToken } });
  expect(imported.status()).toBe(200);
  expect(await (await request.get('/api/v1/public/directory/export')).json()).toEqual(exported);
});

test('the kiosk shows the directory in Urdu, right to left, and a QR code for an article', async ({ browser, request }) => {
  const login = await request.post('/api/v1/auth/login', { data: { username: 'admin', password: 'e2e-demo-password' } });
  expect(login.ok()).toBe(true);
  const centres = (await (await request.get('/api/v1/centres')).json()) as { id: string; code: string }[];
  const lisbon = centres.find((centre) => centre.code === 'LIS')!;
  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'pt-PT' })).newPage();
  await kiosk.goto(`/kiosk/${lisbon.id}/info`);
  await kiosk.getByTestId('kiosk-info-language-ur').click();
  await kiosk.getByTestId('kiosk-info-directory').click();
  await expect(kiosk.getByTestId('directory-service').first()).toBeVisible();
  await expect(kiosk.locator('[lang="ur"][dir="rtl"]').first()).toBeVisible();
  await expectNoSeriousAxeViolations(kiosk, 'kiosk info');
  await saveScreenshot(kiosk, 'kiosk-info-directory-ur');

  await kiosk.getByTestId('kiosk-info-start-over').click();
  await expect(kiosk).toHaveURL(new RegExp(`/kiosk/${lisbon.id}\\?`));
  await kiosk.goto(`/kiosk/${lisbon.id}/info`);
  await kiosk.getByTestId('kiosk-info-language-ar').click();
  await kiosk.getByRole('button', { name: 'دورات اللغة' }).click();
  await kiosk.getByRole('button', { name: 'دروس اللغة البرتغالية للكبار' }).click();
  await kiosk.getByTestId('kiosk-send-to-phone').click();
  await expect(kiosk.getByTestId('kiosk-article-qr')).toBeVisible();
  await expectNoSeriousAxeViolations(kiosk, 'kiosk info article');
  await saveScreenshot(kiosk, 'kiosk-info-article-ar-qr');
});

test('readers in Hindi and Chinese get the source with a note, and each page passes axe', async ({ browser }) => {
  for (const language of ['hi', 'zh-Hans']) {
    const reader = await (await browser.newContext({ locale: language, viewport: { width: 390, height: 844 } })).newPage();
    await reader.goto(`/info/cursos-de-portugues?lang=${language}`);
    await expect(reader.getByTestId('reader-note-missing')).toBeVisible();
    await expect(reader.getByTestId('content-language-picker')).toHaveValue(language === 'hi' ? 'हिन्दी' : '简体中文');
    await expectNoSeriousAxeViolations(reader, `article in ${language}`);
    await saveScreenshot(reader, `info-article-${language}-missing`);
    await reader.goto(`/info?lang=${language}`);
    await expectNoSeriousAxeViolations(reader, `info home in ${language}`);
    await saveScreenshot(reader, `info-home-${language}`);
  }
});
