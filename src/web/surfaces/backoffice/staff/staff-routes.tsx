import type { RouteObject } from 'react-router';
import { AccountPage } from '../account/AccountPage.js';
import { StaffDetailPage } from './StaffDetailPage.js';
import { StaffListPage } from './StaffListPage.js';

/** My account and the staff administration pages, under /office. */
export const staffRoutes: RouteObject[] = [
  { path: 'account', element: <AccountPage /> },
  { path: 'staff', element: <StaffListPage /> },
  { path: 'staff/:staffId', element: <StaffDetailPage /> },
];
