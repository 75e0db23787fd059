import type { RouteObject } from 'react-router';
import { PersonFilePage } from './PersonFilePage.js';
import { ReferralWorkListPage } from './ReferralWorkListPage.js';

/** The case file's pages, under /office. */
export const casefileRoutes: RouteObject[] = [
  { path: 'people/:personId', element: <PersonFilePage /> },
  { path: 'referrals', element: <ReferralWorkListPage /> },
];
