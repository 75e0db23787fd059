import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const AccountPage = lazyPage(() => import('../account/AccountPage.js'), 'AccountPage');
const StaffDetailPage = lazyPage(() => import('./StaffDetailPage.js'), 'StaffDetailPage');
const StaffListPage = lazyPage(() => import('./StaffListPage.js'), 'StaffListPage');

/** My account and the staff administration pages, under /office. */
export const staffRoutes: RouteObject[] = [
  { path: 'account', element: <AccountPage /> },
  { path: 'staff', element: <StaffListPage /> },
  { path: 'staff/:staffId', element: <StaffDetailPage /> },
];
