import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { enqueueJob } from '../../jobs/jobs.repo.js';
import { requestNotification } from '../../notifications/notifications.request.js';
import { recordPersonalDataChange } from '../audit/audit.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { addDays, localDateTime } from '../network/network.opening.js';
import { findCentreById } from '../network/network.service.js';
import { availability, bookableDays, loadBookingSetup, MAX_AVAILABILITY_DAYS } from './appointments.availability.service.js';
import { contactColumns, isUniqueViolation } from './appointments.booking.service.js';
import { nameIn, type BookingMessenger } from './appointments.notify.js';
import type { AppointmentRow } from './appointments.repo.js';
import type { WaitlistJoinInput, WaitlistJoined, WaitlistLeaveInput } from './appointments.waitlist.schemas.js';
import { bookingSecret, secretHash, secretMatches } from './appointments.secrets.js';

/**
 * The waiting list (docs/appointments.md, "Waiting list"): when a seat returns to the pool, the
 * earliest people waiting for that service and day are told — one message each, as many people as
 * seats came free — so a freed time is not announced to everyone at once.
 */

/** Runs when a cancelled or moved seat returns to the pool, or when a service gets new capacity. */
export const SEAT_RETURNED_JOB = 'appointments.seat_returned';

type Db = Kysely<Database> | Transaction<Database>;

/** The job at the random moment a released seat becomes free again (no polling). */
export async function scheduleSeatReturn(db: Db, row: AppointmentRow, afterSeconds: number, now = new Date()): Promise<void> {
  await enqueueJob(db, {
    kind: SEAT_RETURNED_JOB,
    // One more second: the seat's release moment is counted from the transaction's start.
    payload: { serviceId: row.service_id, startsAt: row.starts_at.toISOString() },
    runAt: new Date(now.getTime() + (afterSeconds + 1) * 1000),
    dedupeKey: `${row.service_id}:${row.starts_at.toISOString()}:${row.seat_no}`,
  });
}

/** New capacity: look for waiting people over the whole bookable window, now. */
export async function scheduleWaitlistCheck(db: Db, serviceId: string): Promise<void> {
  await enqueueJob(db, { kind: SEAT_RETURNED_JOB, payload: { serviceId, startsAt: null }, runAt: new Date(), dedupeKey: `${serviceId}:capacity` });
}

const leaveSecret = (messenger: BookingMessenger, id: string) => bookingSecret(messenger.masterKey, `waitlist:${id}`);
const leaveLink = (messenger: BookingMessenger, id: string) => `${messenger.publicUrl}/waitlist/${id}#${leaveSecret(messenger, id)}`;

export async function joinWaitlist(db: Kysely<Database>, context: RequestContext, messenger: BookingMessenger, maxDays: number, input: WaitlistJoinInput, clientAddressHash: string | null): Promise<WaitlistJoined> {
  const setup = await loadBookingSetup(db, input.serviceId);
  if (setup.centreId !== input.centreId) throw AppError.notFound('The bookable service');
  const today = localDateTime(setup.timeZone).date;
  const last = addDays(today, Math.min(maxDays, setup.policy.latest_days));
  if (input.fromDate < today) throw AppError.invalid([{ path: 'fromDate', message: 'must not be in the past' }]);
  if (input.toDate > last) throw AppError.invalid([{ path: 'toDate', message: `must be on or before ${last}` }]);
  const { keys, columns } = contactColumns(input.contact);
  const id = uuidv7();
  try {
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('appointment_waitlist')
        .values({
          id,
          centre_id: setup.centreId,
          service_id: setup.serviceId,
          contact_name: columns.contact_name,
          contact_email: columns.contact_email,
          contact_phone: columns.contact_phone,
          preferred_language: input.contact.language,
          email_key: keys.email,
          phone_key: keys.phone,
          from_date: input.fromDate,
          to_date: input.toDate,
          token_hash: secretHash(leaveSecret(messenger, id)),
          client_address_hash: clientAddressHash,
          // The entry ends with the last day the person could come.
          expires_at: sql<Date>`(${addDays(input.toDate, 1)}::date)::timestamp AT TIME ZONE ${setup.timeZone}`,
        })
        .returning(['id', 'expires_at'])
        .executeTakeFirstOrThrow();
      await recordPersonalDataChange(trx, context, { action: 'appointment_waitlist.join', resourceType: 'appointment_waitlist', resourceId: id, centreId: setup.centreId, unitId: setup.unitId });
      return inserted;
    });
    return { id: row.id, secret: leaveSecret(messenger, row.id), expiresAt: row.expires_at.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error, 'appointment_waitlist_email_idx') || isUniqueViolation(error, 'appointment_waitlist_phone_idx')) {
      throw AppError.conflict('This contact is already on the waiting list for this service', [{ path: 'contact', message: 'is already waiting' }]);
    }
    throw error;
  }
}

