import type { RouteObject } from 'react-router';
import { ArticleEditorPage } from './ArticleEditorPage.js';
import { KnowledgePage } from './KnowledgePage.js';
import { PartnerEditorPage } from './PartnerEditorPage.js';
import { TranslationEditorPage } from './TranslationEditorPage.js';

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
