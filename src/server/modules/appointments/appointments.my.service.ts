import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { requestNotification } from '../../notifications/notifications.request.js';
import { recordAudit, recordPersonalDataRead } from '../audit/audit.service.js';
import { phoneKey as e164 } from '../people/people.keys.js';
import { peopleWithContact } from '../people/people.lookup.service.js';
import { todaysTicketsOf } from '../queue/queue.person-visits.service.js';
import { listPersonVisibleProcedures } from '../casefile/casefile.procedures.service.js';
import { clientAddressHash, contactHash } from './appointments.address.js';
import { phoneKeyVariants } from './appointments.contact-keys.js';
import { openBooking } from './appointments.link.service.js';
import type { AccessLinkAnswer, AccessLinkInput, MyProcedures, Redeemed } from './appointments.my.schemas.js';
import * as phoneRepo from './appointments.phone.repo.js';
import type { SecretInput } from './appointments.schemas.js';
import { bookingSecret, emailKey, phoneKey } from './appointments.secrets.js';

/**
 * "My procedures": a person sees their bookings, today's tickets and (once the case file exists)
 * their procedures — with a booking's reference and secret, or through a one-time link sent to a
 * contact they gave. Nothing here tells whether a contact or reference exists.
 */

export const ACCESS_LINK_MINUTES = 15;
export const ACCESS_SESSION_MINUTES = 30;
/** Requests per window; a request over the limit is refused (429) and not counted. */
export const ACCESS_LIMITS = {
  linkPerAddress: { max: 5, minutes: 15 },
  linkPerContact: { max: 3, minutes: 60 },
  referencePerAddress: { max: 30, minutes: 15 },
} as const;
/** Bookings older than this are no longer shown. */
const HISTORY_DAYS = 30;
export const ACCESS_LINK_TEMPLATE = 'portal.access_link';

type Db = Kysely<Database> | Transaction<Database>;
type ContactKind = 'email' | 'phone';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** What the person typed, as a contact: an e-mail when it has an @, a phone number otherwise. */
export function parseContact(typed: string): { kind: ContactKind; key: string; recipient: string } {
  const text = typed.trim();
  if (text.includes('@')) {
    if (!z.email().safeParse(text).success) throw AppError.invalid([{ path: 'contact', message: 'expected an e-mail address or a phone number' }]);
    return { kind: 'email', key: emailKey(text)!, recipient: text };
  }
  const key = /^\+?[\d\s().-]{6,30}$/.test(text) ? phoneKey(text) : null;
  if (!key) throw AppError.invalid([{ path: 'contact', message: 'expected an e-mail address or a phone number' }]);
  return { kind: 'phone', key, recipient: e164(text) };
}

async function enforceLimit(trx: Transaction<Database>, column: 'address_hash' | 'contact_hash', value: string, kind: 'link' | 'reference', limit: { max: number; minutes: number }, now: Date): Promise<void> {
  const since = new Date(now.getTime() - limit.minutes * 60_000);
  const row = await trx
    .selectFrom('portal_access_requests')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(created_at)`.as('oldest')])
    .where(column, '=', value)
    .where('kind', '=', kind)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (row.n < limit.max) return;
  const oldest = row.oldest ? new Date(row.oldest) : now;
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + limit.minutes * 60_000 - now.getTime()) / 1000));
  throw new AppError('rate_limited', 'Too many requests; please wait a little and try again', { retryAfterSeconds });
}

/** Counts one request against the limits (serialised per address, so parallel requests cannot slip through). */
async function countRequest(trx: Transaction<Database>, kind: 'link' | 'reference', addressHash: string, contactHashValue: string | null, now: Date): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`my-access:${addressHash}`}))`.execute(trx);
  if (contactHashValue) await sql`SELECT pg_advisory_xact_lock(hashtext(${`my-access-contact:${contactHashValue}`}))`.execute(trx);
  if (kind === 'link') {
    await enforceLimit(trx, 'address_hash', addressHash, 'link', ACCESS_LIMITS.linkPerAddress, now);
    await enforceLimit(trx, 'contact_hash', contactHashValue!, 'link', ACCESS_LIMITS.linkPerContact, now);
  } else {
    await enforceLimit(trx, 'address_hash', addressHash, 'reference', ACCESS_LIMITS.referencePerAddress, now);
  }
  await trx.insertInto('portal_access_requests').values({ id: uuidv7(), kind, address_hash: addressHash, contact_hash: contactHashValue ?? '-', created_at: now }).execute();
}

