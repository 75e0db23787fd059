import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/access.js';
import { createNetworkFixture, createStaff, createTestApp, signIn, type Session, type TestApp } from '../../../../test/app.js';
import { contentStaff, publishedArticle, residenceArticle } from './knowledge.test-fixtures.js';

/**
 * Who may call each knowledge endpoint, written from the brief independently of the policy:
 * editing and publishing the source is for content editors at network scope; translating for
 * translators and content editors at network scope; a grant on a centre or unit gives neither.
 * Readers need nothing.
 */
const mayEdit = (role: Role, scope: string) => scope === 'network' && role === 'content_editor';
const mayTranslate = (role: Role, scope: string) => scope === 'network' && (role === 'content_editor' || role === 'translator');

let test: TestApp;
let articleId: string;
let place: { networkId: string; centreId: string; unitId: string };
let unique = 0;

beforeAll(async () => {
  test = await createTestApp();
  place = await createNetworkFixture(test.db, 'S');
  const { editor } = await contentStaff(test, 'scopes');
  articleId = await publishedArticle(editor, { ...residenceArticle, slug: 'artigo-dos-escopos' });
});
afterAll(() => test.close());

async function staffWith(role: Role, scope: 'network' | 'centre' | 'unit'): Promise<Session> {
  const username = `k${++unique}`;
  const scopeId = scope === 'network' ? place.networkId : scope === 'centre' ? place.centreId : place.unitId;
  await createStaff(test.db, username, [{ role, scopeType: scope, scopeId }]);
  return signIn(test.app, username);
}

describe('knowledge endpoints by role and scope', () => {
  it('allow exactly the grants the rules name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), fc.constantFrom('network' as const, 'centre' as const, 'unit' as const), async (role, scope) => {
        const session = await staffWith(role, scope);
        const edit = mayEdit(role, scope);
        const translate = mayTranslate(role, scope);
        const status = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => (await session.request({ method, url, ...(payload ? { payload } : {}) })).statusCode;
        expect(await status('GET', '/api/v1/knowledge/articles')).toBe(edit || translate ? 200 : 403);
        expect(await status('POST', '/api/v1/knowledge/articles', { ...residenceArticle, slug: `escopo-${unique}` })).toBe(edit ? 201 : 403);
        expect(await status('PATCH', `/api/v1/knowledge/articles/${articleId}`, { summary: `Resumo ${unique}` })).toBe(edit ? 200 : 403);
        expect(await status('POST', `/api/v1/knowledge/articles/${articleId}/publish`)).toBe(edit ? 200 : 403);
        expect(await status('GET', '/api/v1/knowledge/work/uk')).toBe(translate ? 200 : 403);
        expect(await status('PUT', `/api/v1/knowledge/articles/${articleId}/translations/uk`, { title: 'Т', body: 'Текст', sourceVersion: 1 })).toBe(translate ? 200 : 403);
        expect(await status('POST', `/api/v1/knowledge/articles/${articleId}/translations/uk/publish`, {})).toBe(translate ? 200 : 403);
      }),
      { numRuns: 25 },
    );
  });

  it('ask staff to sign in, and let anyone read', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/knowledge/articles' })).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/knowledge/work/ar' })).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/topics' })).statusCode).toBe(200);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/public/knowledge/articles/artigo-dos-escopos?lang=uk' })).statusCode).toBe(200);
  });
});
