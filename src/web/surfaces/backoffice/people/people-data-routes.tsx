import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const PersonAccessReportPage = lazyPage(() => import('./PersonAccessReportPage.js'), 'PersonAccessReportPage');
const RetentionPage = lazyPage(() => import('./RetentionPage.js'), 'RetentionPage');

/** Data-protection pages, under /office: a person's access report; retention for network administrators. */
export const peopleDataRoutes: RouteObject[] = [
  { path: 'people/:id/access-report', element: <PersonAccessReportPage /> },
  { path: 'retention', element: <RetentionPage /> },
];
