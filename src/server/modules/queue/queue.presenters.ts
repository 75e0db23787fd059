import type { PriorityReason } from '../../db/types.js';
import type { TicketRow, Visit } from './queue.repo.js';
import type { TicketView, VisitView } from './queue.schemas.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentTicket(row: TicketRow): TicketView {
  return {
    id: row.id,
    visitId: row.visit_id,
    centreId: row.centre_id,
    unitId: row.unit_id,
    serviceId: row.service_id,
    serviceNames: row.service_names,
    number: row.number,
    visitOrder: row.visit_order,
    state: row.state,
    priorityClass: row.priority_class,
    appointmentDueAt: iso(row.appointment_due_at),
    issuedAt: row.issued_at.toISOString(),
    queuedAt: iso(row.queued_at),
    calledAt: iso(row.called_at),
    startedAt: iso(row.started_at),
    endedAt: iso(row.ended_at),
    callCount: row.call_count,
    counter: row.counter_id && row.counter_label !== null ? { id: row.counter_id, label: row.counter_label } : null,
    outcome: row.outcome,
  };
}

export function presentVisit(visit: Visit, tickets: TicketRow[]): VisitView {
  return {
    id: visit.id,
    centreId: visit.centre_id,
    publicCode: visit.public_code,
    personId: visit.person_id,
    language: visit.language,
    purpose: visit.purpose,
    interpreterNeeded: visit.interpreter_needed,
    priorityReasons: visit.priority_reasons as PriorityReason[],
    origin: visit.origin,
    createdAt: visit.created_at.toISOString(),
    tickets: tickets.map(presentTicket),
  };
}
