import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { RequestContext } from '../../http/request-context.js';
import { localDateTime } from '../network/network.opening.js';
import { publicTicket } from './queue.read.service.js';
import type { PublicTicketView } from './queue.schemas.js';

/** A person's ticket of today as the person sees it on /t/:code, with the code that opens it. */
export type TodaysTicket = PublicTicketView & { publicCode: string; centreId: string; visitId: string };

/**
 * Today's visits (each in its centre's own day) of a registered person or opened by given visit ids
 * (appointment check-ins), with their current ticket and place in line. No authorisation here: the
 * phone line and "my procedures" decide who may see them and audit it.
 */
export async function todaysTicketsOf(db: Kysely<Database>, context: RequestContext, who: { personIds: string[]; visitIds: string[] }, now = new Date()): Promise<TodaysTicket[]> {
  if (who.personIds.length === 0 && who.visitIds.length === 0) return [];
  // Two days around today in UTC cover every centre's local today; each is checked against its zone below.
  const since = new Date(now.getTime() - 36 * 3600_000).toISOString().slice(0, 10);
  const visits = await db
    .selectFrom('visits')
    .innerJoin('centres', 'centres.id', 'visits.centre_id')
    .select(['visits.id', 'visits.public_code', 'visits.centre_id', 'visits.local_day', 'centres.time_zone'])
    .where('visits.local_day', '>=', since)
    .where((eb) => eb.or([...(who.personIds.length ? [eb('visits.person_id', 'in', who.personIds)] : []), ...(who.visitIds.length ? [eb('visits.id', 'in', who.visitIds)] : [])]))
    .orderBy('visits.created_at')
    .execute();
  const tickets: TodaysTicket[] = [];
  for (const visit of visits) {
    if (visit.local_day !== localDateTime(visit.time_zone, now).date) continue;
    const view = await publicTicket(db, context, visit.public_code, now);
    tickets.push({ ...view, publicCode: visit.public_code, centreId: visit.centre_id, visitId: visit.id });
  }
  return tickets;
}
