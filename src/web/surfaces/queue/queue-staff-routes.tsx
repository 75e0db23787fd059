import type { RouteObject } from 'react-router';
import { RequireStaff } from '../../ui/RequireStaff.js';
import { lazyPage } from '../../ui/lazyPage.js';

const BoardPage = lazyPage(() => import('../board/BoardPage.js'), 'BoardPage');
const CounterPage = lazyPage(() => import('../counter/CounterPage.js'), 'CounterPage');
const ReceptionPage = lazyPage(() => import('../reception/ReceptionPage.js'), 'ReceptionPage');

/** The queue's full-screen staff surfaces, each with its own layout (not inside the back office). */
export const queueStaffRoutes: RouteObject[] = [
  { path: '/counter', element: <RequireStaff><CounterPage /></RequireStaff> },
  { path: '/reception', element: <RequireStaff><ReceptionPage /></RequireStaff> },
  { path: '/board', element: <RequireStaff><BoardPage /></RequireStaff> },
  { path: '/board/:centreId', element: <RequireStaff><BoardPage /></RequireStaff> },
];
