import QRCode from 'qrcode';
import { createEvent } from 'ics';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { cancelPendingJob, enqueueJob } from '../../jobs/jobs.repo.js';
import { requestNotification, type NotificationRequest } from '../../notifications/notifications.request.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import type { CentreView } from '../network/network.schemas.js';
import type { ServiceView } from '../network/network.units.schemas.js';
import { findCentreById } from '../network/network.service.js';
import type { AppointmentRow } from './appointments.repo.js';
import { bookingSecret } from './appointments.secrets.js';

/**
 * Messages to the person about their booking (docs/appointments.md, "Messages"): written in the
 * same transaction as the change they tell about, by e-mail and/or SMS in the person's language,
 * with a calendar file on e-mails. Reminders are durable jobs moved and cancelled with the booking.
 */

/** What the booking services need to write messages: the link key, the public address, the reminder lead. */
export interface BookingMessenger {
  masterKey: Buffer;
  publicUrl: string;
  reminderLeadMinutes: number;
}

export function bookingMessenger(config: Config, masterKey: Buffer): BookingMessenger {
  return { masterKey, publicUrl: config.publicUrl, reminderLeadMinutes: config.booking.reminderLeadMinutes };
}

export type BookingMessage = 'confirmed' | 'moved' | 'cancelled' | 'reminder';
export const REMINDER_JOB = 'appointments.reminder';

type Db = Kysely<Database> | Transaction<Database>;

/** The person's page of the booking: the secret travels after '#', so it never reaches a server log. */
export function manageLink(publicUrl: string, reference: string, secret: string): string {
  return `${publicUrl}/b/${reference}#${secret}`;
}

export const nameIn = (names: Record<string, string>, language: string, host = 'pt'): string => names[language] ?? names[language.split('-')[0]!] ?? names[host] ?? Object.values(names)[0] ?? '';

/** A calendar file for the appointment; the same UID every time, so calendars update or remove it. */
export function calendarFile(row: AppointmentRow, title: string, location: string, description: string, cancelled: boolean): string | undefined {
  const { error, value } = createEvent({
    productId: 'oneroof',
    uid: `${row.id}@oneroof`,
    // Later messages about the same booking must win in the person's calendar.
    sequence: Math.floor(Date.now() / 1000) - 1_700_000_000,
    start: row.starts_at.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: row.ends_at.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title,
    location,
    description,
    method: cancelled ? 'CANCEL' : 'PUBLISH',
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  });
  return error || !value ? undefined : value;
}

/** Requests the message about a booking on each channel the person gave. Returns the notification ids. */
export async function tellPerson(db: Db, messenger: BookingMessenger, row: AppointmentRow, message: BookingMessage): Promise<string[]> {
  if (!row.contact_email && !row.contact_phone) return [];
  const [centre, service] = await Promise.all([findCentreById(db as Kysely<Database>, row.centre_id), findServiceById(db as Kysely<Database>, row.service_id)]);
  if (!centre || !service) return [];
  const ids: string[] = [];
  for (const request of await messagesAbout(centre, service, messenger, row, message)) ids.push(await requestNotification(db, request));
  return ids;
}

/** The message about a booking on each channel the person gave, not yet written. */
export async function messagesAbout(centre: CentreView, service: ServiceView, messenger: BookingMessenger, row: AppointmentRow, message: BookingMessage): Promise<NotificationRequest[]> {
  const locale = row.preferred_language ?? 'pt';
  const serviceName = nameIn(service.names, locale);
  const centreAddress = [centre.address.street, [centre.address.postalCode, centre.address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const documents = service.requiredDocuments.map((document) => nameIn(document.names, locale)).join('; ');
  const link = manageLink(messenger.publicUrl, row.reference, bookingSecret(messenger.masterKey, row.id));
  const params = {
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: centre.timeZone,
    reference: row.reference,
    serviceName,
    centreName: centre.name,
    centreAddress,
    manageLink: link,
    documents: documents || '-',
  };
  const template = `appointments.${message}`;
  const subject = { type: 'appointment', id: row.id };
  const requests: NotificationRequest[] = [];
  if (row.contact_email) {
    const ics = calendarFile(row, `${serviceName} · ${centre.name}`, centreAddress || centre.name, `${row.reference}\n${link}`, message === 'cancelled');
    const attachments = ics ? [{ filename: `${row.reference}.ics`, contentType: 'text/calendar; charset=utf-8', content: ics }] : [];
    // The reference as a QR code for the kiosk's scanner (the reference only, never the secret link).
    if (message === 'confirmed') attachments.push({ filename: `${row.reference}-qr.svg`, contentType: 'image/svg+xml', content: await QRCode.toString(row.reference, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) });
    requests.push({ channel: 'email', recipient: row.contact_email, locale, template, params, attachments, subject, centreId: row.centre_id });
  }
  if (row.contact_phone) {
    requests.push({ channel: 'sms', recipient: row.contact_phone.replace(/[^\d+]/g, ''), locale, template, params, subject, centreId: row.centre_id });
  }
  return requests;
}

/** When the reminder job of a booking runs; null when that moment has passed. */
export function reminderAt(messenger: BookingMessenger, row: AppointmentRow, now = new Date()): Date | null {
  const runAt = new Date(row.starts_at.getTime() - messenger.reminderLeadMinutes * 60_000);
  return runAt <= now ? null : runAt;
}

/** Puts (or moves) the reminder job at the lead time before the start; none when that moment has passed. */
export async function scheduleReminder(db: Db, messenger: BookingMessenger, row: AppointmentRow, now = new Date()): Promise<void> {
  const runAt = reminderAt(messenger, row, now);
  if (!runAt) {
    await cancelPendingJob(db, REMINDER_JOB, row.id);
    return;
  }
  await enqueueJob(db, { kind: REMINDER_JOB, payload: { appointmentId: row.id }, runAt, dedupeKey: row.id });
}

export async function cancelReminder(db: Db, row: AppointmentRow): Promise<void> {
  await cancelPendingJob(db, REMINDER_JOB, row.id);
}

/** Booked (any channel): the confirmation and the reminder. */
export async function afterBooked(trx: Transaction<Database>, messenger: BookingMessenger, row: AppointmentRow): Promise<void> {
  await tellPerson(trx, messenger, row, 'confirmed');
  await scheduleReminder(trx, messenger, row);
}

/** Moved: the new time and the reminder moved with it. */
export async function afterMoved(trx: Transaction<Database>, messenger: BookingMessenger, row: AppointmentRow): Promise<void> {
  await tellPerson(trx, messenger, row, 'moved');
  await scheduleReminder(trx, messenger, row);
}

/** Cancelled: the cancellation (with a calendar file that removes the event) and no reminder. */
export async function afterCancelled(trx: Transaction<Database>, messenger: BookingMessenger, row: AppointmentRow): Promise<void> {
  await tellPerson(trx, messenger, row, 'cancelled');
  await cancelReminder(trx, row);
}
