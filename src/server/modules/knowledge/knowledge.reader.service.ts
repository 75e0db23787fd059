import type { Kysely } from 'kysely';
import { findContentLanguage } from '../../../shared/locales.js';
import { markdownToPlainText, renderMarkdown } from '../../../shared/markdown.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import { stateOf } from './knowledge.presenters.js';
import * as repo from './knowledge.repo.js';
import type { ReaderArticle, ReaderArticleItem } from './knowledge.schemas.js';
import { searchIndex } from './knowledge.search.js';

export interface ReaderPreference {
  lang?: string | undefined;
  fallback?: 'source' | 'en' | undefined;
}

interface ChosenText {
  language: string;
  title: string;
  summary: string;
  body: string;
  note: ReaderArticleItem['note'];
  publishedAt: Date;
  version: number;
}

const dirOf = (language: string) => findContentLanguage(language)?.dir ?? 'ltr';

/**
 * The text a reader gets: their language when its translation is current (noted when machine-made);
 * otherwise the source, or English when they prefer it and English is current, with a note saying
 * whether the translation is missing or outdated.
 */
function chooseText(article: repo.ArticleRow, source: repo.VersionRow, translations: repo.TranslationRow[], preference: ReaderPreference): ChosenText {
  const wanted = preference.lang ?? article.source_language;
  const sourceText: ChosenText = { language: article.source_language, title: source.title, summary: source.summary, body: source.body, note: null, publishedAt: source.published_at, version: source.version };
  if (wanted === article.source_language) return sourceText;
  const current = (language: string) => translations.find((row) => row.language === language && stateOf(row, article.published_version) === 'current');
  const own = current(wanted);
  if (own) return { language: wanted, title: own.title, summary: own.summary, body: own.body, note: own.machine_made ? 'machine' : null, publishedAt: own.published_at ?? own.updated_at, version: source.version };
  const mine = translations.find((row) => row.language === wanted);
  const note = mine && stateOf(mine, article.published_version) === 'outdated' ? 'outdated' : 'missing';
  const english = preference.fallback === 'en' ? current('en') : undefined;
  if (english) return { language: 'en', title: english.title, summary: english.summary, body: english.body, note, publishedAt: english.published_at ?? english.updated_at, version: source.version };
  return { ...sourceText, note };
}

async function loadTexts(db: Kysely<Database>, articles: repo.ArticleRow[]) {
  const [versions, translations] = await Promise.all([
    repo.findVersions(db, articles.map((article) => ({ articleId: article.id, version: article.published_version! }))),
    repo.listTranslations(db, { articleIds: articles.map((article) => article.id) }),
  ]);
  return (article: repo.ArticleRow) => ({
    source: versions.find((version) => version.article_id === article.id)!,
    translations: translations.filter((translation) => translation.article_id === article.id && translation.status === 'published'),
  });
}

function toItem(article: repo.ArticleRow, text: ChosenText): ReaderArticleItem {
  return { slug: article.slug, topic: article.topic as ReaderArticleItem['topic'], title: text.title, summary: text.summary, language: text.language, dir: dirOf(text.language), note: text.note };
}

export async function listTopics(db: Kysely<Database>): Promise<{ topic: ReaderArticleItem['topic']; articles: number }[]> {
  const rows = await db
    .selectFrom('knowledge_articles')
    .select(['topic', (eb) => eb.fn.countAll<string>().as('articles')])
    .where('archived_at', 'is', null)
    .where('published_version', 'is not', null)
    .groupBy('topic')
    .execute();
  return rows.map((row) => ({ topic: row.topic as ReaderArticleItem['topic'], articles: Number(row.articles) }));
}

export async function listPublished(db: Kysely<Database>, filter: { topic?: string | undefined }, preference: ReaderPreference): Promise<ReaderArticleItem[]> {
  const articles = await repo.listArticles(db, { ...(filter.topic ? { topic: filter.topic } : {}), publishedOnly: true });
  const textsOf = await loadTexts(db, articles);
  return articles.map((article) => {
    const { source, translations } = textsOf(article);
    return toItem(article, chooseText(article, source, translations, preference));
  });
}

export async function readArticle(db: Kysely<Database>, slug: string, preference: ReaderPreference): Promise<ReaderArticle> {
  const article = await repo.findPublishedArticleBySlug(db, slug);
  if (!article) throw AppError.notFound('The article');
  const { source, translations } = (await loadTexts(db, [article]))(article);
  const text = chooseText(article, source, translations, preference);
  const services = article.service_ids.length > 0 ? await db.selectFrom('services').select(['id', 'names']).where('id', 'in', article.service_ids).where('archived_at', 'is', null).execute() : [];
  const nameIn = (names: Record<string, string>) => names[text.language] ?? names[text.language.split('-')[0]!] ?? names[article.source_language] ?? Object.values(names)[0] ?? '';
  return {
    ...toItem(article, text),
    requestedLanguage: preference.lang ?? article.source_language,
    html: renderMarkdown(text.body),
    plainText: `${text.title}. ${text.summary} ${markdownToPlainText(text.body)}`.trim(),
    version: text.version,
    publishedAt: text.publishedAt.toISOString(),
    services: services.map((service) => ({ id: service.id, name: nameIn(service.names) })),
    requiredDocuments: article.required_documents.map((document) => nameIn(document.names)),
    languages: [article.source_language, ...translations.filter((row) => stateOf(row, article.published_version) === 'current').map((row) => row.language)],
  };
}

/** Search in the reader's language and in the source; each article once, in the text the reader would get. */
export async function search(db: Kysely<Database>, query: string, preference: ReaderPreference): Promise<(ReaderArticleItem & { score: number })[]> {
  const networkSource = (await db.selectFrom('knowledge_articles').select('source_language').executeTakeFirst())?.source_language ?? 'pt';
  const languages = [...new Set([preference.lang ?? networkSource, networkSource, ...(preference.fallback === 'en' ? ['en'] : [])])];
  const hits = await searchIndex(db, query, languages);
  const best = new Map<string, number>();
  for (const hit of hits) best.set(hit.articleId, Math.max(best.get(hit.articleId) ?? 0, hit.score));
  if (best.size === 0) return [];
  const articles = (await db.selectFrom('knowledge_articles').selectAll().where('id', 'in', [...best.keys()]).where('archived_at', 'is', null).where('published_version', 'is not', null).execute()) as repo.ArticleRow[];
  const textsOf = await loadTexts(db, articles);
  return articles
    .map((article) => {
      const { source, translations } = textsOf(article);
      return { ...toItem(article, chooseText(article, source, translations, preference)), score: best.get(article.id)! };
    })
    .sort((a, b) => b.score - a.score);
}
