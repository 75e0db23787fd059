import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { PublishedEvent } from '../../realtime/events.js';
import { findCentreById } from '../network/network.service.js';
import { localDateTime } from '../network/network.opening.js';
import * as queueRepo from './queue.repo.js';
import * as repo from './queue.public.repo.js';
import type { DisplayCall, DisplayState } from './queue.public.schemas.js';

/**
 * What the public streams let through and how they shape it. Staff streams carry the queue's full
 * envelope; a screen or a phone gets only calls (number, counter, service names) and, on the phone,
 * the state of its own ticket. Nothing personal ever leaves: no visit, person or staff ids.
 */

/** The moments a screen announces: a ticket is called to a counter (first time, again, back from parking). */
export const DISPLAY_EVENT_TYPES = ['queue.ticket_called', 'queue.ticket_recalled', 'queue.ticket_resumed'] as const;
const DISPLAY_TYPES = new Set<string>(DISPLAY_EVENT_TYPES);
/** How many calls a screen shows. */
export const DISPLAY_CALLS = 8;

export function callOf(payload: Record<string, unknown>, at: Date): DisplayCall {
  return {
    ticketId: String(payload.ticketId),
    number: String(payload.number),
    counterLabel: String(payload.counterLabel ?? ''),
    serviceNames: (payload.serviceNames ?? {}) as Record<string, string>,
    callCount: Number(payload.callCount ?? 0),
    at: at.toISOString(),
  };
}

/** A screen sees the calls of its centre, or of its unit when it is limited to one. */
export function screenMayReceive(device: Pick<repo.QueueDevice, 'centre_id' | 'unit_id'>, event: PublishedEvent): boolean {
  if (!DISPLAY_TYPES.has(event.type) || event.centreId !== device.centre_id) return false;
  return device.unit_id === null || event.unitId === device.unit_id;
}

export function presentScreenEvent(event: PublishedEvent): Record<string, unknown> {
  return { id: event.position, type: event.type, at: event.at.toISOString(), payload: callOf(event.payload, event.at) };
}

/** The state a screen starts from and returns to after a reconnect or a `reset`. */
export async function displayState(db: Kysely<Database>, device: repo.QueueDevice, now = new Date()): Promise<DisplayState> {
  const centre = (await findCentreById(db, device.centre_id))!;
  const localDay = localDateTime(centre.timeZone, now).date;
  const rows = await repo.latestCalls(db, { centreId: centre.id, unitId: device.unit_id, localDay, limit: DISPLAY_CALLS });
  return {
    centre: { id: centre.id, name: centre.name, timeZone: centre.timeZone, announcementLanguages: centre.announcementLanguages },
    screen: { label: device.label, unitId: device.unit_id },
    calls: rows.map((row) => ({ ticketId: row.ticket_id, number: row.number, counterLabel: row.counter_label, serviceNames: row.service_names, callCount: row.call_count, at: row.at.toISOString() })),
  };
}

/**
 * Which events concern one ticket's place in line: every moment of its own visit (it is called, it is
 * done and the next ticket joins another queue, it is transferred), and the moments of the units its
 * tickets queue at (tickets ahead called or cancelled, counters opening or closing, the policy).
 * A transfer to another unit shows up as an event of the visit, so that unit is watched from then on.
 */
export class TicketWatch {
  private readonly unitIds: Set<string>;

  constructor(
    readonly centreId: string,
    readonly visitId: string,
    unitIds: readonly string[],
  ) {
    this.unitIds = new Set(unitIds);
  }

  static async ofCode(db: Kysely<Database>, code: string): Promise<TicketWatch> {
    const visit = await queueRepo.findVisitByCode(db, code);
    if (!visit) throw AppError.notFound('The ticket');
    const tickets = await queueRepo.ticketsOfVisit(db, visit.id);
    return new TicketWatch(visit.centre_id, visit.id, tickets.map((ticket) => ticket.unit_id));
  }

  mayReceive(event: PublishedEvent): boolean {
    if (!event.type.startsWith('queue.') || event.centreId !== this.centreId) return false;
    if (event.payload.visitId === this.visitId) {
      if (event.unitId) this.unitIds.add(event.unitId);
      return true;
    }
    return event.unitId !== null && this.unitIds.has(event.unitId);
  }

  /** Its own moments say what happened; others only that the line moved (the phone refetches its place). */
  present(event: PublishedEvent): Record<string, unknown> {
    const mine = event.payload.visitId === this.visitId;
    const payload = mine
      ? { mine: true, number: event.payload.number, state: event.payload.state, counterLabel: event.payload.counterLabel ?? null, callCount: event.payload.callCount ?? 0 }
      : { mine: false };
    return { id: event.position, type: event.type, at: event.at.toISOString(), payload };
  }
}
