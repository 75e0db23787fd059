import type { RouteObject } from 'react-router';
import { PersonAccessReportPage } from './PersonAccessReportPage.js';

/** Data-protection pages of a person, under /office. */
export const peopleDataRoutes: RouteObject[] = [{ path: 'people/:id/access-report', element: <PersonAccessReportPage /> }];
