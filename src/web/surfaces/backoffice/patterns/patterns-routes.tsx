import type { RouteObject } from 'react-router';
import { PatternsPage } from './PatternsPage.js';

/** Suspicious booking patterns, under /office. */
export const patternsRoutes: RouteObject[] = [{ path: 'appointments/patterns', element: <PatternsPage /> }];
