import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { RequestContext } from '../../http/request-context.js';
import { recordPersonalDataChange } from '../audit/audit.service.js';
import type { AlertContactInput, AlertState, AlertView } from './queue.alerts.schemas.js';
import * as repo from './queue.repo.js';

const WAITING_STATES = new Set(['pending', 'waiting', 'parked']);

/** "+351 ••• ••• 678" / "a•••@example.org": recognisable by its owner, unreadable over a shoulder. */
export function maskRecipient(channel: 'sms' | 'email', recipient: string): string {
  if (channel === 'sms') return `${recipient.slice(0, 4)} ••• ••• ${recipient.slice(-3)}`;
  const [local = '', domain = ''] = recipient.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/** The page a message links to: the ticket's virtual queue. */
export function ticketLink(publicUrl: string, code: string): string {
  return `${publicUrl}/t/${code}`;
}

/**
 * Records (or replaces) a visit's "you are next" contact with the consent given for it, in the
 * caller's transaction. The audit entry says that consent was given and by which way, never the contact.
 */
export async function saveTicketAlert(
  trx: Kysely<Database>,
  context: RequestContext,
  visit: repo.Visit,
  input: AlertContactInput,
  options: { source: 'phone' | 'reception'; now: Date; publicUrl: string },
): Promise<void> {
  const values = {
    link: ticketLink(options.publicUrl, visit.public_code),
    channel: input.channel,
    recipient: input.recipient,
    locale: input.locale ?? visit.language,
    consent_at: options.now,
    source: options.source,
    created_by: context.actor?.staffId ?? null,
  };
  await trx
    .insertInto('ticket_alerts')
    .values({ visit_id: visit.id, centre_id: visit.centre_id, local_day: visit.local_day, ...values })
    .onConflict((conflict) => conflict.column('visit_id').doUpdateSet(values))
    .execute();
  await recordPersonalDataChange(trx, context, {
    action: 'queue.alert.consent',
    resourceType: 'visit',
    resourceId: visit.id,
    centreId: visit.centre_id,
    details: { channel: input.channel, source: options.source },
  });
}

async function openVisitOfCode(db: Kysely<Database>, code: string): Promise<{ visit: repo.Visit; available: boolean; unitId: string | null }> {
  const visit = await repo.findVisitByCode(db, code);
  if (!visit) throw AppError.notFound('The ticket');
  const tickets = await repo.ticketsOfVisit(db, visit.id);
  const waiting = tickets.find((ticket) => WAITING_STATES.has(ticket.state));
  return { visit, available: visit.closed_at === null && waiting !== undefined, unitId: waiting?.unit_id ?? null };
}

async function present(db: Kysely<Database>, visitId: string, unitId: string | null): Promise<AlertView | null> {
  const row = await db.selectFrom('ticket_alerts').selectAll().where('visit_id', '=', visitId).executeTakeFirst();
  if (!row) return null;
  const policy = unitId ? await repo.policyOf(db, unitId) : null;
  return { channel: row.channel, recipient: maskRecipient(row.channel, row.recipient), consentAt: row.consent_at.toISOString(), notifyWhenAhead: policy?.notifyWhenAhead ?? 0 };
}

/** The phone page: whether a contact is left for this ticket (masked) and whether one may still be left. */
export async function alertOfCode(db: Kysely<Database>, code: string): Promise<AlertState> {
  const { visit, available, unitId } = await openVisitOfCode(db, code);
  return { alert: await present(db, visit.id, unitId), available };
}

/** The person leaves a contact on the phone page; the code printed on the ticket is the credential. */
export async function setAlertOfCode(db: Kysely<Database>, context: RequestContext, code: string, input: AlertContactInput, publicUrl: string, now = new Date()): Promise<AlertState> {
  const { visit, available, unitId } = await openVisitOfCode(db, code);
  if (!available) throw AppError.conflict('This ticket is no longer waiting: there is no turn left to tell you about');
  await db.transaction().execute((trx) => saveTicketAlert(trx, context, visit, input, { source: 'phone', now, publicUrl }));
  return { alert: await present(db, visit.id, unitId), available };
}

/** Withdrawing the consent erases the contact at once. */
export async function withdrawAlertOfCode(db: Kysely<Database>, context: RequestContext, code: string): Promise<AlertState> {
  const { visit, available } = await openVisitOfCode(db, code);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('ticket_alerts').where('visit_id', '=', visit.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return;
    await recordPersonalDataChange(trx, context, { action: 'queue.alert.withdraw', resourceType: 'visit', resourceId: visit.id, centreId: visit.centre_id });
  });
  return { alert: null, available };
}
