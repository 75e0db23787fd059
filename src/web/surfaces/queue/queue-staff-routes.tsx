import type { RouteObject } from 'react-router';
import { RequireStaff } from '../../ui/RequireStaff.js';
import { BoardPage } from '../board/BoardPage.js';
import { CounterPage } from '../counter/CounterPage.js';
import { ReceptionPage } from '../reception/ReceptionPage.js';

/** The queue's full-screen staff surfaces, each with its own layout (not inside the back office). */
export const queueStaffRoutes: RouteObject[] = [
  { path: '/counter', element: <RequireStaff><CounterPage /></RequireStaff> },
  { path: '/reception', element: <RequireStaff><ReceptionPage /></RequireStaff> },
  { path: '/board', element: <RequireStaff><BoardPage /></RequireStaff> },
  { path: '/board/:centreId', element: <RequireStaff><BoardPage /></RequireStaff> },
];
