import { sql, type Kysely } from 'kysely';
import type { Database, LocalisedText } from '../../db/types.js';
import type { AppointmentRow } from './appointments.repo.js';

/** Queries of the phone line, "my procedures" and the patterns view (read-only joins on the network's tables). */

export interface BookableServiceRow {
  service_id: string;
  unit_id: string;
  centre_id: string;
  centre_name: string;
  names: LocalisedText;
  typical_minutes: number;
  slot_minutes: number | null;
  time_zone: string;
}

export function listBookableServices(db: Kysely<Database>): Promise<BookableServiceRow[]> {
  return db
    .selectFrom('booking_policies as p')
    .innerJoin('services as s', 's.id', 'p.service_id')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('centres as c', 'c.id', 'u.centre_id')
    .select(['s.id as service_id', 's.unit_id', 'c.id as centre_id', 'c.name as centre_name', 's.names', 's.typical_minutes', 'p.slot_minutes', 'c.time_zone'])
    .where('s.archived_at', 'is', null)
    .where('u.archived_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .orderBy('c.name')
    .orderBy(sql`s.names->>'pt'`)
    .execute();
}

export type BookingWithPlace = AppointmentRow & { unit_id: string; service_names: LocalisedText; centre_name: string; time_zone: string };

function withPlace(db: Kysely<Database>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('services as s', 's.id', 'a.service_id')
    .innerJoin('centres as c', 'c.id', 'a.centre_id')
    .selectAll('a')
    .select(['s.unit_id', 's.names as service_names', 'c.name as centre_name', 'c.time_zone']);
}

/** Bookings (never bare holds) of people or contacts, newest appointment first; at most `limit`. */
export async function findBookingsOf(db: Kysely<Database>, who: { personIds: string[]; emailKeys: string[]; phoneKeys: string[] }, options: { since?: Date; limit?: number } = {}): Promise<BookingWithPlace[]> {
  if (who.personIds.length + who.emailKeys.length + who.phoneKeys.length === 0) return [];
  let query = withPlace(db)
    .where('a.state', 'not in', ['held', 'expired'])
    .where((eb) =>
      eb.or([
        ...(who.personIds.length ? [eb('a.person_id', 'in', who.personIds)] : []),
        ...(who.emailKeys.length ? [eb('a.email_key', 'in', who.emailKeys)] : []),
        ...(who.phoneKeys.length ? [eb('a.phone_key', 'in', who.phoneKeys)] : []),
      ]),
    );
  if (options.since) query = query.where('a.starts_at', '>=', options.since);
  return (await query.orderBy('a.starts_at', 'desc').limit(options.limit ?? 200).execute()) as BookingWithPlace[];
}

export async function findWithUnit(db: Kysely<Database>, ids: string[]): Promise<BookingWithPlace[]> {
  if (ids.length === 0) return [];
  return (await withPlace(db).where('a.id', 'in', ids).execute()) as BookingWithPlace[];
}
