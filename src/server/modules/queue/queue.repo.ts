import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { preparedStatement, runPrepared } from '../../db/prepared.js';
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

/** Who calls, from where: the values call-next writes into its audit event. */
export interface CallNextInput {
  counterId: string;
  staffId: string;
  actorName: string;
  ip: string | null;
  requestId: string | null;
  now: Date;
  /** The id the audit event gets if a ticket is called. */
  auditId: string;
}

/**
 * What call-next found and did: the counter (null when there is none), its live session as locked,
 * the number of the ticket the counter still holds (when it holds one, nothing is called), the
 * ticket just called, if any, and whether someone at the counter's centre left a contact today (then
 * "you are next" messages may be due).
 */
export interface CallNextOutcome {
  counter: { label: string; unitId: string; centreId: string } | null;
  session: { staffId: string; state: 'open' | 'paused' } | null;
  activeNumber: string | null;
  ticket: TicketRow | null;
  contactsToday: boolean;
}

/** $1 counter, $2 staff member, $3 now, $4 audit id, $5 actor's name, $6 ip, $7 request id. */
const param = (n: number, type: string) => sql.raw(`$${n}::${type}`);
const COUNTER = param(1, 'uuid');
const STAFF = param(2, 'uuid');
const NOW = param(3, 'timestamptz');

/**
 * The heart of the engine, as one statement (a prepared one on PostgreSQL), in the caller's
 * transaction:
 *
 * - the counter with its unit's centre, and the centre's local day at `now`;
 * - the counter's live session, locked (`FOR UPDATE`) before any ticket is touched: every action at
 *   one counter passes through this lock, so two clicks at one counter are handled one after the other;
 * - the ticket the counter still holds, if any;
 * - the claim, only when the session is the caller's and open and the counter holds nothing: the
 *   first waiting ticket of the day, among the counter's live services, in call order
 *   (`virtualArrivalSql`), taken with `FOR UPDATE OF t SKIP LOCKED` — rows another counter is taking
 *   right now are skipped, not waited for, and a row that another transaction changed meanwhile no
 *   longer matches `state = 'waiting'` when re-checked under its lock — and made 'called';
 * - for the called ticket, its ticket event, audit event and realtime event (data-modifying CTEs).
 *
 * One statement sees one snapshot, taken before it waited for the session lock: a change committed
 * by whoever held the lock (a ticket ended, or called by a double click) may be missing from the
 * active-ticket check. The caller handles both cases (`callNext`); the partial unique index on
 * (counter_id) for called/serving tickets refuses a second active ticket whatever happens.
 */
