import type { RouteObject } from 'react-router';
import { ArticleEditorPage } from './ArticleEditorPage.js';
import { KnowledgePage } from './KnowledgePage.js';
import { TranslationEditorPage } from './TranslationEditorPage.js';

/** Content editors' and translators' pages, under /office. */
export const knowledgeRoutes: RouteObject[] = [
  { path: 'knowledge', element: <KnowledgePage /> },
  { path: 'knowledge/new', element: <ArticleEditorPage /> },
  { path: 'knowledge/:articleId', element: <ArticleEditorPage /> },
  { path: 'knowledge/:articleId/translations/:language', element: <TranslationEditorPage /> },
];
