import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { diffText } from '../../../shared/text-diff.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import type { MachineTranslator } from './knowledge.machine-translation.js';
import { ensureCan } from './knowledge.policy.js';
import { stateOf } from './knowledge.presenters.js';
import * as repo from './knowledge.repo.js';
import type { TranslationInput, TranslationWorkView, WorkListItem } from './knowledge.schemas.js';
import { indexText, removeFromIndex } from './knowledge.search.js';

/** Missing and outdated first (they mislead or exclude readers), then drafts, then current. */
const URGENCY = { missing: 0, outdated: 1, draft: 2, current: 3 } as const;

/** A translator's work list for one language: every published article and how its translation stands. */
export async function workList(db: Kysely<Database>, context: StaffContext, language: string): Promise<WorkListItem[]> {
  ensureCan(context.actor, 'knowledge.translate');
  const articles = await repo.listArticles(db, { publishedOnly: true });
  const others = articles.filter((article) => article.source_language !== language);
  const [translations, versions] = await Promise.all([
    repo.listTranslations(db, { articleIds: others.map((article) => article.id), language }),
    repo.findVersions(db, others.map((article) => ({ articleId: article.id, version: article.published_version! }))),
  ]);
  const items = others.map((article) => {
    const translation = translations.find((row) => row.article_id === article.id);
    return {
      articleId: article.id,
      slug: article.slug,
      topic: article.topic as WorkListItem['topic'],
      sourceTitle: versions.find((version) => version.article_id === article.id)?.title ?? article.draft_title,
      publishedVersion: article.published_version!,
      state: stateOf(translation, article.published_version),
      sourceVersion: translation?.source_version ?? null,
      machineMade: translation?.machine_made ?? false,
    };
  });
  return items.sort((a, b) => URGENCY[a.state] - URGENCY[b.state] || a.topic.localeCompare(b.topic) || a.slug.localeCompare(b.slug));
}

async function loadPublishedArticle(db: Kysely<Database>, articleId: string, language: string) {
  const article = await repo.findArticle(db, articleId);
  if (!article || article.archived_at) throw AppError.notFound('The article');
  if (article.published_version === null) throw new AppError('conflict', 'The article has no published version to translate yet');
  if (article.source_language === language) throw AppError.invalid([{ path: 'params.language', message: 'this is the language of the source' }]);
  return { article, publishedVersion: article.published_version };
}

/** Everything a translator needs on one screen: the source, their text, and what changed in the source since. */
export async function getTranslationWork(db: Kysely<Database>, context: StaffContext, articleId: string, language: string, machineTranslationAvailable: boolean): Promise<TranslationWorkView> {
  ensureCan(context.actor, 'knowledge.translate');
  const { article, publishedVersion } = await loadPublishedArticle(db, articleId, language);
  const [source, translation] = await Promise.all([repo.findVersion(db, articleId, publishedVersion), repo.findTranslation(db, articleId, language)]);
  if (!source) throw AppError.notFound('The published version');
  let sourceChanges: TranslationWorkView['sourceChanges'] = null;
  if (translation && translation.source_version < publishedVersion) {
    const before = await repo.findVersion(db, articleId, translation.source_version);
    if (before) {
      sourceChanges = {
        fromVersion: before.version,
        toVersion: source.version,
        title: diffText(before.title, source.title),
        summary: diffText(before.summary, source.summary),
        body: diffText(before.body, source.body),
      };
    }
  }
  return {
    articleId,
    slug: article.slug,
    topic: article.topic as TranslationWorkView['topic'],
    language,
    state: stateOf(translation, publishedVersion),
    source: { version: source.version, title: source.title, summary: source.summary, body: source.body },
    translation: translation
      ? {
          title: translation.title,
          summary: translation.summary,
          body: translation.body,
          sourceVersion: translation.source_version,
          status: translation.status,
          machineMade: translation.machine_made,
          reviewedAt: translation.reviewed_at?.toISOString() ?? null,
          updatedAt: translation.updated_at.toISOString(),
        }
      : null,
    sourceChanges,
    machineTranslationAvailable,
  };
}

/**
 * A person saves a translation. Saving as a draft takes it off the public pages until it is
 * published again (readers then get the source with a note): a half-edited text is never shown.
 */
