import type { RouteObject } from 'react-router';
import { DevicesPage } from './DevicesPage.js';

/** Information screens and kiosks of a centre, under /office. */
export const devicesRoutes: RouteObject[] = [{ path: 'devices', element: <DevicesPage /> }];