/** Leaving from the link in the message; the same 404 for an unknown entry and a wrong secret. */
export async function leaveWaitlist(db: Kysely<Database>, context: RequestContext, input: WaitlistLeaveInput): Promise<{ left: true }> {
  const row = await db.selectFrom('appointment_waitlist').select(['id', 'token_hash', 'state', 'centre_id']).where('id', '=', input.id).executeTakeFirst();
  if (!secretMatches(row?.token_hash, input.secret) || !row) throw AppError.notFound('The waiting-list entry');
  if (row.state === 'waiting' || row.state === 'told') {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('appointment_waitlist').set({ state: 'left', left_at: sql<Date>`now()` }).where('id', '=', row.id).where('state', 'in', ['waiting', 'told']).execute();
      await recordPersonalDataChange(trx, context, { action: 'appointment_waitlist.leave', resourceType: 'appointment_waitlist', resourceId: row.id, centreId: row.centre_id });
    });
  }
  return { left: true };
}

/**
 * Tells the earliest waiting people that a time is free: for one freed slot (`startsAt`) or, with
 * none, any free time of the bookable window. One person per free seat; each person is told once.
 */
export async function tellWaitingPeople(db: Kysely<Database>, messenger: BookingMessenger, serviceId: string, startsAt: string | null, now = new Date()): Promise<number> {
  await db.updateTable('appointment_waitlist').set({ state: 'expired' }).where('state', '=', 'waiting').where('expires_at', '<=', now).execute();
  let setup;
  try {
    setup = await loadBookingSetup(db, serviceId, now);
  } catch {
    return 0;
  }
  const window = bookableDays(setup, 'public', now);
  const from = startsAt ? localDateTime(setup.timeZone, new Date(startsAt)).date : window.first;
  const to = startsAt ? from : [window.last, addDays(window.first, MAX_AVAILABILITY_DAYS - 1)].sort()[0]!;
  const free = (await availability(db, setup.centreId, serviceId, { from, to }, now)).days.flatMap((day) =>
    day.slots.filter((slot) => !startsAt || new Date(slot.startsAt).getTime() === new Date(startsAt).getTime()).map((slot) => ({ date: day.date, startsAt: slot.startsAt, seats: slot.free })),
  );
  if (free.length === 0) return 0;
  const [centre, service] = await Promise.all([findCentreById(db, setup.centreId), findServiceById(db, serviceId)]);
  if (!centre || !service) return 0;
  const seats = free.reduce((sum, slot) => sum + slot.seats, 0);
  return db.transaction().execute(async (trx) => {
    // Several instances may run this at once: each takes different people.
    const waiting = await trx
      .selectFrom('appointment_waitlist')
      .selectAll()
      .where('service_id', '=', serviceId)
      .where('state', '=', 'waiting')
      .where('from_date', '<=', free.at(-1)!.date)
      .where('to_date', '>=', free[0]!.date)
      .orderBy('created_at')
      .limit(seats * 4)
      .forUpdate()
      .skipLocked()
      .execute();
    let told = 0;
    for (const entry of waiting) {
      const slot = free.find((one) => one.seats > 0 && one.date >= entry.from_date && one.date <= entry.to_date);
      if (!slot) continue;
      slot.seats -= 1;
      await trx.updateTable('appointment_waitlist').set({ state: 'told', told_at: now, told_for: new Date(slot.startsAt) }).where('id', '=', entry.id).execute();
      const params = {
        startsAt: slot.startsAt,
        timeZone: centre.timeZone,
        serviceName: nameIn(service.names, entry.preferred_language),
        centreName: centre.name,
        centreAddress: [centre.address.street, centre.address.city].filter(Boolean).join(', '),
        bookLink: `${messenger.publicUrl}/book?service=${encodeURIComponent(service.code)}&centre=${centre.id}`,
        leaveLink: leaveLink(messenger, entry.id),
      };
      const base = { locale: entry.preferred_language, template: 'appointments.waitlist_slot_free', params, subject: { type: 'appointment_waitlist', id: entry.id }, centreId: centre.id };
      if (entry.contact_email) await requestNotification(trx, { ...base, channel: 'email', recipient: entry.contact_email });
      if (entry.contact_phone) await requestNotification(trx, { ...base, channel: 'sms', recipient: entry.contact_phone.replace(/[^\d+]/g, '') });
      told += 1;
    }
    return told;
  });
}
