import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const DailyReportPage = lazyPage(() => import('./DailyReportPage.js'), 'DailyReportPage');

/** The daily queue and appointments report, under /office. */
export const reportsRoutes: RouteObject[] = [{ path: 'reports', element: <DailyReportPage /> }];
