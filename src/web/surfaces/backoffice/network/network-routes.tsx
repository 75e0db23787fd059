import type { RouteObject } from 'react-router';
import { CentrePage } from './CentrePage.js';
import { CentresPage } from './CentresPage.js';
import { UnitPage } from './UnitPage.js';

/** The network administration pages, under /office. */
export const networkRoutes: RouteObject[] = [
  { path: 'network', element: <CentresPage /> },
  { path: 'network/centres/:centreId', element: <CentrePage /> },
  { path: 'network/units/:unitId', element: <UnitPage /> },
];
