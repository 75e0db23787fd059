import { reachOf, type Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

export type NotificationAction = 'notifications.read' | 'notifications.retry';

/** The centres whose messages the actor may see; `everywhere` also covers messages of no centre. */
export interface OutboxReach {
  everywhere: boolean;
  centreIds: string[];
}

/**
 * Who reads the outbox (recipients and texts are personal data):
 * - network-scope grants of network admins and the phone line: every message, also those of no centre
 *   (a one-time "my procedures" link);
 * - centre-scope grants (centre managers, a phone operator placed at one centre): that centre's messages.
 * Unit-scope grants give no reach: a message belongs to a centre, not to one unit. Retrying a failed
 * message takes `notifications.retry` at the same place. Lists are filtered in SQL by this reach.
 */
export function outboxReachOf(actor: Actor, action: NotificationAction): OutboxReach {
  const reach = reachOf(actor, action);
  return { everywhere: reach.everywhere, centreIds: reach.centreIds };
}

export function can(actor: Actor, action: NotificationAction, message: { centreId: string | null }): boolean {
  const reach = outboxReachOf(actor, action);
  return reach.everywhere || (message.centreId !== null && reach.centreIds.includes(message.centreId));
}

/** Somebody with no outbox anywhere gets 403 on the list. */
export function ensureHasOutbox(actor: Actor): OutboxReach {
  const reach = outboxReachOf(actor, 'notifications.read');
  if (!reach.everywhere && reach.centreIds.length === 0) throw AppError.forbidden();
  return reach;
}

/** A message outside the actor's reach is answered like one that does not exist. */
export function ensureCanRead(actor: Actor, message: { centreId: string | null }): void {
  if (!can(actor, 'notifications.read', message)) throw AppError.notFound('The message');
}

export function ensureCanRetry(actor: Actor, message: { centreId: string | null }): void {
  ensureCanRead(actor, message);
  if (!can(actor, 'notifications.retry', message)) throw AppError.forbidden();
}

/** The operations view of background jobs: network-wide `jobs.read` (network admins). */
export function ensureCanReadJobs(actor: Actor): void {
  if (!reachOf(actor, 'jobs.read').everywhere) throw AppError.forbidden();
}
