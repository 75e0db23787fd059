import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const ArticleEditorPage = lazyPage(() => import('./ArticleEditorPage.js'), 'ArticleEditorPage');
const KnowledgePage = lazyPage(() => import('./KnowledgePage.js'), 'KnowledgePage');
const TranslationEditorPage = lazyPage(() => import('./TranslationEditorPage.js'), 'TranslationEditorPage');

/** Content editors' and translators' pages, under /office. */
export const knowledgeRoutes: RouteObject[] = [
  { path: 'knowledge', element: <KnowledgePage /> },
  { path: 'knowledge/new', element: <ArticleEditorPage /> },
  { path: 'knowledge/:articleId', element: <ArticleEditorPage /> },
  { path: 'knowledge/:articleId/translations/:language', element: <TranslationEditorPage /> },
];
