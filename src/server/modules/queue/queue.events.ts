import type { Kysely } from 'kysely';
import type { Database, TicketEventKind } from '../../db/types.js';
import type { RequestContext } from '../../http/request-context.js';
import { realtimeEventValues } from '../../realtime/events.js';
import { auditEventValues } from '../audit/audit.service.js';
import type { TicketRow } from './queue.repo.js';

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
 * audit event (who did it) and the realtime event screens and counters react to — one statement
 * (two data-modifying CTEs and an insert), so a moment costs one round trip to the database. The
 * realtime payload carries what a screen shows and nothing personal: number, service names, counter
 * label, state.
 */
export async function recordTicketMoment(trx: Kysely<Database>, context: RequestContext, ticket: TicketRow, moment: TicketMoment): Promise<void> {
  await trx
    .with('ticket_event', (db) =>
      db
        .insertInto('ticket_events')
        .values({
          ticket_id: ticket.id,
          kind: moment.kind,
          at: moment.at,
          counter_id: moment.counterId ?? null,
          staff_id: context.actor?.staffId ?? null,
          outcome: moment.outcome ?? null,
          note: moment.note ?? null,
          details: JSON.stringify(moment.details ?? {}),
        })
        .returning('id'),
    )
    .with('audit_event', (db) =>
      db
        .insertInto('audit_events')
        .values(
          auditEventValues(context, {
            action: `queue.ticket.${moment.kind}`,
            resourceType: 'ticket',
            resourceId: ticket.id,
            centreId: ticket.centre_id,
            unitId: ticket.unit_id,
            details: { number: ticket.number, state: ticket.state, counterId: moment.counterId ?? null, outcome: moment.outcome ?? null, ...(moment.details ?? {}) },
          }),
        )
        .returning('id'),
    )
    .insertInto('realtime_events')
    .values(
      realtimeEventValues({
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
      }),
    )
    .execute();
}
