import type { Kysely } from 'kysely';
import type { Database, TicketEventKind } from '../../db/types.js';
import type { RequestContext } from '../../http/request-context.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertTicketEvent, type TicketRow } from './queue.repo.js';

export interface TicketMoment {
  kind: TicketEventKind;
  at: Date;
  counterId?: string | null;
  outcome?: string | null;
  note?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records one moment of a ticket, in the caller's transaction: the ticket event (statistics), the
 * audit event (who did it) and the realtime event screens and counters react to. The realtime payload
 * carries what a screen shows and nothing personal: number, service names, counter label, state.
 */
export async function recordTicketMoment(trx: Kysely<Database>, context: RequestContext, ticket: TicketRow, moment: TicketMoment): Promise<void> {
  await insertTicketEvent(trx, {
    ticket_id: ticket.id,
    kind: moment.kind,
    at: moment.at,
    counter_id: moment.counterId ?? null,
    staff_id: context.actor?.staffId ?? null,
    outcome: moment.outcome ?? null,
    note: moment.note ?? null,
    details: moment.details ?? {},
  });
  await recordAudit(trx, context, {
    action: `queue.ticket.${moment.kind}`,
    resourceType: 'ticket',
    resourceId: ticket.id,
    centreId: ticket.centre_id,
    unitId: ticket.unit_id,
    details: { number: ticket.number, state: ticket.state, counterId: moment.counterId ?? null, outcome: moment.outcome ?? null, ...(moment.details ?? {}) },
  });
  await writeRealtimeEvent(trx, {
    type: `queue.ticket_${moment.kind}`,
    centreId: ticket.centre_id,
    unitId: ticket.unit_id,
    payload: {
      ticketId: ticket.id,
      visitId: ticket.visit_id,
      number: ticket.number,
      serviceId: ticket.service_id,
      serviceNames: ticket.service_names,
      state: ticket.state,
      counterId: ticket.counter_id,
      counterLabel: ticket.counter_label,
      callCount: ticket.call_count,
    },
  });
}
