import { actorMay, type Actor } from '../../access/actor.js';
import { AppError } from '../../http/errors.js';

export type KnowledgeAction = 'knowledge.edit' | 'knowledge.translate';

/**
 * Articles belong to the whole network (every centre and the portal show the same information), so
 * only grants at network scope count: a content editor of one centre does not rewrite the national text.
 * - knowledge.edit: write the host-language source and publish it (content editors);
 * - knowledge.translate: read the work list, write and publish translations (translators, editors).
 * Reading articles needs no permission (they are public once published); drafts need one of the two.
 */
export function can(actor: Actor, action: KnowledgeAction): boolean {
  return actorMay(actor, action, {});
}

export function mayReadDrafts(actor: Actor): boolean {
  return can(actor, 'knowledge.edit') || can(actor, 'knowledge.translate');
}

export function ensureCan(actor: Actor, action: KnowledgeAction): void {
  if (!can(actor, action)) throw AppError.forbidden();
}

export function ensureMayReadDrafts(actor: Actor): void {
  if (!mayReadDrafts(actor)) throw AppError.forbidden();
}
