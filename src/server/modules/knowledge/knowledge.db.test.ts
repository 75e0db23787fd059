import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type Session, type TestApp } from '../../../../test/app.js';
import { contentStaff, publishedArticle, residenceArticle } from './knowledge.test-fixtures.js';

let test: TestApp;
let editor: Session;
let translator: Session;

beforeAll(async () => {
  test = await createTestApp();
  ({ editor, translator } = await contentStaff(test, 'kb'));
});
afterAll(() => test.close());

const read = (slug: string, query: string) => test.app.inject({ method: 'GET', url: `/api/v1/public/knowledge/articles/${slug}?${query}` });

describe('articles, versions and translations', () => {
  it('keeps drafts from readers and numbers each publication', async () => {
    const created = await editor.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { ...residenceArticle, slug: 'rascunho-apenas' } });
    expect(created.statusCode).toBe(201);
    expect((await read('rascunho-apenas', 'lang=pt')).statusCode).toBe(404);
    const id = created.json<{ id: string }>().id;
    const first = await editor.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/publish` });
    expect(first.json()).toMatchObject({ publishedVersion: 1, unpublishedChanges: false });
    // Publishing the same text again would make every translation outdated for nothing.
    expect((await editor.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/publish` })).statusCode).toBe(409);
    await editor.request({ method: 'PATCH', url: `/api/v1/knowledge/articles/${id}`, payload: { body: 'Texto novo.' } });
    expect((await read('rascunho-apenas', 'lang=pt')).json()).toMatchObject({ version: 1, html: expect.stringContaining('passaporte') });
    const second = await editor.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/publish` });
    expect(second.json()).toMatchObject({ publishedVersion: 2, versions: [{ version: 2 }, { version: 1 }] });
    expect((await read('rascunho-apenas', 'lang=pt')).json()).toMatchObject({ version: 2, html: '<p>Texto novo.</p>\n' });
  });

  it('answers 409 on a taken address and 400 on an unknown service', async () => {
    await editor.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { ...residenceArticle, slug: 'mesmo-endereco' } });
    const again = await editor.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { ...residenceArticle, slug: 'mesmo-endereco' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual([{ path: 'body.slug', message: expect.any(String) }]);
    const bad = await editor.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { ...residenceArticle, slug: 'servico-errado', serviceIds: ['0190b8a0-0000-7000-8000-000000000000'], topic: 'moon' } });
    expect(bad.statusCode).toBe(400);
  });

  it('makes a translation outdated when the source changes, shows the translator what changed, and tells readers', async () => {
    const id = await publishedArticle(editor, { ...residenceArticle, slug: 'renovar-residencia' });
    const saved = await translator.request({
      method: 'PUT',
      url: `/api/v1/knowledge/articles/${id}/translations/ar`,
      payload: { title: 'تصريح الإقامة', summary: 'كيفية طلب وتجديد تصريح الإقامة.', body: 'أحضر جواز السفر وصورة.', sourceVersion: 1, publish: true },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'current', sourceChanges: null });
    expect((await read('renovar-residencia', 'lang=ar')).json()).toMatchObject({ language: 'ar', dir: 'rtl', note: null, title: 'تصريح الإقامة' });

    await editor.request({ method: 'PATCH', url: `/api/v1/knowledge/articles/${id}`, payload: { body: residenceArticle.body.replace('uma fotografia', 'duas fotografias') } });
    await editor.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/publish` });

    const work = await translator.request({ method: 'GET', url: `/api/v1/knowledge/articles/${id}/translations/ar` });
    expect(work.json()).toMatchObject({ state: 'outdated', source: { version: 2 }, sourceChanges: { fromVersion: 1, toVersion: 2 } });
    const changes = work.json().sourceChanges.body as { op: string; text: string }[];
    expect(changes.filter((part) => part.op === 'delete').map((part) => part.text).join('')).toContain('uma fotografia');
    expect(changes.filter((part) => part.op === 'insert').map((part) => part.text).join('')).toContain('duas fotografias');
    expect(work.json().sourceChanges.title).toEqual([{ op: 'equal', text: residenceArticle.title }]);

    const list = await translator.request({ method: 'GET', url: '/api/v1/knowledge/work/ar' });
    expect(list.json().find((item: { articleId: string }) => item.articleId === id)).toMatchObject({ state: 'outdated', sourceVersion: 1, publishedVersion: 2 });
    // Outdated and missing come before current in the work list.
    const states = list.json().map((item: { state: string }) => item.state) as string[];
    expect(states.indexOf('current') === -1 || states.lastIndexOf('outdated') < states.indexOf('current')).toBe(true);

    const reader = await read('renovar-residencia', 'lang=ar');
    expect(reader.json()).toMatchObject({ requestedLanguage: 'ar', language: 'pt', dir: 'ltr', note: 'outdated', html: expect.stringContaining('duas fotografias') });
    const missing = await read('renovar-residencia', 'lang=uk');
    expect(missing.json()).toMatchObject({ language: 'pt', note: 'missing' });
  });

  it('gives English to a reader who prefers it when their language is missing', async () => {
    const id = await publishedArticle(editor, { ...residenceArticle, slug: 'preferir-ingles' });
    await translator.request({ method: 'PUT', url: `/api/v1/knowledge/articles/${id}/translations/en`, payload: { title: 'Residence permit', body: 'Bring your passport.', sourceVersion: 1, publish: true } });
    expect((await read('preferir-ingles', 'lang=fa&fallback=en')).json()).toMatchObject({ language: 'en', note: 'missing', title: 'Residence permit' });
    expect((await read('preferir-ingles', 'lang=fa')).json()).toMatchObject({ language: 'pt', note: 'missing' });
  });

  it('refuses a translation of a version that was never published', async () => {
    const id = await publishedArticle(editor, { ...residenceArticle, slug: 'versao-futura' });
    const response = await translator.request({ method: 'PUT', url: `/api/v1/knowledge/articles/${id}/translations/fr`, payload: { title: 'Titre', body: 'Texte', sourceVersion: 7 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.sourceVersion');
    expect((await translator.request({ method: 'PUT', url: `/api/v1/knowledge/articles/${id}/translations/xx`, payload: { title: 'T', body: 'B', sourceVersion: 1 } })).statusCode).toBe(400);
  });

  it('renders Markdown safely: no raw HTML, no script links', async () => {
    const preview = await editor.request({ method: 'POST', url: '/api/v1/knowledge/preview', payload: { markdown: '<script>alert(1)</script>\n\n[click](javascript:alert(1)) [site](https://example.org) ![x](https://tracker.example/p.png)' } });
    const html = preview.json<{ html: string }>().html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">site</a>');
    expect(html).not.toContain('<img');
  });
});

describe('search', () => {
  it('finds the Ukrainian translation with a Ukrainian query, and tolerates typos', async () => {
    const id = await publishedArticle(editor, {
      slug: 'cursos-de-portugues',
      topic: 'language_courses',
      title: 'Cursos de português para adultos',
      summary: 'Aulas gratuitas de língua portuguesa.',
      body: 'Os cursos são gratuitos e dão certificado.',
    });
    await translator.request({
      method: 'PUT',
      url: `/api/v1/knowledge/articles/${id}/translations/uk`,
      payload: { title: 'Курси португальської мови для дорослих', summary: 'Безкоштовні уроки португальської мови.', body: 'Курси безкоштовні, видається сертифікат.', sourceVersion: 1, publish: true },
    });
    const search = (query: string) => test.app.inject({ method: 'GET', url: `/api/v1/public/knowledge/search?${query}` });

    const ukrainian = await search(`lang=uk&q=${encodeURIComponent('безкоштовні курси')}`);
    expect(ukrainian.statusCode).toBe(200);
    expect(ukrainian.json()[0]).toMatchObject({ slug: 'cursos-de-portugues', language: 'uk', title: 'Курси португальської мови для дорослих', note: null });

    // A typo in Cyrillic ("португальскої") still finds it.
    const typo = await search(`lang=uk&q=${encodeURIComponent('португальскої')}`);
    expect(typo.json().map((hit: { slug: string }) => hit.slug)).toContain('cursos-de-portugues');

    // Portuguese without accents and with stemming: "portugues" matches "português", "curso" matches "cursos".
    const portuguese = await search('lang=pt&q=curso%20portugues');
    expect(portuguese.json()[0]).toMatchObject({ slug: 'cursos-de-portugues', language: 'pt' });
    const misspelt = await search('lang=pt&q=gratuitoss');
    expect(misspelt.json().map((hit: { slug: string }) => hit.slug)).toContain('cursos-de-portugues');

    const nothing = await search(`lang=uk&q=${encodeURIComponent('космонавт')}`);
    expect(nothing.json()).toEqual([]);
    expect((await search('lang=uk&q=a')).statusCode).toBe(400);
  });
});

describe('machine translation', () => {
  let provider: Server;
  let received: { q: string; source: string; target: string; api_key?: string }[] = [];

  beforeAll(async () => {
    provider = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const payload = JSON.parse(body) as { q: string; source: string; target: string; api_key?: string };
        received.push(payload);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ translatedText: `[${payload.target}] ${payload.q}` }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

  it('drafts through the configured provider, marks the text machine-made until a person reviews it', async () => {
    const port = (provider.address() as AddressInfo).port;
    const withMt = await createTestApp({ config: testConfig({ MT_URL: `http://127.0.0.1:${port}/`, MT_API_KEY: 'secret-key' }) });
    try {
      const staff = await contentStaff(withMt, 'mt');
      const id = await publishedArticle(staff.editor, { ...residenceArticle, slug: 'traducao-automatica' });
      received = [];
      const drafted = await staff.translator.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/translations/fr/machine` });
      expect(drafted.statusCode).toBe(200);
      expect(drafted.json()).toMatchObject({ state: 'draft', machineTranslationAvailable: true, translation: { machineMade: true, title: '[fr] Autorização de residência', sourceVersion: 1 } });
      expect(received[0]).toMatchObject({ source: 'pt', target: 'fr', api_key: 'secret-key' });
      // Published without review: readers get it, told it is machine-made.
      await staff.translator.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/translations/fr/publish`, payload: { reviewed: false } });
      const readerView = await withMt.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/articles/traducao-automatica?lang=fr' });
      expect(readerView.json()).toMatchObject({ language: 'fr', note: 'machine' });
      const reviewed = await staff.translator.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/translations/fr/publish`, payload: {} });
      expect(reviewed.json()).toMatchObject({ state: 'current', translation: { machineMade: false, reviewedAt: expect.any(String) } });
      expect((await withMt.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/articles/traducao-automatica?lang=fr' })).json().note).toBeNull();
    } finally {
      await withMt.close();
    }
  });

  it('answers 503 without a provider', async () => {
    const id = await publishedArticle(editor, { ...residenceArticle, slug: 'sem-fornecedor' });
    const response = await translator.request({ method: 'POST', url: `/api/v1/knowledge/articles/${id}/translations/fr/machine` });
    expect(response.statusCode).toBe(503);
  });
});

describe('audit', () => {
  it('records every write of the editor and the translator', async () => {
    const actions = await test.db.selectFrom('audit_events').select('action').where('resource_type', '=', 'knowledge_article').execute();
    const names = new Set(actions.map((row) => row.action));
    for (const action of ['knowledge.article.create', 'knowledge.article.update', 'knowledge.article.publish', 'knowledge.translation.publish']) expect(names).toContain(action);
  });
});