const CALL_NEXT = preparedStatement<CallNextRow>(
  'queue.call_next',
  sql`
    WITH counter AS (
      SELECT c.label, c.unit_id, u.centre_id, (${NOW} AT TIME ZONE ce.time_zone)::date AS local_day
      FROM counters c JOIN units u ON u.id = c.unit_id JOIN centres ce ON ce.id = u.centre_id
      WHERE c.id = ${COUNTER}
    ), contacts AS (
      SELECT EXISTS (
        SELECT 1 FROM ticket_alerts a JOIN counter ON a.centre_id = counter.centre_id AND a.local_day = counter.local_day
      ) AS today
    ), session AS (
      SELECT staff_id, state FROM counter_sessions WHERE counter_id = ${COUNTER} AND state <> 'closed' FOR UPDATE
    ), active AS (
      SELECT number FROM tickets WHERE counter_id = ${COUNTER} AND state IN ('called', 'serving') LIMIT 1
    ), candidate AS (
      SELECT t.id FROM tickets t
      LEFT JOIN queue_policies p ON p.unit_id = t.unit_id
      WHERE EXISTS (SELECT 1 FROM session WHERE session.staff_id = ${STAFF} AND session.state = 'open')
        AND NOT EXISTS (SELECT 1 FROM active)
        -- The waiting tickets come from the index on waiting tickets by service. "+ 0" keeps the day
        -- out of index conditions: planned once for any day, the day's index on open tickets looked
        -- cheaper, and it holds every version of the day's tickets, called and ended ones too (5 to
        -- 10 times slower after a busy hour, until vacuum).
        AND t.state = 'waiting' AND t.local_day + 0 = (SELECT local_day FROM counter)
        -- An array computed once, not a semi-join probed for every waiting ticket.
        AND t.service_id = ANY (ARRAY(
          SELECT cs.service_id FROM counter_services cs JOIN services s ON s.id = cs.service_id
          WHERE cs.counter_id = ${COUNTER} AND s.archived_at IS NULL))
      ORDER BY ${virtualArrivalSql(NOW)}, t.id
      LIMIT 1
      FOR UPDATE OF t SKIP LOCKED
    ), called AS (
      UPDATE tickets SET state = 'called', counter_id = ${COUNTER}, called_at = ${NOW},
        first_called_at = coalesce(tickets.first_called_at, ${NOW}), call_count = tickets.call_count + 1
      -- By primary key: a join with the candidate may be planned as a scan of every waiting ticket.
      WHERE tickets.id = (SELECT id FROM candidate) AND tickets.state = 'waiting'
      RETURNING tickets.*
    ), shown AS (
      SELECT called.*, s.names AS service_names, (SELECT label FROM counter) AS counter_label
      FROM called JOIN services s ON s.id = called.service_id
    ), ticket_event AS (
      INSERT INTO ticket_events (ticket_id, kind, at, counter_id, staff_id, details)
      SELECT id, 'called', ${NOW}, ${COUNTER}, ${STAFF}, '{}'::jsonb FROM shown
    ), audit_event AS (
      INSERT INTO audit_events (id, actor_id, actor_name, action, resource_type, resource_id, centre_id, unit_id, ip, request_id, details)
      SELECT ${param(4, 'uuid')}, ${STAFF}, ${param(5, 'text')}, 'queue.ticket.called', 'ticket', id::text, centre_id, unit_id,
        ${param(6, 'text')}, ${param(7, 'text')},
        jsonb_build_object('number', number, 'state', state, 'counterId', counter_id, 'outcome', NULL)
      FROM shown
    ), realtime_event AS (
      INSERT INTO realtime_events (type, centre_id, unit_id, payload)
      SELECT 'queue.ticket_called', centre_id, unit_id, jsonb_build_object(
        'ticketId', id, 'visitId', visit_id, 'number', number, 'serviceId', service_id, 'serviceNames', service_names,
        'state', state, 'counterId', counter_id, 'counterLabel', counter_label, 'callCount', call_count)
      FROM shown
    )
    SELECT counter.label AS counter_label_, counter.unit_id AS counter_unit_id, counter.centre_id AS counter_centre_id,
      session.staff_id AS session_staff_id, session.state AS session_state, (SELECT number FROM active) AS active_number,
      (SELECT today FROM contacts) AS contacts_today,
      shown.*
    FROM (SELECT 1) AS one
    LEFT JOIN counter ON true
    LEFT JOIN session ON true
    LEFT JOIN shown ON true`,
);

type CallNextRow = { [K in keyof TicketRow]: TicketRow[K] | null } & {
  counter_label_: string | null;
  counter_unit_id: string | null;
  counter_centre_id: string | null;
  session_staff_id: string | null;
  session_state: 'open' | 'paused' | null;
  active_number: string | null;
  contacts_today: boolean;
};

export async function callNextAtCounter(db: Kysely<Database>, input: CallNextInput): Promise<CallNextOutcome> {
  const [row] = await runPrepared(db, CALL_NEXT, [
    input.counterId,
    input.staffId,
    input.now,
    input.auditId,
    input.actorName,
    input.ip,
    input.requestId,
  ]);
  const { counter_label_, counter_unit_id, counter_centre_id, session_staff_id, session_state, active_number, contacts_today, ...ticket } = row!;
  return {
    counter: counter_label_ !== null && counter_unit_id && counter_centre_id ? { label: counter_label_, unitId: counter_unit_id, centreId: counter_centre_id } : null,
    session: session_staff_id && session_state ? { staffId: session_staff_id, state: session_state } : null,
    activeNumber: active_number,
    ticket: ticket.id === null ? null : (ticket as TicketRow),
    contactsToday: contacts_today,
  };
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
