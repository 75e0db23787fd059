import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { CounterSessionsTable, Database, LocalisedText, TicketState, TicketsTable, VisitsTable } from '../../db/types.js';
import { DEFAULT_QUEUE_POLICY, virtualArrivalSql, type QueuePolicy } from './queue.ordering.js';

export type Visit = Selectable<VisitsTable>;
/** A ticket with what screens and lists show next to it (read-only joins on the network's tables). */
export type TicketRow = Selectable<TicketsTable> & { service_names: LocalisedText; counter_label: string | null };
export type CounterSession = Selectable<CounterSessionsTable>;

function selectTickets(db: Kysely<Database>) {
  return db
    .selectFrom('tickets')
    .innerJoin('services', 'services.id', 'tickets.service_id')
    .leftJoin('counters', 'counters.id', 'tickets.counter_id')
    .selectAll('tickets')
    .select(['services.names as service_names', 'counters.label as counter_label']);
}

// ── Visits and tickets ───────────────────────────────────────────────────────────────────────────

export async function insertVisit(db: Kysely<Database>, visit: Insertable<VisitsTable>): Promise<Visit> {
  return db.insertInto('visits').values(visit).returningAll().executeTakeFirstOrThrow();
}

export async function findVisit(db: Kysely<Database>, id: string): Promise<Visit | undefined> {
  return db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVisitByCode(db: Kysely<Database>, code: string): Promise<Visit | undefined> {
  return db.selectFrom('visits').selectAll().where('public_code', '=', code).executeTakeFirst();
}

/** The next number of a service on a local day; the upsert's row lock serialises concurrent issues. */
export async function nextTicketNumber(db: Kysely<Database>, serviceId: string, localDay: string): Promise<number> {
  const row = await db
    .insertInto('ticket_sequences')
    .values({ service_id: serviceId, local_day: localDay, last_number: 1 })
    .onConflict((conflict) => conflict.columns(['service_id', 'local_day']).doUpdateSet({ last_number: sql`ticket_sequences.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** A service's kiosk quota per local day (migration 0008); null: no limit. */
export async function dailyQuotaOf(db: Kysely<Database>, serviceId: string): Promise<number | null> {
  const row = await db.selectFrom('services').select('daily_quota').where('id', '=', serviceId).executeTakeFirst();
  return row?.daily_quota ?? null;
}

export async function insertTicket(db: Kysely<Database>, ticket: Insertable<TicketsTable>): Promise<void> {
  await db.insertInto('tickets').values(ticket).execute();
}

export async function findTicket(db: Kysely<Database>, id: string): Promise<TicketRow | undefined> {
  return selectTickets(db).where('tickets.id', '=', id).executeTakeFirst();
}

/** Tickets of several visits (lists), in visit order. */
export async function selectTicketsOfVisits(db: Kysely<Database>, visitIds: readonly string[]): Promise<TicketRow[]> {
  if (visitIds.length === 0) return [];
  return selectTickets(db).where('tickets.visit_id', 'in', [...visitIds]).orderBy('tickets.visit_order').orderBy('tickets.issued_at').execute();
}

/** Parked tickets of a day for some services, oldest first: a counter may call them back. */
export async function parkedTickets(db: Kysely<Database>, serviceIds: readonly string[], localDay: string): Promise<TicketRow[]> {
  if (serviceIds.length === 0) return [];
  return selectTickets(db).where('tickets.service_id', 'in', [...serviceIds]).where('tickets.local_day', '=', localDay).where('tickets.state', '=', 'parked').orderBy('tickets.called_at').execute();
}

export async function ticketsOfVisit(db: Kysely<Database>, visitId: string): Promise<TicketRow[]> {
  return selectTickets(db).where('tickets.visit_id', '=', visitId).orderBy('tickets.visit_order').orderBy('tickets.issued_at').execute();
}

/**
 * Changes a ticket only if it is still in one of the expected states: two requests racing on one
 * ticket cannot both succeed (the loser gets undefined). The row lock is held until commit.
 */
export async function updateTicketIfState(db: Kysely<Database>, id: string, states: readonly TicketState[], changes: Updateable<TicketsTable>): Promise<boolean> {
  const result = await db.updateTable('tickets').set(changes).where('id', '=', id).where('state', 'in', [...states]).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The next pending ticket of a visit after `visitOrder`, if any. */
export async function nextPendingOfVisit(db: Kysely<Database>, visitId: string, visitOrder: number): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('tickets')
    .select('id')
    .where('visit_id', '=', visitId)
    .where('state', '=', 'pending')
    .where('visit_order', '>', visitOrder)
    .orderBy('visit_order')
    .limit(1)
    .executeTakeFirst();
}

export async function pendingOfVisit(db: Kysely<Database>, visitId: string): Promise<{ id: string }[]> {
  return db.selectFrom('tickets').select('id').where('visit_id', '=', visitId).where('state', '=', 'pending').execute();
}

export async function activeTicketOfCounter(db: Kysely<Database>, counterId: string): Promise<TicketRow | undefined> {
  return selectTickets(db).where('tickets.counter_id', '=', counterId).where('tickets.state', 'in', ['called', 'serving']).executeTakeFirst();
}

/** What call-next needs about a counter, read in one statement with its live session locked. */
export interface CounterAtWork {
  id: string;
  label: string;
  unitId: string;
  centreId: string;
  timeZone: string;
  /** Live services it serves (archived ones are not called to it). */
  serviceIds: string[];
  session: { id: string; staffId: string; state: 'open' | 'paused' } | null;
}

/**
 * The counter with its unit's centre, the centre's time zone, its live services and its live
 * session, the session row locked for the rest of the transaction (the lateral sub-select takes
 * the lock, so a counter without a session is still found). One round trip instead of four.
 */
export async function lockCounterAtWork(db: Kysely<Database>, counterId: string): Promise<CounterAtWork | undefined> {
  const result = await sql<{ id: string; label: string; unit_id: string; centre_id: string; time_zone: string; service_ids: string[] | null; session_id: string | null; session_staff_id: string | null; session_state: 'open' | 'paused' | null }>`
    SELECT c.id, c.label, c.unit_id, u.centre_id, ce.time_zone,
      ARRAY(SELECT cs.service_id FROM counter_services cs JOIN services s ON s.id = cs.service_id
        WHERE cs.counter_id = c.id AND s.archived_at IS NULL ORDER BY s.ticket_prefix) AS service_ids,
      se.id AS session_id, se.staff_id AS session_staff_id, se.state AS session_state
    FROM counters c
    JOIN units u ON u.id = c.unit_id
    JOIN centres ce ON ce.id = u.centre_id
    LEFT JOIN LATERAL (
      SELECT id, staff_id, state FROM counter_sessions WHERE counter_id = c.id AND state <> 'closed' FOR UPDATE
    ) se ON true
    WHERE c.id = ${counterId}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    label: row.label,
    unitId: row.unit_id,
    centreId: row.centre_id,
    timeZone: row.time_zone,
    serviceIds: row.service_ids ?? [],
    session: row.session_id && row.session_staff_id && row.session_state ? { id: row.session_id, staffId: row.session_staff_id, state: row.session_state } : null,
  };
}

/** Either the ticket just called, or the number of the ticket the counter still holds (nothing called). */
export type CallNextOutcome = { ticket: TicketRow; activeNumber: null } | { ticket: null; activeNumber: string | null };

/**
 * The heart of the engine: in the caller's transaction, picks the first waiting ticket in call
 * order among the counter's services and makes it 'called' at this counter, returning the ticket as
 * it now is. Rows another counter is taking right now are skipped (SKIP LOCKED), not waited for; a
 * row that another transaction already changed no longer matches `state = 'waiting'` when re-checked
 * under its lock. A counter still holding a ticket calls nothing (the same statement checks it, after
 * the caller took the session lock, so it sees the latest commit); the partial unique index on
 * (counter_id) for called/serving tickets refuses a second active ticket whatever happens.
 */
export async function callNextWaiting(db: Kysely<Database>, args: { counterId: string; counterLabel: string; serviceIds: readonly string[]; localDay: string; now: Date }): Promise<CallNextOutcome> {
  if (args.serviceIds.length === 0) {
    const active = await db.selectFrom('tickets').select('number').where('counter_id', '=', args.counterId).where('state', 'in', ['called', 'serving']).executeTakeFirst();
    return { ticket: null, activeNumber: active?.number ?? null };
  }
  const result = await sql<Selectable<TicketsTable> & { service_names: LocalisedText | null; active_number: string | null }>`
    WITH active AS (
      SELECT number FROM tickets WHERE counter_id = ${args.counterId} AND state IN ('called', 'serving') LIMIT 1
    ), candidate AS (
      SELECT t.id FROM tickets t
      LEFT JOIN queue_policies p ON p.unit_id = t.unit_id
      WHERE NOT EXISTS (SELECT 1 FROM active) AND t.state = 'waiting' AND t.local_day = ${args.localDay}::date
        AND t.service_id IN (${sql.join(args.serviceIds.map((id) => sql`${id}::uuid`))})
      ORDER BY ${virtualArrivalSql(args.now)}, t.id
      LIMIT 1
      FOR UPDATE OF t SKIP LOCKED
    ), called AS (
      UPDATE tickets SET state = 'called', counter_id = ${args.counterId}, called_at = ${args.now},
        first_called_at = coalesce(tickets.first_called_at, ${args.now}), call_count = tickets.call_count + 1
      FROM candidate WHERE tickets.id = candidate.id AND tickets.state = 'waiting'
      RETURNING tickets.*
    )
    SELECT called.*, s.names AS service_names, (SELECT number FROM active) AS active_number
    FROM (SELECT 1) AS one
    LEFT JOIN called ON true
    LEFT JOIN services s ON s.id = called.service_id`.execute(db);
  const row = result.rows[0]!;
  if (!row.id) return { ticket: null, activeNumber: row.active_number };
  const { active_number: _active, service_names, ...ticket } = row;
  return { ticket: { ...ticket, service_names: service_names!, counter_label: args.counterLabel }, activeNumber: null };
}

/** Waiting tickets of a centre's day with what ordering needs, for lists and estimates. */
export async function waitingTicketsOfCentre(db: Kysely<Database>, centreId: string, localDay: string): Promise<TicketRow[]> {
  return selectTickets(db).where('tickets.centre_id', '=', centreId).where('tickets.local_day', '=', localDay).where('tickets.state', '=', 'waiting').execute();
}

// ── Ordering policy ──────────────────────────────────────────────────────────────────────────────

export async function findPolicies(db: Kysely<Database>, unitIds: readonly string[]): Promise<Map<string, QueuePolicy>> {
  const policies = new Map<string, QueuePolicy>();
  if (unitIds.length === 0) return policies;
  const rows = await db.selectFrom('queue_policies').selectAll().where('unit_id', 'in', [...unitIds]).execute();
  for (const row of rows) {
    policies.set(row.unit_id, {
      priorityHeadStartMinutes: row.priority_head_start_minutes,
      emergencyHeadStartMinutes: row.emergency_head_start_minutes,
      appointmentHeadStartMinutes: row.appointment_head_start_minutes,
      appointmentEarlyMinutes: row.appointment_early_minutes,
      appointmentLateGraceMinutes: row.appointment_late_grace_minutes,
      noShowAfterCalls: row.no_show_after_calls,
      notifyWhenAhead: row.notify_when_ahead,
    });
  }
  return policies;
}

export async function policyOf(db: Kysely<Database>, unitId: string): Promise<QueuePolicy> {
  return (await findPolicies(db, [unitId])).get(unitId) ?? DEFAULT_QUEUE_POLICY;
}

/** Saves a unit's policy; a setting left out keeps its current value (or the default). */
export async function savePolicy(
  db: Kysely<Database>,
  unitId: string,
  policy: Omit<QueuePolicy, 'notifyWhenAhead' | 'appointmentLateGraceMinutes'> & { notifyWhenAhead?: number | undefined; appointmentLateGraceMinutes?: number | undefined },
  staffId: string,
): Promise<void> {
  const values = {
    ...(policy.notifyWhenAhead === undefined ? {} : { notify_when_ahead: policy.notifyWhenAhead }),
    ...(policy.appointmentLateGraceMinutes === undefined ? {} : { appointment_late_grace_minutes: policy.appointmentLateGraceMinutes }),
    priority_head_start_minutes: policy.priorityHeadStartMinutes,
    emergency_head_start_minutes: policy.emergencyHeadStartMinutes,
    appointment_head_start_minutes: policy.appointmentHeadStartMinutes,
    appointment_early_minutes: policy.appointmentEarlyMinutes,
    no_show_after_calls: policy.noShowAfterCalls,
    updated_by: staffId,
    updated_at: new Date(),
  };
  await db
    .insertInto('queue_policies')
    .values({ unit_id: unitId, ...values })
    .onConflict((conflict) => conflict.column('unit_id').doUpdateSet(values))
    .execute();
}

// ── Counter sessions ─────────────────────────────────────────────────────────────────────────────

/** The counter's session that is not closed, locked for the rest of the transaction. */
export async function lockLiveSession(db: Kysely<Database>, counterId: string): Promise<CounterSession | undefined> {
  return db.selectFrom('counter_sessions').selectAll().where('counter_id', '=', counterId).where('state', '!=', 'closed').forUpdate().executeTakeFirst();
}

export async function findLiveSession(db: Kysely<Database>, counterId: string): Promise<CounterSession | undefined> {
  return db.selectFrom('counter_sessions').selectAll().where('counter_id', '=', counterId).where('state', '!=', 'closed').executeTakeFirst();
}

export async function liveSessionOfStaff(db: Kysely<Database>, staffId: string): Promise<CounterSession | undefined> {
  return db.selectFrom('counter_sessions').selectAll().where('staff_id', '=', staffId).where('state', '!=', 'closed').executeTakeFirst();
}

export async function insertSession(db: Kysely<Database>, session: Insertable<CounterSessionsTable>): Promise<CounterSession> {
  return db.insertInto('counter_sessions').values(session).returningAll().executeTakeFirstOrThrow();
}

export async function updateSession(db: Kysely<Database>, id: string, changes: Updateable<CounterSessionsTable>): Promise<CounterSession> {
  return db.updateTable('counter_sessions').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
