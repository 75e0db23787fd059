import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { renderMarkdown } from '../../../shared/markdown.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { ensureCan, ensureMayReadDrafts } from './knowledge.policy.js';
import { hasUnpublishedChanges, presentArticleSummary } from './knowledge.presenters.js';
import * as repo from './knowledge.repo.js';
import type { ArticleDetailView, ArticleInput, ArticlePatch, ArticleSummaryView } from './knowledge.schemas.js';
import { indexText } from './knowledge.search.js';

const SLUG_TAKEN = { path: 'body.slug', message: 'another article already has this address' };

/** The editor's list: every live article with its translation states. */
export async function listArticles(db: Kysely<Database>, context: StaffContext, filter: { topic?: string }): Promise<ArticleSummaryView[]> {
  ensureMayReadDrafts(context.actor);
  const articles = await repo.listArticles(db, filter);
  const [translations, latest] = await Promise.all([
    repo.listTranslations(db, { articleIds: articles.map((article) => article.id) }),
    repo.findVersions(db, articles.flatMap((article) => (article.published_version ? [{ articleId: article.id, version: article.published_version }] : []))),
  ]);
  return articles.map((article) =>
    presentArticleSummary(
      article,
      latest.find((version) => version.article_id === article.id),
      translations.filter((translation) => translation.article_id === article.id),
    ),
  );
}

export async function getArticle(db: Kysely<Database>, context: StaffContext, articleId: string): Promise<ArticleDetailView> {
  ensureMayReadDrafts(context.actor);
  return loadDetail(db, articleId);
}

async function loadDetail(db: Kysely<Database>, articleId: string): Promise<ArticleDetailView> {
  const article = await repo.findArticle(db, articleId);
  if (!article || article.archived_at) throw AppError.notFound('The article');
  const [versions, translations] = await Promise.all([repo.listVersions(db, articleId), repo.listTranslations(db, { articleIds: [articleId] })]);
  return {
    ...presentArticleSummary(article, versions[0], translations),
    sourceLanguage: article.source_language,
    summary: article.draft_summary,
    body: article.draft_body,
    serviceIds: article.service_ids,
    requiredDocuments: article.required_documents,
    versions: versions.map((version) => ({ version: version.version, title: version.title, publishedAt: version.published_at.toISOString() })),
  };
}

async function ensureServicesExist(db: Kysely<Database>, serviceIds: string[]): Promise<void> {
  if (serviceIds.length === 0) return;
  const found = await db.selectFrom('services').select('id').where('id', 'in', serviceIds).execute();
  const known = new Set(found.map((row) => row.id));
  const fields = serviceIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: `body.serviceIds.${index}`, message: 'no such service' }]));
  if (fields.length > 0) throw AppError.invalid(fields);
}

function ensureHostLanguageNames(documents: { names: Record<string, string> }[], hostLanguage: string): void {
  const fields = documents.flatMap((document, index) => (document.names[hostLanguage] ? [] : [{ path: `body.requiredDocuments.${index}.names.${hostLanguage}`, message: 'the host language name is required' }]));
  if (fields.length > 0) throw AppError.invalid(fields);
}

/** A unique violation on the slug becomes a 409 on that field; the transaction has rolled back. */
async function withUniqueSlug<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'knowledge_articles_network_id_slug_key') throw new AppError('already_exists', 'Another article has this address', { fields: [SLUG_TAKEN] });
    throw error;
  }
}

export async function createArticle(db: Kysely<Database>, context: StaffContext, input: ArticleInput, hostLanguage: string): Promise<ArticleDetailView> {
  ensureCan(context.actor, 'knowledge.edit');
  const networkId = await repo.findNetworkId(db);
  if (!networkId) throw AppError.notFound('The network');
  await ensureServicesExist(db, input.serviceIds);
  ensureHostLanguageNames(input.requiredDocuments, hostLanguage);
  const id = uuidv7();
  await withUniqueSlug(() =>
    db.transaction().execute(async (trx) => {
      await repo.insertArticle(trx, {
        id,
        network_id: networkId,
        slug: input.slug,
        topic: input.topic,
        source_language: hostLanguage,
        draft_title: input.title,
        draft_summary: input.summary,
        draft_body: input.body,
        service_ids: input.serviceIds,
        required_documents: JSON.stringify(input.requiredDocuments),
        published_version: null,
        archived_at: null,
        updated_by: context.actor.staffId,
      });
      await recordAudit(trx, context, { action: 'knowledge.article.create', resourceType: 'knowledge_article', resourceId: id, details: { slug: input.slug, topic: input.topic } });
    }),
  );
  return loadDetail(db, id);
}

