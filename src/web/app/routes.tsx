import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { HomePage } from '../surfaces/backoffice/HomePage.js';
import { auditRoutes } from '../surfaces/backoffice/audit/audit-routes.js';
import { peopleDataRoutes } from '../surfaces/backoffice/people/people-data-routes.js';
import { networkRoutes } from '../surfaces/backoffice/network/network-routes.js';
import { staffRoutes } from '../surfaces/backoffice/staff/staff-routes.js';
import { LoginPage } from '../surfaces/login/LoginPage.js';
import { publicRoutes } from '../surfaces/public-routes.js';
import { queueStaffRoutes } from '../surfaces/queue/queue-staff-routes.js';
import { BackOfficeLayout } from '../ui/BackOfficeLayout.js';
import { NotFoundPage } from '../ui/NotFoundPage.js';
import { RequireStaff } from '../ui/RequireStaff.js';

/** Pages inside the back office (under /office), one entry per area. */
const backOfficeRoutes: RouteObject[] = [{ index: true, element: <HomePage /> }, ...networkRoutes, ...auditRoutes, ...peopleDataRoutes, ...staffRoutes];

export const router = createBrowserRouter([
  { path: '/', element: <Navigate to="/office" replace /> },
  { path: '/login', element: <LoginPage /> },
  {
    path: '/office',
    element: (
      <RequireStaff>
        <BackOfficeLayout />
      </RequireStaff>
    ),
    children: [...backOfficeRoutes, { path: '*', element: <NotFoundPage /> }],
  },
  ...queueStaffRoutes,
  ...publicRoutes,
  { path: '*', element: <NotFoundPage /> },
]);
