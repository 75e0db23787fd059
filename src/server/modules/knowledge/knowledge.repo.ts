import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, KnowledgeArticlesTable, KnowledgeArticleVersionsTable, KnowledgeTranslationsTable } from '../../db/types.js';

export type ArticleRow = Selectable<KnowledgeArticlesTable>;
export type VersionRow = Selectable<KnowledgeArticleVersionsTable>;
export type TranslationRow = Selectable<KnowledgeTranslationsTable>;

export async function findNetworkId(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db.selectFrom('networks').select('id').orderBy('created_at').executeTakeFirst();
  return row?.id;
}

export async function listArticles(db: Kysely<Database>, filter: { topic?: string; publishedOnly?: boolean }): Promise<ArticleRow[]> {
  let query = db.selectFrom('knowledge_articles').selectAll().where('archived_at', 'is', null);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.publishedOnly) query = query.where('published_version', 'is not', null);
  return query.orderBy('topic').orderBy('slug').execute();
}

export async function findArticle(db: Kysely<Database>, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('knowledge_articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The article row, locked for the rest of the transaction: publications are numbered one at a time. */
export async function lockArticle(db: Kysely<Database>, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('knowledge_articles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findPublishedArticleBySlug(db: Kysely<Database>, slug: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('knowledge_articles').selectAll().where('slug', '=', slug).where('archived_at', 'is', null).where('published_version', 'is not', null).executeTakeFirst();
}

export async function insertArticle(db: Kysely<Database>, row: Insertable<KnowledgeArticlesTable>): Promise<ArticleRow> {
  return db.insertInto('knowledge_articles').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateArticle(db: Kysely<Database>, id: string, columns: Updateable<KnowledgeArticlesTable>): Promise<ArticleRow> {
  return db
    .updateTable('knowledge_articles')
    .set({ ...columns, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listVersions(db: Kysely<Database>, articleId: string): Promise<VersionRow[]> {
  return db.selectFrom('knowledge_article_versions').selectAll().where('article_id', '=', articleId).orderBy('version', 'desc').execute();
}

export async function findVersion(db: Kysely<Database>, articleId: string, version: number): Promise<VersionRow | undefined> {
  return db.selectFrom('knowledge_article_versions').selectAll().where('article_id', '=', articleId).where('version', '=', version).executeTakeFirst();
}

/** The published versions of many articles at once (for lists). */
export async function findVersions(db: Kysely<Database>, keys: { articleId: string; version: number }[]): Promise<VersionRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('knowledge_article_versions')
    .selectAll()
    .where((eb) => eb.or(keys.map((key) => eb.and([eb('article_id', '=', key.articleId), eb('version', '=', key.version)]))))
    .execute();
}

export async function insertVersion(db: Kysely<Database>, row: { article_id: string; version: number; title: string; summary: string; body: string; published_by: string | null }): Promise<VersionRow> {
  return db.insertInto('knowledge_article_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function listTranslations(db: Kysely<Database>, filter: { articleIds?: string[]; language?: string }): Promise<TranslationRow[]> {
  let query = db.selectFrom('knowledge_translations').selectAll();
  if (filter.articleIds) {
    if (filter.articleIds.length === 0) return [];
    query = query.where('article_id', 'in', filter.articleIds);
  }
  if (filter.language) query = query.where('language', '=', filter.language);
  return query.orderBy('language').execute();
}

export async function findTranslation(db: Kysely<Database>, articleId: string, language: string): Promise<TranslationRow | undefined> {
  return db.selectFrom('knowledge_translations').selectAll().where('article_id', '=', articleId).where('language', '=', language).executeTakeFirst();
}

export interface TranslationColumns {
  title: string;
  summary: string;
  body: string;
  source_version: number;
  status: 'draft' | 'published';
  machine_made: boolean;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  published_at: Date | null;
  updated_by: string | null;
}

/** One row per article and language: the newest text replaces the previous one. */
export async function upsertTranslation(db: Kysely<Database>, id: string, articleId: string, language: string, columns: TranslationColumns): Promise<TranslationRow> {
  return db
    .insertInto('knowledge_translations')
    .values({ id, article_id: articleId, language, ...columns })
    .onConflict((oc) => oc.columns(['article_id', 'language']).doUpdateSet({ ...columns, updated_at: sql<Date>`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateTranslation(db: Kysely<Database>, id: string, columns: Partial<TranslationColumns>): Promise<TranslationRow> {
  return db
    .updateTable('knowledge_translations')
    .set({ ...columns, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
