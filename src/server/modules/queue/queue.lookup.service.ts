import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { presentVisit } from './queue.presenters.js';
import { findVisit, ticketsOfVisit } from './queue.repo.js';
import type { VisitView } from './queue.schemas.js';

/**
 * A visit with its tickets as they are now, for another module that keeps a visit's id (appointment
 * check-in answers a repeated check-in with the ticket it already issued). No authorisation here:
 * the caller has checked that the actor may see the visit (queue.issue at its centre).
 */
export async function findVisitView(db: Kysely<Database>, visitId: string): Promise<VisitView | undefined> {
  const visit = await findVisit(db, visitId);
  return visit ? presentVisit(visit, await ticketsOfVisit(db, visit.id)) : undefined;
}