export async function saveTranslation(db: Kysely<Database>, context: StaffContext, articleId: string, language: string, input: TranslationInput): Promise<void> {
  ensureCan(context.actor, 'knowledge.translate');
  const { publishedVersion } = await loadPublishedArticle(db, articleId, language);
  if (input.sourceVersion > publishedVersion || !(await repo.findVersion(db, articleId, input.sourceVersion))) {
    throw AppError.invalid([{ path: 'body.sourceVersion', message: `expected a published version of the source (1 to ${publishedVersion})` }]);
  }
  await db.transaction().execute(async (trx) => {
    const previous = await repo.findTranslation(trx, articleId, language);
    const now = new Date();
    await repo.upsertTranslation(trx, previous?.id ?? uuidv7(), articleId, language, {
      title: input.title,
      summary: input.summary,
      body: input.body,
      source_version: input.sourceVersion,
      status: input.publish ? 'published' : 'draft',
      // A person wrote or went through this text: publishing it is their review.
      machine_made: input.publish ? false : (previous?.machine_made ?? false),
      reviewed_by: input.publish ? context.actor.staffId : (previous?.reviewed_by ?? null),
      reviewed_at: input.publish ? now : (previous?.reviewed_at ?? null),
      published_at: input.publish ? now : null,
      updated_by: context.actor.staffId,
    });
    if (input.publish) await indexText(trx, { articleId, language, title: input.title, summary: input.summary, body: input.body });
    else await removeFromIndex(trx, articleId, language);
    await recordAudit(trx, context, { action: input.publish ? 'knowledge.translation.publish' : 'knowledge.translation.save', resourceType: 'knowledge_article', resourceId: articleId, details: { language, sourceVersion: input.sourceVersion } });
  });
}

/**
 * Publishes the saved text. `reviewed` (the default) records that a person checked it and clears the
 * machine-made mark; an unreviewed machine text can be published and readers are told so.
 */
export async function publishTranslation(db: Kysely<Database>, context: StaffContext, articleId: string, language: string, reviewed: boolean): Promise<void> {
  ensureCan(context.actor, 'knowledge.translate');
  await loadPublishedArticle(db, articleId, language);
  await db.transaction().execute(async (trx) => {
    const translation = await repo.findTranslation(trx, articleId, language);
    if (!translation) throw AppError.notFound('The translation');
    const now = new Date();
    await repo.updateTranslation(trx, translation.id, {
      status: 'published',
      published_at: now,
      ...(reviewed ? { machine_made: false, reviewed_by: context.actor.staffId, reviewed_at: now } : {}),
      updated_by: context.actor.staffId,
    });
    await indexText(trx, { articleId, language, title: translation.title, summary: translation.summary, body: translation.body });
    await recordAudit(trx, context, { action: reviewed ? 'knowledge.translation.review' : 'knowledge.translation.publish', resourceType: 'knowledge_article', resourceId: articleId, details: { language, sourceVersion: translation.source_version } });
  });
}

/** Asks the configured provider for a draft of the newest source version; it stays marked machine-made. */
export async function machineTranslate(db: Kysely<Database>, context: StaffContext, articleId: string, language: string, translator: MachineTranslator | undefined): Promise<void> {
  ensureCan(context.actor, 'knowledge.translate');
  if (!translator) throw new AppError('unavailable', 'No machine translation service is configured');
  const { article, publishedVersion } = await loadPublishedArticle(db, articleId, language);
  const source = await repo.findVersion(db, articleId, publishedVersion);
  if (!source) throw AppError.notFound('The published version');
  // The provider is called outside the transaction: a slow answer must not hold locks.
  const [title, summary, body] = await translator.translate([source.title, source.summary, source.body], article.source_language, language);
  await db.transaction().execute(async (trx) => {
    const previous = await repo.findTranslation(trx, articleId, language);
    await repo.upsertTranslation(trx, previous?.id ?? uuidv7(), articleId, language, {
      title: title || source.title,
      summary: summary ?? '',
      body: body ?? '',
      source_version: publishedVersion,
      status: 'draft',
      machine_made: true,
      reviewed_by: null,
      reviewed_at: null,
      published_at: null,
      updated_by: context.actor.staffId,
    });
    await removeFromIndex(trx, articleId, language);
    await recordAudit(trx, context, { action: 'knowledge.translation.machine', resourceType: 'knowledge_article', resourceId: articleId, details: { language, sourceVersion: publishedVersion } });
  });
}
