import type { RouteObject } from 'react-router';
import { RequireStaff } from '../../ui/RequireStaff.js';
import { MyProceduresPage } from '../my/MyProceduresPage.js';
import { PhoneLinePage } from './PhoneLinePage.js';

/** The phone line (staff, full screen) and "my procedures" (public, on the person's phone). */
export const phoneLineRoutes: RouteObject[] = [
  { path: '/phone', element: <RequireStaff><PhoneLinePage /></RequireStaff> },
  { path: '/my', element: <MyProceduresPage /> },
];
