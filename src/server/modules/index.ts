import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../app.js';
import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './health.routes.js';
import { staffRoutes } from './staff/staff.routes.js';
import { networkRoutes } from './network/network.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { realtimeRoutes } from '../realtime/realtime.routes.js';
import { queueRoutes } from './queue/queue.routes.js';
import { queuePublicRoutes } from './queue/queue.public.routes.js';
import { queueStaffRoutes } from './queue/queue.staff.routes.js';
import { queueAlertRoutes } from './queue/queue.alerts.routes.js';
import { appointmentRoutes } from './appointments/appointments.routes.js';
import { appointmentPortalRoutes } from './appointments/appointments.portal.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { phoneLineRoutes } from './appointments/appointments.phone.routes.js';
import { knowledgeRoutes } from './knowledge/knowledge.routes.js';
import { directoryRoutes } from './directory/directory.routes.js';
import { casefileRoutes } from './casefile/casefile.routes.js';
import { casefileWorkRoutes } from './casefile/casefile.work.routes.js';
import { peopleDataProtectionRoutes } from './people/people.data-protection.routes.js';

/** Every module's routes, in one list. */
export async function registerModules(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(networkRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(realtimeRoutes(deps));
  await app.register(queueRoutes(deps));
  await app.register(queuePublicRoutes(deps));
  await app.register(queueStaffRoutes(deps));
  await app.register(queueAlertRoutes(deps));
  await app.register(appointmentRoutes(deps));
  await app.register(appointmentPortalRoutes(deps));
  await app.register(peopleRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(phoneLineRoutes(deps));
  await app.register(knowledgeRoutes(deps));
  await app.register(directoryRoutes(deps));
  await app.register(casefileRoutes(deps));
  await app.register(casefileWorkRoutes(deps));
  await app.register(peopleDataProtectionRoutes(deps));
}
