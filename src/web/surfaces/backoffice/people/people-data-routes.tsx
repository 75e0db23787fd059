import type { RouteObject } from 'react-router';
import { PersonAccessReportPage } from './PersonAccessReportPage.js';
import { RetentionPage } from './RetentionPage.js';

/** Data-protection pages, under /office: a person's access report; retention for network administrators. */
export const peopleDataRoutes: RouteObject[] = [
  { path: 'people/:id/access-report', element: <PersonAccessReportPage /> },
  { path: 'retention', element: <RetentionPage /> },
];
