import type { RouteObject } from 'react-router';
import { DisplayPage } from './display/DisplayPage.js';
import { KioskPage } from './kiosk/KioskPage.js';
import { TicketPage } from './phone/TicketPage.js';

/** Public surfaces: no sign-in. Screens and kiosks carry a device token, the phone view a ticket code. */
export const publicRoutes: RouteObject[] = [
  { path: '/display/:centreId', element: <DisplayPage /> },
  { path: '/kiosk/:centreId', element: <KioskPage /> },
  { path: '/t/:code', element: <TicketPage /> },
];
