import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppointmentSchedulesTable, AppointmentsTable, BookingPoliciesTable, Database, NotificationsTable } from '../../db/types.js';
import { jobRow, mergePendingDuplicate, type NewJob } from '../../jobs/jobs.repo.js';
import type { auditEventValues } from '../audit/audit.service.js';

export type AppointmentRow = Selectable<AppointmentsTable>;
export type PolicyRow = Selectable<BookingPoliciesTable>;
export type ScheduleRow = Selectable<AppointmentSchedulesTable>;
type Db = Kysely<Database> | Transaction<Database>;

// A seat is free again once its hold has expired or its cancellation's release moment has passed.
const SEAT_IS_FREE = sql<boolean>`((s.held_until IS NOT NULL AND s.held_until <= now()) OR (s.released_at IS NOT NULL AND s.released_at <= now()))`;

// ── Settings ─────────────────────────────────────────────────────────────────────────────────────

export function findPolicy(db: Db, serviceId: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('booking_policies').selectAll().where('service_id', '=', serviceId).executeTakeFirst();
}

export function listSchedules(db: Db, serviceId: string): Promise<ScheduleRow[]> {
  return db.selectFrom('appointment_schedules').selectAll().where('service_id', '=', serviceId).orderBy('valid_from').orderBy('starts').execute();
}

export async function replaceSettings(trx: Transaction<Database>, serviceId: string, policy: Omit<Insertable<BookingPoliciesTable>, 'service_id'> | null, schedules: Insertable<AppointmentSchedulesTable>[]): Promise<void> {
  await trx.deleteFrom('appointment_schedules').where('service_id', '=', serviceId).execute();
  if (schedules.length > 0) await trx.insertInto('appointment_schedules').values(schedules).execute();
  if (!policy) {
    await trx.deleteFrom('booking_policies').where('service_id', '=', serviceId).execute();
    return;
  }
  await trx
    .insertInto('booking_policies')
    .values({ service_id: serviceId, ...policy })
    .onConflict((conflict) => conflict.column('service_id').doUpdateSet({ ...policy, updated_at: sql`now()` }))
    .execute();
}

/** Everything that decides a service's slots, read in one statement (see `loadBookingSetup`). */
export interface BookingSetupRow {
  unit_id: string;
  centre_id: string;
  typical_minutes: number;
  time_zone: string;
  /** The service or its centre is archived. */
  archived: boolean;
  policy: PolicyRow | null;
  rules: { weekdays: number[]; starts: string; ends: string; desks: number; validFrom: string; validTo: string | null }[];
  week: { weekday: number; opens: string; closes: string }[];
  exceptions: { date: string; kind: 'holiday' | 'closed' | 'special_hours'; opens: string | null; closes: string | null; label: string }[];
}

/**
 * The service, its centre, booking policy and capacity schedules, the centre's weekly hours and its
 * calendar exceptions from `from` to `to`, in one round trip instead of seven.
 */
