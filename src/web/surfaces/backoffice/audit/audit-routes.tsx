import type { RouteObject } from 'react-router';
import { AuditPage } from './AuditPage.js';

/** The auditor's pages, under /office. */
export const auditRoutes: RouteObject[] = [{ path: 'audit', element: <AuditPage /> }];
