import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext, StaffContext } from '../../http/request-context.js';
import { writeRealtimeEvent } from '../../realtime/events.js';
import { recordAudit, recordPersonalDataChange } from '../audit/audit.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { localDateTime } from '../network/network.opening.js';
import { findCentreById } from '../network/network.service.js';
import type { CentreView } from '../network/network.schemas.js';
import { openVisit, type Issuer } from '../queue/queue.issue.service.js';
import { findVisitView } from '../queue/queue.lookup.service.js';
import { publicTicket } from '../queue/queue.read.service.js';
import type { PRIORITY_REASONS, VisitView } from '../queue/queue.schemas.js';

type PriorityReason = (typeof PRIORITY_REASONS)[number];
import { DEFAULT_CHECKIN_RULES, judgeArrival, type CheckInRules } from './appointments.checkin-window.js';
import { ensureMayCheckIn } from './appointments.policy.js';
import { presentStaff } from './appointments.presenters.js';
import * as repo from './appointments.repo.js';
import type { CheckInResult, KioskCheckIn } from './appointments.schemas.js';
import { normaliseReference, REFERENCE_PATTERN } from './appointments.secrets.js';

/**
 * Check-in (docs/appointments.md, "Check-in"): a booked appointment becomes a queue ticket with
 * appointment priority, in one transaction with the appointment's new state. The queue's issue
 * service joins the caller's transaction, so a ticket exists if and only if the check-in committed.
 */

export interface CheckInRequest {
  centreId: string;
  reference?: string | undefined;
  appointmentId?: string | undefined;
  /** Seen by reception at arrival; a kiosk records none. */
  priorityReasons?: PriorityReason[];
  interpreterNeeded?: boolean;
}

interface CheckedIn {
  row: repo.AppointmentRow;
  visit: VisitView;
  minutesLate: number;
  alreadyCheckedIn: boolean;
}

type CheckInBy = { issuer: Issuer; origin: 'reception' } | { issuer: Issuer & { kioskId: string }; origin: 'kiosk' };

/** Reception (or any staff member with queue.issue at the centre) checks a person in. */
export async function checkInAppointment(db: Kysely<Database>, context: StaffContext, request: CheckInRequest, now = new Date()): Promise<CheckInResult> {
  ensureMayCheckIn(context.actor, request.centreId);
  const done = await checkIn(db, { issuer: { context }, origin: 'reception' }, request, now);
  return { appointment: presentStaff(done.row), visit: done.visit, minutesLate: done.minutesLate, alreadyCheckedIn: done.alreadyCheckedIn };
}

/**
 * Check-in at a kiosk (the route has verified the device token for the centre). A kiosk limited to
 * one unit checks in that unit's bookings only. The answer is what the kiosk prints: the ticket,
 * its place in line and QR code, nothing of the person's contact details.
 */
export async function checkInAtKiosk(
  db: Kysely<Database>,
  context: RequestContext,
  kiosk: { kioskId: string; centreId: string; unitId: string | null },
  reference: string,
  now = new Date(),
): Promise<KioskCheckIn> {
  const request = { centreId: kiosk.centreId, reference };
  if (kiosk.unitId) {
    const booking = await findBooking(db, request);
    if ((await findServiceById(db, booking.service_id))?.unitId !== kiosk.unitId) {
      throw AppError.conflict('This booking is for a service not served at this kiosk: please ask reception', [{ path: 'body.reference', message: 'is not served at this kiosk' }]);
    }
  }
  const done = await checkIn(db, { issuer: { context, kioskId: kiosk.kioskId }, origin: 'kiosk' }, request, now);
  const ticket = done.visit.tickets.find((one) => one.id === done.row.ticket_id) ?? done.visit.tickets[0]!;
  const place = await publicTicket(db, context, done.visit.publicCode, now);
  return {
    publicCode: done.visit.publicCode,
    number: ticket.number,
    serviceNames: ticket.serviceNames,
    centreName: place.centreName,
    language: done.visit.language,
    ahead: place.state === 'waiting' ? place.ahead : null,
    estimatedMinutes: place.state === 'waiting' ? place.estimatedMinutes : null,
    issuedAt: ticket.issuedAt,
    reference: done.row.reference,
    startsAt: done.row.starts_at.toISOString(),
    minutesLate: done.minutesLate,
    alreadyCheckedIn: done.alreadyCheckedIn,
  };
}

