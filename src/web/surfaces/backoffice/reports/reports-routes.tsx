import type { RouteObject } from 'react-router';
import { DailyReportPage } from './DailyReportPage.js';

/** The daily queue and appointments report, under /office. */
export const reportsRoutes: RouteObject[] = [{ path: 'reports', element: <DailyReportPage /> }];
