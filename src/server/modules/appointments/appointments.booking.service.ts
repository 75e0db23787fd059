import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { isDueNow, wakeJobRunners } from '../../jobs/jobs.repo.js';
import { notificationWrites } from '../../notifications/notifications.request.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { auditEventRow } from '../audit/audit.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import type { CentreView } from '../network/network.schemas.js';
import { findCentreById } from '../network/network.service.js';
import type { ServiceView } from '../network/network.units.schemas.js';
import { findBookableSlot, loadBookingSetup } from './appointments.availability.service.js';
import { messagesAbout, REMINDER_JOB, reminderAt, type BookingMessenger } from './appointments.notify.js';
import { presentHold, presentPublic } from './appointments.presenters.js';
import { seatGateOf, SingleFlight } from './appointments.seat-gate.js';
import * as repo from './appointments.repo.js';
import type { BookingConfirmation, ConfirmInput, Contact, HoldInput, HoldView } from './appointments.schemas.js';
import { bookingSecret, emailKey, newReference, phoneKey, secretHash } from './appointments.secrets.js';

/** The public path: hold a slot for a few minutes, then confirm it with contact details. */

export function slotTaken(): AppError {
  return AppError.conflict('This time is no longer free; please choose another', [{ path: 'startsAt', message: 'is no longer free' }]);
}

export function keyReused(): AppError {
  return AppError.conflict('This Idempotency-Key was already used for a different request', [{ path: 'headers.idempotency-key', message: 'was used for another request' }]);
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505' && String((error as { constraint?: unknown }).constraint ?? '') === constraint;
}

/** Contact columns and the normalised keys the per-contact limit compares. */
export function contactColumns(contact: Contact) {
  const keys = { email: emailKey(contact.email), phone: phoneKey(contact.phone) };
  if (!keys.email && !keys.phone) throw AppError.invalid([{ path: 'contact.phone', message: 'expected a phone number' }]);
  return {
    keys,
    columns: { contact_name: contact.name, contact_email: contact.email ?? null, contact_phone: contact.phone ?? null, preferred_language: contact.language, email_key: keys.email, phone_key: keys.phone },
  };
}

export async function ensureUnderContactLimit(trx: Parameters<typeof repo.lockAndCountActive>[0], serviceId: string, keys: { email: string | null; phone: string | null }, limit: number): Promise<void> {
  if ((await repo.lockAndCountActive(trx, serviceId, keys)) >= limit) throw contactLimitReached();
}

export function confirmationOf(row: repo.AppointmentRow, masterKey: Buffer): BookingConfirmation {
  return { reference: row.reference, secret: bookingSecret(masterKey, row.id), appointment: presentPublic(row) };
}

/**
 * Holds a free public seat of the slot; a retry with the same Idempotency-Key returns the same hold.
 * Holds of one slot in this process queue behind each other, and a slot the database has just
 * reported full is refused without asking it again (appointments.seat-gate.ts).
 */
export async function holdSlot(db: Kysely<Database>, input: HoldInput, idempotencyKey?: string, clientAddressHash: string | null = null): Promise<HoldView> {
  const key = idempotencyKey ? `public:${idempotencyKey}` : null;
  const startsAt = new Date(input.startsAt);
  const sameRequest = async (): Promise<HoldView | undefined> => {
    const existing = key ? await repo.findByKey(db, 'hold_key', key) : undefined;
    if (!existing) return undefined;
    if (existing.service_id !== input.serviceId || existing.starts_at.getTime() !== startsAt.getTime()) throw keyReused();
    return presentHold(existing);
  };
  // A retried request whose first try got the slot's last seat is answered with that hold, not 409.
  const refuse = async (): Promise<HoldView> => {
    const earlier = key ? await sameRequest() : undefined;
    if (earlier) return earlier;
    throw slotTaken();
  };
  const gate = seatGateOf(db);
  // The database writes ids in lower case: so must the memory, or a forget would miss it.
  const slotRef = { serviceId: input.serviceId.toLowerCase(), startsAt: startsAt.getTime() };
  if (gate.isFull(slotRef)) return refuse();
  if (key) {
    const earlier = await sameRequest();
    if (earlier) return earlier;
  }
  return gate.exclusive(slotRef, async () => {
    if (gate.isFull(slotRef)) return refuse();
    const setup = await loadBookingSetup(db, input.serviceId);
    const range = await findBookableSlot(db, setup, startsAt, 'public');
    if (range.last < 1) throw slotTaken();
    const epoch = gate.epoch(slotRef.serviceId);
    const askedAt = gate.clock();
    let outcome: repo.PublicHoldOutcome;
    try {
      outcome = await repo.holdPublicSeat(db, {
        serviceId: setup.serviceId,
        centreId: setup.centreId,
        startsAt,
        endsAt: range.slot.endsAt,
        last: range.last,
        holdMinutes: setup.policy.hold_minutes,
        appointmentId: uuidv7(),
        reference: newReference(),
        holdKey: key,
        clientAddressHash,
      });
    } catch (error) {
      // The same key sent twice at once (to two processes, or for a slot with seats to spare): the
      // second returns the first one's hold.
      if (isUniqueViolation(error, 'appointments_hold_key_key')) {
        const earlierHold = await sameRequest();
        if (earlierHold) return earlierHold;
      }
      throw error;
    }
    if (outcome.full) {
      // Full until the first taken seat can be free again, and never longer than a hold lasts.
      const seconds = Math.min(outcome.freeAgainInSeconds ?? Infinity, setup.policy.hold_minutes * 60);
      gate.rememberFull(slotRef, askedAt + seconds * 1000, epoch);
    }
    if (!outcome.row) throw slotTaken();
    rememberHold(db, outcome.row);
    return presentHold(outcome.row);
  });
}

