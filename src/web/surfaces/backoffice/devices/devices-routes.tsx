import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const DevicesPage = lazyPage(() => import('./DevicesPage.js'), 'DevicesPage');

/** Information screens and kiosks of a centre, under /office. */
export const devicesRoutes: RouteObject[] = [{ path: 'devices', element: <DevicesPage /> }];
