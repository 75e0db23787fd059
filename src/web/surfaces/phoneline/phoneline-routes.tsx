import type { RouteObject } from 'react-router';
import { RequireStaff } from '../../ui/RequireStaff.js';
import { lazyPage } from '../../ui/lazyPage.js';

const MyProceduresPage = lazyPage(() => import('../my/MyProceduresPage.js'), 'MyProceduresPage');
const PhoneLinePage = lazyPage(() => import('./PhoneLinePage.js'), 'PhoneLinePage');

/** The phone line (staff, full screen) and "my procedures" (public, on the person's phone). */
export const phoneLineRoutes: RouteObject[] = [
  { path: '/phone', element: <RequireStaff><PhoneLinePage /></RequireStaff> },
  { path: '/my', element: <MyProceduresPage /> },
];
