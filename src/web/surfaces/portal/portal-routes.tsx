import type { RouteObject } from 'react-router';
import { BookingPage } from './BookingPage.js';
import { ManagePage } from './ManagePage.js';
import { PortalHome } from './PortalHome.js';
import { WaitlistLeavePage } from './WaitlistLeavePage.js';

/** The virtual One-Stop-Shop (public, no sign-in): docs/appointments.md, "Portal". */
export const portalRoutes: RouteObject[] = [
  { path: '/', element: <PortalHome /> },
  { path: '/book', element: <BookingPage /> },
  { path: '/b/:reference', element: <ManagePage /> },
  { path: '/waitlist/:id', element: <WaitlistLeavePage /> },
];