export async function updateArticle(db: Kysely<Database>, context: StaffContext, articleId: string, patch: ArticlePatch, hostLanguage: string): Promise<ArticleDetailView> {
  ensureCan(context.actor, 'knowledge.edit');
  const article = await repo.findArticle(db, articleId);
  if (!article || article.archived_at) throw AppError.notFound('The article');
  if (patch.serviceIds) await ensureServicesExist(db, patch.serviceIds);
  if (patch.requiredDocuments) ensureHostLanguageNames(patch.requiredDocuments, hostLanguage);
  await withUniqueSlug(() =>
    db.transaction().execute(async (trx) => {
      await repo.updateArticle(trx, articleId, {
        ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
        ...(patch.topic !== undefined ? { topic: patch.topic } : {}),
        ...(patch.title !== undefined ? { draft_title: patch.title } : {}),
        ...(patch.summary !== undefined ? { draft_summary: patch.summary } : {}),
        ...(patch.body !== undefined ? { draft_body: patch.body } : {}),
        ...(patch.serviceIds !== undefined ? { service_ids: patch.serviceIds } : {}),
        ...(patch.requiredDocuments !== undefined ? { required_documents: JSON.stringify(patch.requiredDocuments) } : {}),
        updated_by: context.actor.staffId,
      });
      await recordAudit(trx, context, { action: 'knowledge.article.update', resourceType: 'knowledge_article', resourceId: articleId, details: { fields: Object.keys(patch) } });
    }),
  );
  return loadDetail(db, articleId);
}

/**
 * Publishes the working copy as the next numbered version. Publishing an unchanged text is refused
 * (409): a new version number is what makes published translations outdated, so it must mean a change.
 */
export async function publishArticle(db: Kysely<Database>, context: StaffContext, articleId: string): Promise<ArticleDetailView> {
  ensureCan(context.actor, 'knowledge.edit');
  await db.transaction().execute(async (trx) => {
    const article = await repo.lockArticle(trx, articleId);
    if (!article || article.archived_at) throw AppError.notFound('The article');
    const latest = article.published_version ? await repo.findVersion(trx, articleId, article.published_version) : undefined;
    if (!hasUnpublishedChanges(article, latest)) throw new AppError('conflict', `Nothing changed since version ${article.published_version}`);
    const version = (article.published_version ?? 0) + 1;
    await repo.insertVersion(trx, { article_id: articleId, version, title: article.draft_title, summary: article.draft_summary, body: article.draft_body, published_by: context.actor.staffId });
    await repo.updateArticle(trx, articleId, { published_version: version });
    await indexText(trx, { articleId, language: article.source_language, title: article.draft_title, summary: article.draft_summary, body: article.draft_body });
    await recordAudit(trx, context, { action: 'knowledge.article.publish', resourceType: 'knowledge_article', resourceId: articleId, details: { version } });
  });
  return loadDetail(db, articleId);
}

/** Archived articles leave the public pages and search; their versions and translations stay. */
export async function archiveArticle(db: Kysely<Database>, context: StaffContext, articleId: string): Promise<void> {
  ensureCan(context.actor, 'knowledge.edit');
  await db.transaction().execute(async (trx) => {
    const article = await repo.lockArticle(trx, articleId);
    if (!article || article.archived_at) throw AppError.notFound('The article');
    await repo.updateArticle(trx, articleId, { archived_at: new Date(), updated_by: context.actor.staffId });
    await trx.deleteFrom('knowledge_search').where('article_id', '=', articleId).execute();
    await recordAudit(trx, context, { action: 'knowledge.article.archive', resourceType: 'knowledge_article', resourceId: articleId });
  });
}

export function previewMarkdown(context: StaffContext, markdown: string): { html: string } {
  ensureMayReadDrafts(context.actor);
  return { html: renderMarkdown(markdown) };
}
