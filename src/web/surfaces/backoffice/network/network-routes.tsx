import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const CentrePage = lazyPage(() => import('./CentrePage.js'), 'CentrePage');
const CentresPage = lazyPage(() => import('./CentresPage.js'), 'CentresPage');
const UnitPage = lazyPage(() => import('./UnitPage.js'), 'UnitPage');

/** The network administration pages, under /office. */
export const networkRoutes: RouteObject[] = [
  { path: 'network', element: <CentresPage /> },
  { path: 'network/centres/:centreId', element: <CentrePage /> },
  { path: 'network/units/:unitId', element: <UnitPage /> },
];