async function checkIn(db: Kysely<Database>, by: CheckInBy, request: CheckInRequest, now: Date): Promise<CheckedIn> {
  const centre = await findCentreById(db, request.centreId);
  if (!centre) throw AppError.notFound('The centre');
  const found = await findBooking(db, request);
  if (found.centre_id !== centre.id) {
    const other = await findCentreById(db, found.centre_id);
    throw AppError.conflict(`This booking is for another centre: ${other?.name ?? 'unknown'}`, [{ path: 'body.reference', message: 'is booked at another centre' }]);
  }
  const outcome = await db.transaction().execute((trx) => checkInLocked(trx, by, centre, found.id, now, { priorityReasons: request.priorityReasons ?? [], interpreterNeeded: request.interpreterNeeded ?? false }));
  if (outcome.kind === 'missed') {
    // Thrown after the commit: the no-show it recorded stays.
    throw AppError.conflict(`The appointment was missed: check-in closed at ${localDateTime(centre.timeZone, outcome.closedAt).time}. Please book a new time or ask reception.`, [
      { path: 'body.reference', message: 'was missed' },
    ]);
  }
  if (outcome.kind === 'checked_in') return outcome.result;
  // Repeated check-in: the ticket it already became, as it is now.
  const visit = await findVisitView(db, outcome.row.visit_id!);
  if (!visit) throw new Error(`appointment ${outcome.row.id} points at a missing visit`);
  return { row: outcome.row, visit, minutesLate: 0, alreadyCheckedIn: true };
}

/** The booking by reference or id; held, expired and unknown ones get the same 404. */
async function findBooking(db: Kysely<Database>, request: CheckInRequest): Promise<repo.AppointmentRow> {
  let row: repo.AppointmentRow | undefined;
  if (request.appointmentId) row = await repo.findAppointment(db, request.appointmentId);
  else {
    const reference = normaliseReference(request.reference ?? '');
    row = REFERENCE_PATTERN.test(reference) ? await repo.findByReference(db, reference) : undefined;
  }
  if (!row || row.state === 'held' || row.state === 'expired') throw AppError.notFound('The booking');
  return row;
}

type LockedOutcome = { kind: 'checked_in'; result: CheckedIn } | { kind: 'repeat'; row: repo.AppointmentRow } | { kind: 'missed'; closedAt: Date };

