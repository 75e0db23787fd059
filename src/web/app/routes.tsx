import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage } from '../surfaces/backoffice/HomePage.js';
import { auditRoutes } from '../surfaces/backoffice/audit/audit-routes.js';
import { patternsRoutes } from '../surfaces/backoffice/patterns/patterns-routes.js';
import { casefileRoutes } from '../surfaces/backoffice/casefile/casefile-routes.js';
import { devicesRoutes } from '../surfaces/backoffice/devices/devices-routes.js';
import { peopleDataRoutes } from '../surfaces/backoffice/people/people-data-routes.js';
import { networkRoutes } from '../surfaces/backoffice/network/network-routes.js';
import { outboxRoutes } from '../surfaces/backoffice/outbox/outbox-routes.js';
import { staffRoutes } from '../surfaces/backoffice/staff/staff-routes.js';
import { reportsRoutes } from '../surfaces/backoffice/reports/reports-routes.js';
import { knowledgeRoutes } from '../surfaces/backoffice/knowledge/knowledge-routes.js';
import { LoginPage } from '../surfaces/login/LoginPage.js';
import { portalRoutes } from '../surfaces/portal/portal-routes.js';
import { publicRoutes } from '../surfaces/public-routes.js';
import { queueStaffRoutes } from '../surfaces/queue/queue-staff-routes.js';
import { phoneLineRoutes } from '../surfaces/phoneline/phoneline-routes.js';
import { BackOfficeLayout } from '../ui/BackOfficeLayout.js';
import { NotFoundPage } from '../ui/NotFoundPage.js';
import { RequireStaff } from '../ui/RequireStaff.js';

/** Pages inside the back office (under /office), one entry per area. */
const backOfficeRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  ...networkRoutes,
  ...auditRoutes,
  ...staffRoutes,
  ...outboxRoutes,
  ...patternsRoutes,
  ...knowledgeRoutes,
  ...casefileRoutes,
  ...devicesRoutes,
  ...peopleDataRoutes,
  ...reportsRoutes,
];

export const router = createBrowserRouter([
  ...portalRoutes,
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
  ...phoneLineRoutes,
  ...publicRoutes,
  { path: '*', element: <NotFoundPage /> },
]);
