import type { RouteObject } from 'react-router';
import { lazyPage } from '../../../ui/lazyPage.js';

const PatternsPage = lazyPage(() => import('./PatternsPage.js'), 'PatternsPage');

/** Suspicious booking patterns, under /office. */
export const patternsRoutes: RouteObject[] = [{ path: 'appointments/patterns', element: <PatternsPage /> }];
