import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const PersonAccessReportPage = lazyPage(() => import('./PersonAccessReportPage.js'), 'PersonAccessReportPage');

/** Data-protection pages of a person, under /office. */
export const peopleDataRoutes: RouteObject[] = [{ path: 'people/:id/access-report', element: <PersonAccessReportPage /> }];