async function checkInLocked(
  trx: Transaction<Database>,
  by: CheckInBy,
  centre: CentreView,
  appointmentId: string,
  now: Date,
  needs: { priorityReasons: PriorityReason[]; interpreterNeeded: boolean },
): Promise<LockedOutcome> {
  // The row lock serialises check-ins of one appointment (double click, kiosk and reception at once).
  const row = (await repo.lockAppointment(trx, appointmentId))!;
  if (row.state === 'checked_in') return { kind: 'repeat', row };
  if (row.state === 'cancelled') throw AppError.conflict('This booking was cancelled', [{ path: 'body.reference', message: 'was cancelled' }]);
  if (row.state === 'no_show') throw AppError.conflict('The appointment was missed: please book a new time or ask reception', [{ path: 'body.reference', message: 'was missed' }]);

  const service = await findServiceById(trx, row.service_id);
  const arrival = judgeArrival(row.starts_at, await rulesOf(trx, row.service_id), now);
  const context = by.issuer.context;
  if (arrival.kind === 'early') {
    const opens = localDateTime(centre.timeZone, arrival.opensAt);
    const today = localDateTime(centre.timeZone, now).date;
    const when = opens.date === today ? opens.time : `${opens.date} ${opens.time}`;
    throw AppError.conflict(`Too early: check-in for this appointment opens at ${when}`, [{ path: 'body.reference', message: `check-in opens at ${when}` }]);
  }
  if (arrival.kind === 'missed') {
    const marked = await repo.updateAppointment(trx, row.id, { state: 'no_show', no_show_at: now }, 'booked');
    if (marked) await recordAudit(trx, context, { action: 'appointment.no_show', resourceType: 'appointment', resourceId: row.id, centreId: row.centre_id, unitId: service?.unitId ?? null, details: { by: 'late_check_in', origin: by.origin } });
    return { kind: 'missed', closedAt: arrival.closedAt };
  }

  const visit = await openVisit(
    trx,
    by.issuer,
    {
      centreId: centre.id,
      personId: null,
      language: row.preferred_language ?? 'pt',
      purpose: `Atendimento marcado (referência ${row.reference})`,
      interpreterNeeded: needs.interpreterNeeded,
      priorityReasons: needs.priorityReasons,
      serviceIds: [row.service_id],
      appointmentDueAt: row.starts_at.toISOString(),
    },
    { origin: 'appointment', now },
  );
  const ticket = visit.tickets[0]!;
  const checkedIn = (await repo.updateAppointment(
    trx,
    row.id,
    { state: 'checked_in', checked_in_at: now, checked_in_by: context.actor?.staffId ?? null, checkin_origin: by.origin, visit_id: visit.id, ticket_id: ticket.id },
    'booked',
  ))!;
  const unitId = service?.unitId ?? null;
  await recordPersonalDataChange(trx, context, {
    action: 'appointment.check_in',
    resourceType: 'appointment',
    resourceId: row.id,
    centreId: row.centre_id,
    unitId,
    details: { reference: row.reference, ticketId: ticket.id, ticketNumber: ticket.number, origin: by.origin, minutesLate: arrival.minutesLate, ...(by.origin === 'kiosk' ? { kioskId: by.issuer.kioskId } : {}) },
  });
  // Reception's and the unit's lists of the day change; nothing personal in the payload.
  await writeRealtimeEvent(trx, { type: 'appointments.checked_in', centreId: row.centre_id, unitId, payload: { appointmentId: row.id, serviceId: row.service_id, ticketId: ticket.id, ticketNumber: ticket.number } });
  return { kind: 'checked_in', result: { row: checkedIn, visit, minutesLate: arrival.minutesLate, alreadyCheckedIn: false } };
}

async function rulesOf(db: Kysely<Database>, serviceId: string): Promise<CheckInRules> {
  const policy = await repo.findPolicy(db, serviceId);
  return policy ? { opensMinutesBefore: policy.checkin_opens_minutes_before, lateGraceMinutes: policy.late_grace_minutes } : DEFAULT_CHECKIN_RULES;
}

/**
 * Booked appointments past their check-in window become no-shows; returns how many, per centre.
 * Safe to run at any time and from several processes (one conditional UPDATE). Nothing schedules it
 * yet: run it from the job runner when one exists, or every few minutes like the realtime retention.
 */
export async function sweepNoShows(db: Kysely<Database>, now = new Date()): Promise<{ marked: number; byCentre: Record<string, number> }> {
  return db.transaction().execute(async (trx) => {
    const rows = await repo.markMissedAsNoShow(trx, now, DEFAULT_CHECKIN_RULES.lateGraceMinutes);
    const byCentre: Record<string, number> = {};
    for (const row of rows) byCentre[row.centre_id] = (byCentre[row.centre_id] ?? 0) + 1;
    for (const [centreId, count] of Object.entries(byCentre)) {
      await recordAudit(trx, { actor: null, ip: null, requestId: null }, { action: 'appointment.no_show_sweep', resourceType: 'centre', resourceId: centreId, centreId, details: { count, ids: rows.filter((row) => row.centre_id === centreId).map((row) => row.id) } });
    }
    return { marked: rows.length, byCentre };
  });
}
