import type { RouteObject } from 'react-router';
import { DisplayPage } from './display/DisplayPage.js';
import { KioskPage } from './kiosk/KioskPage.js';
import { TicketPage } from './phone/TicketPage.js';
import { InfoArticlePage } from './info/InfoArticlePage.js';
import { InfoDirectoryPage } from './info/InfoDirectoryPage.js';
import { InfoHomePage } from './info/InfoHomePage.js';
import { KioskInfoPage } from './kiosk/info/KioskInfoPage.js';

/** Public surfaces: no sign-in. Screens and kiosks carry a device token, the phone view a ticket code. */
export const publicRoutes: RouteObject[] = [
  { path: '/display/:centreId', element: <DisplayPage /> },
  { path: '/kiosk/:centreId', element: <KioskPage /> },
  { path: '/kiosk/:centreId/info', element: <KioskInfoPage /> },
  { path: '/t/:code', element: <TicketPage /> },
  // Public information (docs/knowledge.md, docs/directory.md); the portal home links here.
  { path: '/info', element: <InfoHomePage /> },
  { path: '/info/directory', element: <InfoDirectoryPage /> },
  { path: '/info/:slug', element: <InfoArticlePage /> },
];
