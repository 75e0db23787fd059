import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const AuditPage = lazyPage(() => import('./AuditPage.js'), 'AuditPage');

/** The auditor's pages, under /office. */
export const auditRoutes: RouteObject[] = [{ path: 'audit', element: <AuditPage /> }];
