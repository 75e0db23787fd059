import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppointmentSchedulesTable, AppointmentsTable, BookingPoliciesTable, Database } from '../../db/types.js';
import { uuidv7 } from 'uuidv7';
import type { NewJob } from '../../jobs/jobs.repo.js';

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
 * A public hold in one statement (`appointments_hold_public_seat`, migration 0034): takes the first
 * free seat of 1…last as `takeSeat` does and writes the held appointment with it, and tells how full
 * the slot is, so the process can remember a full slot (appointments.seat-gate.ts).
 */
export async function holdPublicSeat(db: Kysely<Database>, hold: PublicHold): Promise<PublicHoldOutcome> {
  for (let attempt = 0; attempt < hold.last; attempt++) {
    const result = await sql<{ appointment: AppointmentJson | null; candidate: number | null; free_seats: number; free_again_in: number | null }>`
      SELECT * FROM appointments_hold_public_seat(${hold.serviceId}, ${hold.startsAt}, ${hold.endsAt}, ${hold.last}, ${hold.holdMinutes},
        ${hold.appointmentId}, ${hold.reference}, ${hold.centreId}, ${hold.holdKey}, ${hold.clientAddressHash})`.execute(db);
    const { appointment, candidate, free_seats: freeSeats, free_again_in: freeAgainInSeconds } = result.rows[0]!;
    if (appointment) return { row: appointmentFromJson(appointment), full: freeSeats <= 1, freeAgainInSeconds };
    // No candidate: the slot is full. A candidate lost to a concurrent request: another seat may still be free.
    if (candidate == null) return { row: undefined, full: true, freeAgainInSeconds };
  }
  return { row: undefined, full: false, freeAgainInSeconds: null };
}

/** What a public confirm writes besides the booking's own columns: the messages, their jobs and the reminder, the audit event. */
export interface ConfirmationRecords {
  notifications: object[];
  jobs: NewJob[];
  audit: object;
}

export type PublicBookingOutcome = { kind: 'booked'; row: AppointmentRow } | { kind: 'not_held'; row: AppointmentRow } | { kind: 'expired' } | { kind: 'missing' } | { kind: 'limit' };

/**
 * A public confirm in one statement (`appointments_book_public_hold`, migration 0034): lock the hold,
 * book its seat, take the contact's locks (as `lockAndCountActive`), count the contact's bookings
 * and, under `limit`, book it with its records; over the limit nothing is written.
 */
export async function bookPublicHold(db: Kysely<Database>, id: string, serviceId: string, keys: { email: string | null; phone: string | null }, limit: number, booking: Partial<Insertable<AppointmentsTable>>, records: ConfirmationRecords): Promise<PublicBookingOutcome> {
  const jobs = records.jobs.map((job) => ({ id: uuidv7(), kind: job.kind, payload: job.payload ?? {}, run_at: job.runAt.toISOString(), dedupe_key: job.dedupeKey ?? null, max_attempts: job.maxAttempts ?? null }));
  try {
    const result = await sql<{ outcome: 'booked' | 'not_held' | 'expired'; appointment: AppointmentJson | null }>`
      SELECT * FROM appointments_book_public_hold(${id}, ${contactLockKeys(serviceId, keys)}::text[], ${keys.email}, ${keys.phone}, ${limit},
        ${JSON.stringify(booking)}::jsonb, ${JSON.stringify(records.notifications)}::jsonb, ${JSON.stringify(jobs)}::jsonb, ${JSON.stringify(records.audit)}::jsonb)`.execute(db);
    const row = result.rows[0];
    if (!row) return { kind: 'missing' };
    if (row.outcome === 'expired') return { kind: 'expired' };
    return { kind: row.outcome, row: appointmentFromJson(row.appointment!) };
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === CONTACT_LIMIT_SQLSTATE) return { kind: 'limit' };
    throw error;
  }
}

/** Raised by `appointments_book_public_hold` when the contact is at the limit. */
const CONTACT_LIMIT_SQLSTATE = 'OR001';

/** An appointments row as `to_jsonb` gives it: instants as ISO text. */
type AppointmentJson = Record<keyof AppointmentRow, unknown>;

const APPOINTMENT_INSTANTS = ['starts_at', 'ends_at', 'hold_expires_at', 'booked_at', 'cancelled_at', 'checked_in_at', 'no_show_at', 'created_at', 'updated_at'] as const;

function appointmentFromJson(json: AppointmentJson): AppointmentRow {
  const row: Record<string, unknown> = { ...json };
  for (const column of APPOINTMENT_INSTANTS) if (typeof row[column] === 'string') row[column] = new Date(row[column]);
  return row as AppointmentRow;
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