function keysOf(contact: { kind: ContactKind; key: string }) {
  return contact.kind === 'email' ? { emailKeys: [contact.key], phoneKeys: [] } : { emailKeys: [], phoneKeys: phoneKeyVariants(contact.key) };
}

/**
 * Sends a one-time link to the contact when it belongs to a booking or a registered person. The
 * answer and the work done are the same either way (a token row is written in both cases, and only
 * sent when the contact matched), so the answer tells nothing about who is known.
 */
export async function requestAccessLink(db: Kysely<Database>, context: RequestContext, masterKey: Buffer, publicUrl: string, input: AccessLinkInput, now = new Date()): Promise<AccessLinkAnswer> {
  const contact = parseContact(input.contact);
  const addressHash = clientAddressHash(masterKey, context.ip);
  const contactHashValue = contactHash(masterKey, `${contact.kind}:${contact.key}`);
  await db.transaction().execute(async (trx) => {
    await countRequest(trx, 'link', addressHash, contactHashValue, now);
    const personIds = await peopleWithContact(trx, contact.kind, contact.recipient);
    const bookings = await phoneRepo.findBookingsOf(trx, { personIds, ...keysOf(contact) }, { limit: 1 });
    const matched = personIds.length > 0 || bookings.length > 0;
    const token = newToken();
    await trx.insertInto('portal_access_tokens').values({ id: uuidv7(), token_hash: tokenHash(token), purpose: 'link', contact_kind: contact.kind, contact_key: contact.key, expires_at: new Date(now.getTime() + ACCESS_LINK_MINUTES * 60_000) }).execute();
    if (matched) {
      await requestNotification(trx, {
        channel: contact.kind === 'email' ? 'email' : 'sms',
        recipient: contact.recipient,
        locale: input.locale,
        template: ACCESS_LINK_TEMPLATE,
        params: { link: `${publicUrl}/my#token=${token}`, minutes: ACCESS_LINK_MINUTES },
      });
    }
    // The journal notes that a link was asked for and whether it went out, never the contact.
    await recordAudit(trx, context, { action: 'my_procedures.link_requested', resourceType: 'access_link', details: { sent: matched, channel: contact.kind } });
  });
  return { message: 'If this contact is known to us, a link to your procedures is on its way', minutes: ACCESS_LINK_MINUTES };
}

const linkGone = () => AppError.notFound('This link has expired or was already used; a link');

/** Exchanges a one-time link for a short session (the link works once), and answers with the view. */
export async function redeemAccessLink(db: Kysely<Database>, context: RequestContext, masterKey: Buffer, token: string, locale = 'pt', now = new Date()): Promise<Redeemed> {
  const session = newToken();
  const expiresAt = new Date(now.getTime() + ACCESS_SESSION_MINUTES * 60_000);
  const contact = await db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('portal_access_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash(token))
      .where('purpose', '=', 'link')
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['contact_kind', 'contact_key'])
      .executeTakeFirst();
    if (!used) return undefined;
    await trx.insertInto('portal_access_tokens').values({ id: uuidv7(), token_hash: tokenHash(session), purpose: 'session', contact_kind: used.contact_kind, contact_key: used.contact_key, expires_at: expiresAt }).execute();
    return { kind: used.contact_kind, key: used.contact_key };
  });
  if (!contact) throw linkGone();
  return { session, expiresAt: expiresAt.toISOString(), view: await viewByContact(db, context, masterKey, contact, expiresAt, locale, now) };
}

