import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { centresOf, reachOf } from '../../access/actor.js';
import { recordPersonalDataRead } from '../audit/audit.service.js';
import { addDays } from '../network/network.opening.js';
import { addressFingerprint } from './appointments.address.js';
import { ensureWorksAt } from './appointments.policy.js';
import { presentStaff } from './appointments.presenters.js';
import type { PatternBookings, PatternBookingsQuery, PatternKind, PatternList, PatternQuery } from './appointments.patterns.schemas.js';

/**
 * Suspicious patterns: contacts and client addresses with many bookings, abandoned holds or
 * cancellations in a period, for staff who read appointments. Counted in SQL over the places the
 * actor may read; addresses only as keyed hashes, shown as fingerprints.
 */

const COLUMN: Record<PatternKind, 'email_key' | 'phone_key' | 'client_address_hash'> = { email: 'email_key', phone: 'phone_key', address: 'client_address_hash' };
const LIMIT = 200;

interface Scope {
  everywhere: boolean;
  centreIds: string[];
  unitIds: string[];
  /** One centre asked for, when the actor reaches only some of its units. */
  onlyCentre?: string;
}

/** Where the actor may read appointments (booking for others there counts too), narrowed to one centre when asked. */
function scopeOf(context: StaffContext, centreId: string | undefined): Scope {
  const read = reachOf(context.actor, 'appointments.read');
  const booking = centresOf(context.actor, 'appointments.book_for_others');
  const scope: Scope = { everywhere: read.everywhere || booking.everywhere, centreIds: [...new Set([...read.centreIds, ...booking.centreIds])], unitIds: read.unitIds };
  if (!scope.everywhere && scope.centreIds.length === 0 && scope.unitIds.length === 0) throw AppError.forbidden();
  if (!centreId) return scope;
  ensureWorksAt(context.actor, centreId, 'The centre');
  if (scope.everywhere || scope.centreIds.includes(centreId)) return { everywhere: false, centreIds: [centreId], unitIds: [] };
  return { everywhere: false, centreIds: [], unitIds: scope.unitIds, onlyCentre: centreId };
}

function scoped(db: Kysely<Database>, scope: Scope, from: string, to: string) {
  let query = db
    .selectFrom('appointments as a')
    .innerJoin('services as s', 's.id', 'a.service_id')
    .where('a.created_at', '>=', new Date(`${from}T00:00:00Z`))
    .where('a.created_at', '<', new Date(`${addDays(to, 1)}T00:00:00Z`));
  if (scope.onlyCentre) query = query.where('a.centre_id', '=', scope.onlyCentre);
  if (!scope.everywhere) {
    query = query.where((eb) =>
      eb.or([...(scope.centreIds.length ? [eb('a.centre_id', 'in', scope.centreIds)] : []), ...(scope.unitIds.length ? [eb('s.unit_id', 'in', scope.unitIds)] : []), sql<boolean>`false`]),
    );
  }
  return query;
}

export async function listPatterns(db: Kysely<Database>, context: StaffContext, query: PatternQuery): Promise<PatternList> {
  const scope = scopeOf(context, query.centreId);
  const items: PatternList['items'] = [];
  for (const kind of ['email', 'phone', 'address'] as const) {
    const column = sql.ref(`a.${COLUMN[kind]}`);
    const rows = await scoped(db, scope, query.from, query.to)
      .select([
        sql<string>`${column}`.as('key'),
        sql<string>`max(${kind === 'email' ? sql.ref('a.contact_email') : kind === 'phone' ? sql.ref('a.contact_phone') : column})`.as('label'),
        sql<number>`count(*) FILTER (WHERE a.booked_at IS NOT NULL)::int`.as('bookings'),
        sql<number>`count(*) FILTER (WHERE a.state IN ('held', 'expired'))::int`.as('holds'),
        sql<number>`count(*) FILTER (WHERE a.state = 'cancelled')::int`.as('cancellations'),
        sql<number>`count(*) FILTER (WHERE a.state = 'no_show')::int`.as('no_shows'),
        sql<number>`count(DISTINCT a.centre_id)::int`.as('centres'),
        sql<Date>`min(a.created_at)`.as('first_at'),
        sql<Date>`max(a.created_at)`.as('last_at'),
      ])
      .where(column, 'is not', null)
      .groupBy(column)
      .having((eb) =>
        eb.or([
          eb(sql`count(*) FILTER (WHERE a.booked_at IS NOT NULL)`, '>=', query.minBookings),
          eb(sql`count(*) FILTER (WHERE a.state IN ('held', 'expired'))`, '>=', query.minHolds),
          eb(sql`count(*) FILTER (WHERE a.state = 'cancelled')`, '>=', query.minCancellations),
        ]),
      )
      .orderBy(sql`count(*)`, 'desc')
      .limit(LIMIT)
      .execute();
    for (const row of rows) {
      items.push({
        kind,
        key: row.key,
        label: kind === 'address' ? addressFingerprint(row.key) : row.label ?? row.key,
        bookings: row.bookings,
        holds: row.holds,
        cancellations: row.cancellations,
        noShows: row.no_shows,
        centres: row.centres,
        firstAt: new Date(row.first_at).toISOString(),
        lastAt: new Date(row.last_at).toISOString(),
      });
    }
  }
  items.sort((a, b) => b.bookings + b.holds + b.cancellations - (a.bookings + a.holds + a.cancellations));
  // Contacts are personal data: the list itself is an audited read.
  await recordPersonalDataRead(db, context, { action: 'appointment.patterns', resourceType: 'centre', resourceId: query.centreId ?? null, centreId: query.centreId ?? null, details: { from: query.from, to: query.to, rows: items.length, contacts: items.filter((item) => item.kind !== 'address').length } });
  return { items };
}

/** The bookings and holds behind one row of the list, newest first (audited read). */
export async function patternBookings(db: Kysely<Database>, context: StaffContext, query: PatternBookingsQuery): Promise<PatternBookings> {
  const scope = scopeOf(context, query.centreId);
  const rows = await scoped(db, scope, query.from, query.to)
    .innerJoin('centres as c', 'c.id', 'a.centre_id')
    .selectAll('a')
    .select(['s.unit_id', 's.names as service_names', 'c.name as centre_name', 'c.time_zone'])
    .where(sql.ref(`a.${COLUMN[query.kind]}`), '=', query.key)
    .orderBy('a.created_at', 'desc')
    .limit(500)
    .execute();
  await recordPersonalDataRead(db, context, { action: 'appointment.pattern_bookings', resourceType: 'appointments', centreId: query.centreId ?? null, details: { kind: query.kind, label: query.kind === 'address' ? addressFingerprint(query.key) : query.key, ids: rows.map((row) => row.id) } });
  return {
    items: rows.map((row) => ({
      ...presentStaff(row),
      serviceNames: row.service_names,
      centreName: row.centre_name,
      timeZone: row.time_zone,
      createdAt: row.created_at.toISOString(),
      addressFingerprint: row.client_address_hash ? addressFingerprint(row.client_address_hash) : null,
    })),
  };
}
