import type { RouteObject } from 'react-router';
import { PeopleSearchPage } from './PeopleSearchPage.js';
import { PersonFilePage } from './PersonFilePage.js';
import { ReferralWorkListPage } from './ReferralWorkListPage.js';

/** The case file's pages, under /office. */
export const casefileRoutes: RouteObject[] = [
  { path: 'people', element: <PeopleSearchPage /> },
  { path: 'people/:personId', element: <PersonFilePage /> },
  { path: 'referrals', element: <ReferralWorkListPage /> },
];