/** The view again while the session lasts (the page reloads, the place in line moves). */
export async function viewBySession(db: Kysely<Database>, context: RequestContext, masterKey: Buffer, session: string, locale = 'pt', now = new Date()): Promise<MyProcedures> {
  const row = await db.selectFrom('portal_access_tokens').select(['contact_kind', 'contact_key', 'expires_at']).where('token_hash', '=', tokenHash(session)).where('purpose', '=', 'session').where('expires_at', '>', now).executeTakeFirst();
  if (!row) throw linkGone();
  return viewByContact(db, context, masterKey, { kind: row.contact_kind, key: row.contact_key }, row.expires_at, locale, now);
}

async function viewByContact(db: Kysely<Database>, context: RequestContext, masterKey: Buffer, contact: { kind: ContactKind; key: string }, expiresAt: Date, locale: string, now: Date): Promise<MyProcedures> {
  const personIds = await peopleWithContact(db, contact.kind, contact.key);
  const rows = await phoneRepo.findBookingsOf(db, { personIds, ...keysOf(contact) }, { since: new Date(now.getTime() - HISTORY_DAYS * 86_400_000), limit: 50 });
  return present(db, context, masterKey, rows, personIds, 'contact', expiresAt, locale, now);
}

/** The booking a reference and its secret open (the same 404 for any mismatch), with its ticket of today. */
export async function viewByReference(db: Kysely<Database>, context: RequestContext, masterKey: Buffer, input: SecretInput & { locale?: string }, now = new Date()): Promise<MyProcedures> {
  const addressHash = clientAddressHash(masterKey, context.ip);
  await db.transaction().execute((trx) => countRequest(trx, 'reference', addressHash, null, now));
  const booking = await openBooking(db, input);
  const rows = await phoneRepo.findWithUnit(db, [booking.id]);
  return present(db, context, masterKey, rows, [], 'reference', null, input.locale ?? 'pt', now);
}

async function present(db: Kysely<Database>, context: RequestContext, masterKey: Buffer, rows: phoneRepo.BookingWithPlace[], personIds: string[], access: 'reference' | 'contact', expiresAt: Date | null, locale: string, now: Date): Promise<MyProcedures> {
  const visitIds = rows.map((row) => row.visit_id).filter((id): id is string => id !== null);
  const tickets = await todaysTicketsOf(db, context, { personIds, visitIds }, now);
  // The case file's procedures of whoever the bookings belong to (staff linked them to a registered
  // person) and of the people registered with the contact: person-visible labels only, never notes.
  const owners = [...new Set([...personIds, ...rows.map((row) => row.person_id).filter((id): id is string => id !== null)])];
  const procedures = (await Promise.all(owners.map((personId) => listPersonVisibleProcedures(db, personId, locale)))).flat();
  await db.transaction().execute(async (trx) => {
    for (const row of rows) await recordPersonalDataRead(trx, context, { action: 'my_procedures.view', resourceType: 'appointment', resourceId: row.id, centreId: row.centre_id, details: { access } });
    for (const personId of owners) await recordPersonalDataRead(trx, context, { action: 'my_procedures.view', resourceType: 'person', resourceId: personId, details: { access, tickets: tickets.length, procedures: procedures.length } });
  });
  return {
    bookings: rows
      .sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())
      .map((row) => ({
        reference: row.reference,
        // Bookings loaded without the server's key (demo data) have no link; they are shown, not managed.
        secret: row.token_hash ? bookingSecret(masterKey, row.id) : null,
        state: row.state,
        serviceNames: row.service_names,
        centreName: row.centre_name,
        timeZone: row.time_zone,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
      })),
    tickets,
    procedures: procedures.map((one) => ({ id: one.id, serviceName: one.service.name, status: one.status, openedAt: one.openedAt, updatedAt: one.updatedAt, steps: one.steps })),
    access,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

/** Used links, ended sessions and counted requests older than a day are dropped (stale-holds task). */
export async function purgeAccessRecords(db: Db, now: Date): Promise<{ tokens: number; requests: number }> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const tokens = await db.deleteFrom('portal_access_tokens').where('expires_at', '<', dayAgo).executeTakeFirst();
  const requests = await db.deleteFrom('portal_access_requests').where('created_at', '<', dayAgo).executeTakeFirst();
  return { tokens: Number(tokens.numDeletedRows), requests: Number(requests.numDeletedRows) };
}
