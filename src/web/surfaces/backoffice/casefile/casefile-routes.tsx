import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const PeopleSearchPage = lazyPage(() => import('./PeopleSearchPage.js'), 'PeopleSearchPage');
const PersonFilePage = lazyPage(() => import('./PersonFilePage.js'), 'PersonFilePage');
const ReferralWorkListPage = lazyPage(() => import('./ReferralWorkListPage.js'), 'ReferralWorkListPage');

/** The case file's pages, under /office. */
export const casefileRoutes: RouteObject[] = [
  { path: 'people', element: <PeopleSearchPage /> },
  { path: 'people/:personId', element: <PersonFilePage /> },
  { path: 'referrals', element: <ReferralWorkListPage /> },
];
