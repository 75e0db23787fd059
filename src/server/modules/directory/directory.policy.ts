import { actorMay, type Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

/**
 * The directory is one for the whole network: importing, exporting in full and regenerating the
 * under-the-roof entries need `directory.manage` granted at network scope (content editors, network
 * administrators). Reading is public.
 */
export function mayManage(actor: Actor): boolean {
  return actorMay(actor, 'directory.manage', {});
}

export function ensureMayManage(actor: Actor): void {
  if (!mayManage(actor)) throw AppError.forbidden();
}
