import type { RouteObject } from 'react-router';
import { lazyPage } from '../ui/lazyPage.js';

const DisplayPage = lazyPage(() => import('./display/DisplayPage.js'), 'DisplayPage');
const KioskPage = lazyPage(() => import('./kiosk/KioskPage.js'), 'KioskPage');
const TicketPage = lazyPage(() => import('./phone/TicketPage.js'), 'TicketPage');
const InfoArticlePage = lazyPage(() => import('./info/InfoArticlePage.js'), 'InfoArticlePage');
const InfoDirectoryPage = lazyPage(() => import('./info/InfoDirectoryPage.js'), 'InfoDirectoryPage');
const InfoHomePage = lazyPage(() => import('./info/InfoHomePage.js'), 'InfoHomePage');
const KioskInfoPage = lazyPage(() => import('./kiosk/info/KioskInfoPage.js'), 'KioskInfoPage');

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
