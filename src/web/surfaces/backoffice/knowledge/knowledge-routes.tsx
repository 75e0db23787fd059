import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const ArticleEditorPage = lazyPage(() => import('./ArticleEditorPage.js'), 'ArticleEditorPage');
const KnowledgePage = lazyPage(() => import('./KnowledgePage.js'), 'KnowledgePage');
const TranslationEditorPage = lazyPage(() => import('./TranslationEditorPage.js'), 'TranslationEditorPage');
const PartnerEditorPage = lazyPage(() => import('./PartnerEditorPage.js'), 'PartnerEditorPage');

/** Content editors', translators' and directory keepers' pages, under /office. */
export const knowledgeRoutes: RouteObject[] = [
  { path: 'knowledge', element: <KnowledgePage /> },
  { path: 'knowledge/new', element: <ArticleEditorPage /> },
  // Before `knowledge/:articleId`, so "partners" is never taken for an article id.
  { path: 'knowledge/partners/new', element: <PartnerEditorPage /> },
  { path: 'knowledge/partners/:partnerId', element: <PartnerEditorPage /> },
  { path: 'knowledge/:articleId', element: <ArticleEditorPage /> },
  { path: 'knowledge/:articleId/translations/:language', element: <TranslationEditorPage /> },
];