export async function findBookingSetup(db: Db, serviceId: string, from: string, to: string): Promise<BookingSetupRow | undefined> {
  const result = await sql<Omit<BookingSetupRow, 'policy'> & { policy: (Omit<PolicyRow, 'updated_at'> & { updated_at: string }) | null }>`
    SELECT u.id AS unit_id, u.centre_id, sv.typical_minutes, c.time_zone, (sv.archived_at IS NOT NULL OR c.archived_at IS NOT NULL) AS archived,
      (SELECT to_jsonb(p) FROM booking_policies p WHERE p.service_id = sv.id) AS policy,
      coalesce((SELECT jsonb_agg(jsonb_build_object('weekdays', r.weekdays, 'starts', left(r.starts::text, 5), 'ends', left(r.ends::text, 5), 'desks', r.desks, 'validFrom', r.valid_from, 'validTo', r.valid_to) ORDER BY r.valid_from, r.starts)
        FROM appointment_schedules r WHERE r.service_id = sv.id), '[]') AS rules,
      coalesce((SELECT jsonb_agg(jsonb_build_object('weekday', h.weekday, 'opens', left(h.opens::text, 5), 'closes', left(h.closes::text, 5)) ORDER BY h.weekday, h.opens)
        FROM centre_opening_hours h WHERE h.centre_id = c.id), '[]') AS week,
      coalesce((SELECT jsonb_agg(jsonb_build_object('date', e.on_date, 'kind', e.kind, 'opens', left(e.opens::text, 5), 'closes', left(e.closes::text, 5), 'label', e.label) ORDER BY e.on_date)
        FROM centre_calendar_exceptions e WHERE e.centre_id = c.id AND e.on_date BETWEEN ${from}::date AND ${to}::date), '[]') AS exceptions
    FROM services sv JOIN units u ON u.id = sv.unit_id JOIN centres c ON c.id = u.centre_id
    WHERE sv.id = ${serviceId}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return { ...row, policy: row.policy && { ...row.policy, updated_at: new Date(row.policy.updated_at) } };
}

// ── Seats ────────────────────────────────────────────────────────────────────────────────────────

/** Seats taken (held, booked, or cancelled but not yet released) from `from` until before `to`. */
export function takenSeats(db: Db, serviceId: string, from: Date, to: Date): Promise<{ starts_at: Date; seat_no: number }[]> {
  return db
    .selectFrom('appointment_seats as s')
    .select(['s.starts_at', 's.seat_no'])
    .where('s.service_id', '=', serviceId)
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to)
    .where(sql<boolean>`NOT ${SEAT_IS_FREE}`)
    .execute();
}

export interface SeatClaim {
  serviceId: string;
  startsAt: Date;
  appointmentId: string;
  /** Seat numbers tried, in order: `first` to `last` by `step` (1 or -1). */
  first: number;
  last: number;
  step: 1 | -1;
  /** How long a hold lasts; null for a booking. */
  holdMinutes: number | null;
}

/**
 * Takes one free seat of a slot in a single statement: the first seat number with no row, or whose
 * row is free again, is inserted; a row that exists is taken over only if it is still free when the
 * statement gets its lock (ON CONFLICT … DO UPDATE … WHERE re-checks the newest version). Two requests
 * racing for one seat therefore cannot both get it; the loser sees no row and looks again.
 */
export async function takeSeat(trx: Transaction<Database>, claim: SeatClaim): Promise<{ seatNo: number; heldUntil: Date | null } | undefined> {
  const attempts = Math.abs(claim.last - claim.first) + 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const result = await sql<{ candidate: number | null; seat_no: number | null; held_until: Date | null }>`
      WITH candidate AS (
        SELECT c.seat_no FROM generate_series(${claim.first}::int, ${claim.last}::int, ${claim.step}::int) WITH ORDINALITY AS c(seat_no, ord)
        WHERE NOT EXISTS (
          SELECT 1 FROM appointment_seats s
          WHERE s.service_id = ${claim.serviceId} AND s.starts_at = ${claim.startsAt} AND s.seat_no = c.seat_no AND NOT ${SEAT_IS_FREE})
        ORDER BY c.ord LIMIT 1),
      taken AS (
        INSERT INTO appointment_seats AS s (service_id, starts_at, seat_no, appointment_id, held_until, released_at)
        SELECT ${claim.serviceId}::uuid, ${claim.startsAt}::timestamptz, candidate.seat_no, ${claim.appointmentId}::uuid,
          now() + make_interval(mins => ${claim.holdMinutes}::int), NULL FROM candidate
        ON CONFLICT (service_id, starts_at, seat_no) DO UPDATE
          SET appointment_id = EXCLUDED.appointment_id, held_until = EXCLUDED.held_until, released_at = NULL
          WHERE ${SEAT_IS_FREE}
        RETURNING s.seat_no, s.held_until)
      SELECT (SELECT seat_no FROM candidate) AS candidate, taken.seat_no, taken.held_until FROM (SELECT 1) AS one LEFT JOIN taken ON true`.execute(trx);
    const row = result.rows[0];
    if (row?.seat_no != null) return { seatNo: row.seat_no, heldUntil: row.held_until };
    // No candidate means the slot is full; a candidate lost to a concurrent request means another seat may still be free.
    if (row?.candidate == null) return undefined;
  }
  return undefined;
}

export interface PublicHold {
  serviceId: string;
  centreId: string;
  startsAt: Date;
  endsAt: Date;
  /** Public seats, tried from 1 up to `last`. */
  last: number;
  holdMinutes: number;
  appointmentId: string;
  reference: string;
  holdKey: string | null;
  clientAddressHash: string | null;
}

export interface PublicHoldOutcome {
  /** The held appointment; undefined when no public seat was free. */
  row: AppointmentRow | undefined;
  /** No public seat of the slot is left free (after this hold, when it got one). */
  full: boolean;
  /**
   * Seconds from the statement until the first seat that was already taken can be free again (a
   * hold running out, a cancelled seat's release); null when every taken seat is booked.
   */
  freeAgainInSeconds: number | null;
}

/**
 * A public hold in one statement: takes the first free seat of 1…last as `takeSeat` does and writes
 * the held appointment with it (the seat's reference to the appointment is checked at commit), and
 * tells how full the slot is, so the process can remember a full slot (appointments.seat-gate.ts).
 */
export async function holdPublicSeat(db: Kysely<Database>, hold: PublicHold): Promise<PublicHoldOutcome> {
  for (let attempt = 0; attempt < hold.last; attempt++) {
    const result = await sql<AppointmentRow & { candidate: number | null; free_seats: number; free_again_in: number | null }>`
      WITH seats AS (
        SELECT c.seat_no, c.ord, (s.seat_no IS NULL OR ${SEAT_IS_FREE}) AS free, coalesce(s.held_until, s.released_at) AS free_at
        FROM generate_series(1, ${hold.last}::int) WITH ORDINALITY AS c(seat_no, ord)
        LEFT JOIN appointment_seats s ON s.service_id = ${hold.serviceId} AND s.starts_at = ${hold.startsAt} AND s.seat_no = c.seat_no),
      candidate AS (SELECT seat_no FROM seats WHERE free ORDER BY ord LIMIT 1),
      taken AS (
        INSERT INTO appointment_seats AS s (service_id, starts_at, seat_no, appointment_id, held_until, released_at)
        SELECT ${hold.serviceId}::uuid, ${hold.startsAt}::timestamptz, candidate.seat_no, ${hold.appointmentId}::uuid,
          now() + make_interval(mins => ${hold.holdMinutes}::int), NULL FROM candidate
        ON CONFLICT (service_id, starts_at, seat_no) DO UPDATE
          SET appointment_id = EXCLUDED.appointment_id, held_until = EXCLUDED.held_until, released_at = NULL
          WHERE ${SEAT_IS_FREE}
        RETURNING s.seat_no, s.held_until),
      held AS (
        INSERT INTO appointments (id, reference, centre_id, service_id, starts_at, ends_at, seat_no, state, channel, hold_expires_at, hold_key, client_address_hash)
        SELECT ${hold.appointmentId}::uuid, ${hold.reference}, ${hold.centreId}::uuid, ${hold.serviceId}::uuid, ${hold.startsAt}::timestamptz, ${hold.endsAt}::timestamptz,
          taken.seat_no, 'held', 'public', taken.held_until, ${hold.holdKey}, ${hold.clientAddressHash} FROM taken
        RETURNING *)
      SELECT held.*, (SELECT seat_no FROM candidate) AS candidate, (SELECT count(*)::int FROM seats WHERE free) AS free_seats,
        (SELECT extract(epoch FROM min(free_at) - now())::float8 FROM seats WHERE NOT free) AS free_again_in
      FROM (SELECT 1) AS one LEFT JOIN held ON true`.execute(db);
    const { candidate, free_seats: freeSeats, free_again_in: freeAgainInSeconds, ...row } = result.rows[0]!;
    if (row.id) return { row: row as AppointmentRow, full: freeSeats <= 1, freeAgainInSeconds };
    // No candidate: the slot is full. A candidate lost to a concurrent request: another seat may still be free.
    if (candidate == null) return { row: undefined, full: true, freeAgainInSeconds };
  }
  return { row: undefined, full: false, freeAgainInSeconds: null };
}

/** Turns the appointment's live hold into a booking; false when the hold has expired or was taken over. */
export async function bookHeldSeat(trx: Transaction<Database>, appointment: AppointmentRow): Promise<boolean> {
  const row = await trx
    .updateTable('appointment_seats')
    .set({ held_until: null })
    .where('service_id', '=', appointment.service_id)
    .where('starts_at', '=', appointment.starts_at)
    .where('seat_no', '=', appointment.seat_no)
    .where('appointment_id', '=', appointment.id)
    .where('held_until', '>', sql<Date>`now()`)
    .returning('seat_no')
    .executeTakeFirst();
  return row !== undefined;
}

/** The appointment's seat returns to the pool after `afterSeconds`. */
export async function releaseSeat(trx: Transaction<Database>, appointment: AppointmentRow, afterSeconds: number): Promise<void> {
  await trx
    .updateTable('appointment_seats')
    .set({ held_until: null, released_at: sql<Date>`now() + make_interval(secs => ${afterSeconds})` })
    .where('service_id', '=', appointment.service_id)
    .where('starts_at', '=', appointment.starts_at)
    .where('seat_no', '=', appointment.seat_no)
    .where('appointment_id', '=', appointment.id)
    .execute();
}

// ── Appointments ─────────────────────────────────────────────────────────────────────────────────

export function insertAppointment(trx: Transaction<Database>, values: Insertable<AppointmentsTable>): Promise<AppointmentRow> {
  return trx.insertInto('appointments').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findAppointment(db: Db, id: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The appointment row, locked until the transaction ends. */
export function lockAppointment(trx: Transaction<Database>, id: string): Promise<AppointmentRow | undefined> {
  return trx.selectFrom('appointments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findByReference(db: Db, reference: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function findByKey(db: Db, column: 'hold_key' | 'confirm_key', key: string): Promise<AppointmentRow | undefined> {
  return db.selectFrom('appointments').selectAll().where(column, '=', key).executeTakeFirst();
}

export function updateAppointment(trx: Transaction<Database>, id: string, values: Partial<Insertable<AppointmentsTable>>, onlyInState?: AppointmentRow['state']): Promise<AppointmentRow | undefined> {
  let query = trx.updateTable('appointments').set({ ...values, updated_at: sql`now()` }).where('id', '=', id);
  if (onlyInState) query = query.where('state', '=', onlyInState);
  return query.returningAll().executeTakeFirst();
}

/** The advisory lock keys of one contact for one service, in a fixed order so two requests never wait on each other crosswise. */
function contactLockKeys(serviceId: string, keys: { email: string | null; phone: string | null }): string[] {
  return [keys.email && `e:${keys.email}`, keys.phone && `p:${keys.phone}`]
    .filter((key): key is string => Boolean(key))
    .sort()
    .map((key) => `appointments:${serviceId}:${key}`);
}

function countActiveOfContact(trx: Transaction<Database>, serviceId: string, keys: { email: string | null; phone: string | null }) {
  return trx
    .selectFrom('appointments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('service_id', '=', serviceId)
    .where('state', '=', 'booked')
    .where('starts_at', '>', sql<Date>`now()`)
    .where((eb) => eb.or([...(keys.email ? [eb('email_key', '=', keys.email)] : []), ...(keys.phone ? [eb('phone_key', '=', keys.phone)] : [])]));
}

/**
 * Serialises bookings of one contact for one service (both keys, in a fixed order so two requests
 * never wait on each other crosswise), then counts their booked appointments still to come.
 */
export async function lockAndCountActive(trx: Transaction<Database>, serviceId: string, keys: { email: string | null; phone: string | null }): Promise<number> {
  for (const key of contactLockKeys(serviceId, keys)) await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  const row = await countActiveOfContact(trx, serviceId, keys).executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The first statement of a public confirm: locks the appointment row; if it is still a hold that owns
 * its seat and has not run out, books the seat (as `bookHeldSeat`); then takes the contact's locks
 * (as `lockAndCountActive`), in that order — the row lock first, so two confirms of one hold queue
 * on it before anything else. Undefined when there is no such appointment.
 */
export async function lockHoldAndBookSeat(trx: Transaction<Database>, id: string, serviceId: string, keys: { email: string | null; phone: string | null }): Promise<{ row: AppointmentRow; seatBooked: boolean } | undefined> {
  const result = await sql<AppointmentRow & { seat_booked: boolean; contact_locks: number }>`
    WITH a AS (SELECT * FROM appointments WHERE id = ${id} FOR UPDATE),
    seat AS (
      UPDATE appointment_seats s SET held_until = NULL FROM a
      WHERE a.state = 'held' AND s.service_id = a.service_id AND s.starts_at = a.starts_at AND s.seat_no = a.seat_no
        AND s.appointment_id = a.id AND s.held_until > now()
      RETURNING s.seat_no)
    SELECT a.*, EXISTS (SELECT 1 FROM seat) AS seat_booked,
      (SELECT count(pg_advisory_xact_lock(hashtext(k.key))) FROM (SELECT key FROM unnest(${contactLockKeys(serviceId, keys)}::text[]) WITH ORDINALITY AS u(key, ord) ORDER BY ord) AS k)::int AS contact_locks
    FROM a`.execute(trx);
  const found = result.rows[0];
  if (!found) return undefined;
  const { seat_booked: seatBooked, contact_locks: _locks, ...row } = found;
  return { row: row as AppointmentRow, seatBooked };
}

/** Rows a confirm writes with its booking: the messages, their delivery jobs and the reminder, the audit event. */
export interface ConfirmationRecords {
  notifications: Insertable<NotificationsTable>[];
  jobs: NewJob[];
  audit: ReturnType<typeof auditEventValues>;
}

/**
 * Books the locked hold with the contact's details, and writes the confirmation's records in the same
 * statement, unless the contact already has `limit` booked appointments to come — counted in this
 * statement, after `lockHoldAndBookSeat` took the contact's locks. Undefined when the limit is
 * reached: the caller then rolls back, records and all.
 */
export async function bookHoldUnderLimit(trx: Transaction<Database>, id: string, serviceId: string, keys: { email: string | null; phone: string | null }, limit: number, values: Partial<Insertable<AppointmentsTable>>, records: ConfirmationRecords): Promise<AppointmentRow | undefined> {
  const book = (db: Transaction<Database>) =>
    db
      .updateTable('appointments')
      .set({ ...values, state: 'booked', updated_at: sql`now()` })
      .where('id', '=', id)
      .where('state', '=', 'held')
      .where(countActiveOfContact(trx, serviceId, keys), '<', limit)
      .returningAll()
      .executeTakeFirst();
  if (records.notifications.length === 0 || records.jobs.length === 0) {
    // Only when the centre or service has gone (no messages) and the reminder's moment has passed.
    const booked = await book(trx);
    if (records.notifications.length > 0) await trx.insertInto('notifications').values(records.notifications).execute();
    if (records.jobs.length > 0) await trx.insertInto('jobs').values(records.jobs.map(jobRow)).onConflict(mergePendingDuplicate).execute();
    await trx.insertInto('audit_events').values(records.audit).execute();
    return booked;
  }
  return trx
    .with('messages', (q) => q.insertInto('notifications').values(records.notifications))
    .with('work', (q) => q.insertInto('jobs').values(records.jobs.map(jobRow)).onConflict(mergePendingDuplicate))
    .with('audit', (q) => q.insertInto('audit_events').values(records.audit))
    .updateTable('appointments')
    .set({ ...values, state: 'booked', updated_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'held')
    .where(countActiveOfContact(trx, serviceId, keys), '<', limit)
    .returningAll()
    .executeTakeFirst();
}

/** A centre's appointments starting in [from, to), optionally only of some units' services. */
export function listAppointmentsBetween(db: Db, centreId: string, from: Date, to: Date, unitIds: string[] | null): Promise<AppointmentRow[]> {
  let query = db
    .selectFrom('appointments')
    .selectAll('appointments')
    .where('appointments.centre_id', '=', centreId)
    .where('appointments.starts_at', '>=', from)
    .where('appointments.starts_at', '<', to)
    .where('appointments.state', 'not in', ['held', 'expired']);
  if (unitIds) {
    if (unitIds.length === 0) return Promise.resolve([]);
    query = query.where('appointments.service_id', 'in', (eb) => eb.selectFrom('services').select('services.id').where('services.unit_id', 'in', unitIds));
  }
  return query.orderBy('appointments.starts_at').orderBy('appointments.reference').execute();
}

// ── Check-in ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Booked appointments whose check-in closed before `now` (start + the service's late grace, or
 * `defaultGraceMinutes` without a policy row) become no-shows, in one statement: a check-in racing
 * with the sweep holds the row lock, and the sweep's `state = 'booked'` re-check then skips it.
 */
export async function markMissedAsNoShow(trx: Transaction<Database>, now: Date, defaultGraceMinutes: number): Promise<{ id: string; centre_id: string; service_id: string }[]> {
  const result = await sql<{ id: string; centre_id: string; service_id: string }>`
    UPDATE appointments AS a SET state = 'no_show', no_show_at = ${now}, updated_at = now()
    WHERE a.state = 'booked' AND a.starts_at < ${now}
      AND a.starts_at + make_interval(mins => coalesce((SELECT p.late_grace_minutes FROM booking_policies p WHERE p.service_id = a.service_id), ${defaultGraceMinutes}::int)) < ${now}
    RETURNING a.id, a.centre_id, a.service_id`.execute(trx);
  return result.rows;
}
