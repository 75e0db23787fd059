import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { addDays, localDateTime } from '../network/network.opening.js';
import { findCentreById, isCentreOpenAt, openingDays } from '../network/network.service.js';
import { estimateWaits } from './queue.estimate.js';
import { openVisit } from './queue.issue.service.js';
import * as repo from './queue.public.repo.js';
import type { KioskService, KioskState, KioskTicket, KioskTicketInput } from './queue.public.schemas.js';
import { centreQueue, publicTicket } from './queue.read.service.js';

/** How far ahead the kiosk looks for the next opening when the centre is closed. */
const LOOKAHEAD_DAYS = 14;

/**
 * The next time the centre opens after `now` on its own clock: later today (after lunch), or a
 * later day. `laterDay` skips today (a service full today is open again on the next opening day).
 */
async function nextOpening(db: Kysely<Database>, centreId: string, timeZone: string, now: Date, laterDay: boolean): Promise<{ date: string; time: string } | null> {
  const local = localDateTime(timeZone, now);
  const { days } = await openingDays(db, centreId, local.date, addDays(local.date, LOOKAHEAD_DAYS));
  for (const day of days) {
    if (laterDay && day.date === local.date) continue;
    const interval = day.intervals.find((one) => day.date > local.date || one.opens > local.time);
    if (interval) return { date: day.date, time: interval.opens };
  }
  return null;
}

/** What the kiosk offers now: live services, each open, closed (centre closed) or full (daily quota reached), with the wait of a ticket issued now. */
export async function kioskState(db: Kysely<Database>, device: repo.QueueDevice, now = new Date()): Promise<KioskState> {
  const centre = (await findCentreById(db, device.centre_id))!;
  const open = !centre.archivedAt && (await isCentreOpenAt(db, centre.id, now));
  const localDay = localDateTime(centre.timeZone, now).date;
  const rows = await repo.kioskServices(db, { centreId: centre.id, unitId: device.unit_id, localDay });
  const queue = await centreQueue(db, centre.id, centre.timeZone, now, rows.map((row) => row.id));
  const order = queue.ordered.map((ticket) => ({ id: ticket.id, serviceId: ticket.service_id }));
  const services: KioskService[] = rows.map((row) => {
    const full = row.daily_quota !== null && row.issued_today >= row.daily_quota;
    // A ticket issued now joins after every waiting ticket: its estimate is that of a last place.
    const probe = `kiosk-probe-${row.id}`;
    const estimate = estimateWaits([...order, { id: probe, serviceId: row.id }], queue.counters, queue.expected, now).get(probe);
    return {
      id: row.id,
      names: row.names,
      unitName: row.unit_name,
      state: !open ? 'closed' : full ? 'full' : 'open',
      waiting: queue.ordered.filter((ticket) => ticket.service_id === row.id).length,
      estimatedMinutes: estimate?.minutes ?? null,
    };
  });
  const anyFull = services.some((service) => service.state === 'full');
  return {
    centre: { id: centre.id, name: centre.name, timeZone: centre.timeZone },
    kiosk: { label: device.label },
    open,
    nextOpening: open && !anyFull ? null : await nextOpening(db, centre.id, centre.timeZone, now, open),
    services,
  };
}

/**
 * A ticket from the kiosk, through the engine's one issue path (origin 'kiosk'): opening hours are
 * checked there, and the daily quota under the sequence's row lock.
 */
export async function issueFromKiosk(db: Kysely<Database>, context: RequestContext, device: repo.QueueDevice, input: KioskTicketInput, options: { idempotencyKey?: string | undefined; now?: Date } = {}): Promise<KioskTicket> {
  const now = options.now ?? new Date();
  if (device.unit_id) {
    const service = await repo.serviceWithCentre(db, input.serviceId);
    if (service && service.unit_id !== device.unit_id) throw AppError.invalid([{ path: 'body.serviceId', message: 'is not offered at this kiosk' }]);
  }
  const visit = await openVisit(
    db,
    { context, kioskId: device.id },
    { centreId: device.centre_id, language: input.language, purpose: '', interpreterNeeded: false, priorityReasons: [], serviceIds: [input.serviceId] },
    { idempotencyKey: options.idempotencyKey, origin: 'kiosk', now },
  ).catch((error: unknown) => {
    // The engine names the visit's list of services; the kiosk sent one service.
    if (error instanceof AppError && error.extra.fields) {
      throw new AppError(error.code, error.message, { ...error.extra, fields: error.extra.fields.map((field) => ({ ...field, path: field.path.replace(/^body\.serviceIds\.0$/, 'body.serviceId') })) });
    }
    throw error;
  });
  const ticket = visit.tickets[0]!;
  const place = await publicTicket(db, context, visit.publicCode, now);
  return {
    publicCode: visit.publicCode,
    number: ticket.number,
    serviceNames: ticket.serviceNames,
    centreName: place.centreName,
    language: visit.language,
    ahead: place.state === 'waiting' ? place.ahead : null,
    estimatedMinutes: place.state === 'waiting' ? place.estimatedMinutes : null,
    issuedAt: ticket.issuedAt,
  };
}