/** Holds this process made recently, for their confirm: at most this many per database, oldest dropped first. */
const MAX_REMEMBERED_HOLDS = 5_000;
const recentHolds = new WeakMap<object, Map<string, repo.AppointmentRow>>();

function rememberHold(db: object, row: repo.AppointmentRow): void {
  let holds = recentHolds.get(db);
  if (!holds) {
    holds = new Map();
    recentHolds.set(db, holds);
  }
  if (holds.size >= MAX_REMEMBERED_HOLDS) holds.delete(holds.keys().next().value!);
  holds.set(row.id, row);
}

/** Once only: a retried confirm reads the row as the first one left it. */
function takeRememberedHold(db: object, id: string): repo.AppointmentRow | undefined {
  const holds = recentHolds.get(db);
  const row = holds?.get(id);
  if (row) holds!.delete(id);
  return row;
}

/** What a confirm needs about the hold's service besides the hold: one read shared by confirms at the same moment. */
interface ConfirmPlace {
  policy: repo.PolicyRow | undefined;
  centre: CentreView | undefined;
  service: ServiceView | undefined;
}
const placeReads = new WeakMap<object, SingleFlight<ConfirmPlace>>();

function confirmPlace(db: Kysely<Database>, serviceId: string, centreId: string): Promise<ConfirmPlace> {
  let reads = placeReads.get(db);
  if (!reads) {
    reads = new SingleFlight();
    placeReads.set(db, reads);
  }
  return reads.run(`${serviceId} ${centreId}`, async () => {
    const [policy, centre, service] = await Promise.all([repo.findPolicy(db, serviceId), findCentreById(db, centreId), findServiceById(db, serviceId)]);
    return { policy, centre, service };
  });
}

/**
 * Books a held seat for the person. A retried confirm with the same Idempotency-Key returns the same
 * booking and link; a confirm after the hold expired is refused (the person holds again).
 *
 * The messages are made before the database is asked; the booking, its seat, the contact's limit,
 * the messages, jobs and audit event are then one statement (`repo.bookPublicHold`), and the job
 * runners are woken after it.
 */
export async function confirmHold(db: Kysely<Database>, context: RequestContext, messenger: BookingMessenger, holdId: string, input: ConfirmInput, idempotencyKey?: string, clientAddressHash: string | null = null): Promise<BookingConfirmation> {
  const { masterKey } = messenger;
  const key = idempotencyKey ? `public:${idempotencyKey}` : null;
  // The hold as this process wrote it, when it did: what is read from it here cannot change while it
  // is held, and the statement below books it only if it still is; otherwise it is read.
  const hold = takeRememberedHold(db, holdId) ?? (await repo.findAppointment(db, holdId));
  if (!hold || hold.channel !== 'public') throw AppError.notFound('The hold');
  if (key && hold.confirm_key === key) return confirmationOf(hold, masterKey);
  const { keys, columns } = contactColumns(input.contact);
  const { policy, centre, service } = await confirmPlace(db, hold.service_id, hold.centre_id);
  if (!policy) throw AppError.notFound('The bookable service');
  const booking = { ...columns, token_hash: secretHash(bookingSecret(masterKey, holdId)), confirm_key: key, booked_at: new Date(), client_address_hash: hold.client_address_hash ?? clientAddressHash };
  const prospective: repo.AppointmentRow = { ...hold, ...booking, state: 'booked' };
  const messages = centre && service ? (await messagesAbout(centre, service, messenger, prospective, 'confirmed')).map(notificationWrites) : [];
  // A new booking has no reminder yet (a hold gets none), so nothing is there to cancel or move.
  const reminder = reminderAt(messenger, prospective);
  const jobs = [...messages.map((message) => message.job), ...(reminder ? [{ kind: REMINDER_JOB, payload: { appointmentId: holdId }, runAt: reminder, dedupeKey: holdId }] : [])];
  const audit = auditEventRow(context, { action: 'appointment.confirm', resourceType: 'appointment', resourceId: holdId, centreId: hold.centre_id, details: { channel: 'public' } }, true);
  const outcome = await repo.bookPublicHold(db, holdId, hold.service_id, keys, policy.max_active_per_contact, booking, { notifications: messages.map((message) => message.notification), jobs, audit });
  if (outcome.kind === 'booked') {
    wakeJobRunners(db, jobs.filter(isDueNow).map((job) => job.kind));
    return confirmationOf(outcome.row, masterKey);
  }
  if (outcome.kind === 'limit') throw contactLimitReached();
  // Two confirms of one hold queue on its row lock; the second sees the first one's booking.
  const current = outcome.kind === 'not_held' ? outcome.row : hold;
  if (outcome.kind !== 'expired' && key && current.confirm_key === key) return confirmationOf(current, masterKey);
  if (outcome.kind !== 'expired' && current.state === 'booked') throw AppError.conflict('This hold has already been confirmed');
  throw new AppError('conflict', 'The hold has expired; please choose a time again', { fields: [{ path: 'holdId', message: 'has expired' }] });
}

function contactLimitReached(): AppError {
  return AppError.conflict('This contact already has as many bookings for this service as allowed', [{ path: 'contact', message: 'has reached the limit of active bookings' }]);
}
