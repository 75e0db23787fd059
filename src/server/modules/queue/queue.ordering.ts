import { sql, type RawBuilder } from 'kysely';
import type { PriorityClass, PriorityReason } from '../../db/types.js';

/**
 * The ordering policy of a unit's queues (docs/queue.md). Every waiting ticket gets a *virtual
 * arrival time*: when it entered the queue, moved earlier by the largest head start it qualifies
 * for. Tickets are called in order of virtual arrival (then id). Because head starts are bounded, a
 * ticket can only be overtaken by tickets that arrived at most the largest head start after it:
 * nobody starves, and the bound is the ageing guarantee.
 *
 * The same rule exists twice: `virtualArrival` here (estimates, tests) and `virtualArrivalSql`
 * (call-next). A property test checks that the two agree.
 */
export interface QueuePolicy {
  priorityHeadStartMinutes: number;
  emergencyHeadStartMinutes: number;
  /** Applies to a checked-in appointment from `appointmentEarlyMinutes` before its due time. */
  appointmentHeadStartMinutes: number;
  appointmentEarlyMinutes: number;
  /**
   * A person checked in more than this many minutes after the appointment's time has missed it: the
   * ticket queues as a walk-in's (with its priority class) and takes no appointment's head start.
   */
  appointmentLateGraceMinutes: number;
  noShowAfterCalls: number;
  /** "You are next" goes out when at most this many tickets are ahead (docs/queue.md). */
  notifyWhenAhead: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = {
  priorityHeadStartMinutes: 20,
  // Never less than an appointment's, so an emergency is not overtaken by an appointment falling due.
  emergencyHeadStartMinutes: 150,
  // Long enough to pass the line of a unit whose counters are half away at lunch (queue-day-simulation:
  // with 45, a third of appointments started more than 10 minutes late on a busy day). Docs: docs/queue.md.
  appointmentHeadStartMinutes: 150,
  // Called at most 5 minutes early: an appointment taken 10 minutes early took a walk-in's turn for nothing.
  appointmentEarlyMinutes: 5,
  appointmentLateGraceMinutes: 5,
  noShowAfterCalls: 3,
  notifyWhenAhead: 2,
};

const MINUTE_MS = 60_000;

export interface OrderableTicket {
  id: string;
  queuedAt: Date;
  priorityClass: PriorityClass;
  appointmentDueAt: Date | null;
}

/** Emergencies first class; any other reason makes a priority ticket. */
export function priorityClassOf(reasons: readonly PriorityReason[]): PriorityClass {
  if (reasons.includes('emergency')) return 'emergency';
  return reasons.length > 0 ? 'priority' : 'normal';
}

/** Checked in for an appointment by its time plus the grace: the ticket keeps the appointment's head start. */
export function keepsAppointment(ticket: OrderableTicket, policy: QueuePolicy): boolean {
  return ticket.appointmentDueAt !== null && ticket.queuedAt.getTime() <= ticket.appointmentDueAt.getTime() + policy.appointmentLateGraceMinutes * MINUTE_MS;
}

export function appointmentIsDue(ticket: OrderableTicket, policy: QueuePolicy, now: Date): boolean {
  return keepsAppointment(ticket, policy) && ticket.appointmentDueAt!.getTime() - policy.appointmentEarlyMinutes * MINUTE_MS <= now.getTime();
}

/** Milliseconds since the epoch of the ticket's virtual arrival. */
export function virtualArrival(ticket: OrderableTicket, policy: QueuePolicy, now: Date): number {
  const classStart = ticket.priorityClass === 'emergency' ? policy.emergencyHeadStartMinutes : ticket.priorityClass === 'priority' ? policy.priorityHeadStartMinutes : 0;
  let arrival = ticket.queuedAt.getTime() - classStart * MINUTE_MS;
  if (appointmentIsDue(ticket, policy, now)) {
    // An appointment counts from the earlier of its check-in and its due time.
    const base = Math.min(ticket.queuedAt.getTime(), ticket.appointmentDueAt!.getTime());
    arrival = Math.min(arrival, base - policy.appointmentHeadStartMinutes * MINUTE_MS);
  }
  return arrival;
}

/** Sorts tickets into the order they will be called in (a copy; the input is left alone). */
export function callOrder<T extends OrderableTicket>(tickets: readonly T[], policyOf: (ticket: T) => QueuePolicy, now: Date): T[] {
  return tickets
    .map((ticket) => ({ ticket, key: virtualArrival(ticket, policyOf(ticket), now) }))
    .sort((a, b) => a.key - b.key || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0))
    .map((entry) => entry.ticket);
}

/**
 * The order tickets will be called in if nobody else arrives: the call order once every checked-in
 * appointment has fallen due (it will, while the others wait), with the moment each not-yet-due
 * appointment becomes callable. Estimates use it; lists show `callOrder` (the order right now).
 */
export function plannedOrder<T extends OrderableTicket>(tickets: readonly T[], policyOf: (ticket: T) => QueuePolicy, now: Date): { ticket: T; notBefore: Date | null }[] {
  const planned = tickets.map((ticket) => {
    const policy = policyOf(ticket);
    const dueFrom = keepsAppointment(ticket, policy) ? new Date(ticket.appointmentDueAt!.getTime() - policy.appointmentEarlyMinutes * MINUTE_MS) : null;
    const at = dueFrom && dueFrom > now ? dueFrom : now;
    return { ticket, notBefore: dueFrom && dueFrom > now ? dueFrom : null, key: virtualArrival(ticket, policy, at) };
  });
  planned.sort((a, b) => a.key - b.key || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0));
  return planned.map(({ ticket, notBefore }) => ({ ticket, notBefore }));
}

/**
 * The same virtual arrival in SQL, over `tickets t LEFT JOIN queue_policies p ON p.unit_id = t.unit_id`.
 * Defaults fill in for units without a policy row; they are written into the text as literals, so
 * with `now` given as a placeholder (`sql.raw('$3::timestamptz')`) the expression can be part of a
 * prepared statement.
 */
export function virtualArrivalSql(now: Date | RawBuilder<unknown>): RawBuilder<Date> {
  const d = DEFAULT_QUEUE_POLICY;
  const minutes = (column: string, fallback: number) => sql`make_interval(mins => coalesce(${sql.ref(`p.${column}`)}, ${sql.lit(fallback)}))`;
  const classStart = sql`CASE t.priority_class
      WHEN 'emergency' THEN ${minutes('emergency_head_start_minutes', d.emergencyHeadStartMinutes)}
      WHEN 'priority' THEN ${minutes('priority_head_start_minutes', d.priorityHeadStartMinutes)}
      ELSE interval '0' END`;
  const due = sql`t.appointment_due_at IS NOT NULL AND t.queued_at <= t.appointment_due_at + ${minutes('appointment_late_grace_minutes', d.appointmentLateGraceMinutes)}
      AND t.appointment_due_at - ${minutes('appointment_early_minutes', d.appointmentEarlyMinutes)} <= ${now}::timestamptz`;
  return sql<Date>`CASE WHEN ${due}
      THEN least(t.queued_at - ${classStart}, least(t.queued_at, t.appointment_due_at) - ${minutes('appointment_head_start_minutes', d.appointmentHeadStartMinutes)})
      ELSE t.queued_at - ${classStart} END`;
}
