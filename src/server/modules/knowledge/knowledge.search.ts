import anyAscii from 'any-ascii';
import { sql, type Kysely } from 'kysely';
import { findContentLanguage } from '../../../shared/locales.js';
import { markdownToPlainText } from '../../../shared/markdown.js';
import type { Database } from '../../db/types.js';

/**
 * The search index of published texts (table knowledge_search): PostgreSQL text search with the
 * language's configuration over unaccented words, plus trigram matching of the same words in plain
 * Latin letters so that a typo ("residensia", "dozvil") still finds the article.
 */

/** The language's text search configuration when this database has it, 'simple' otherwise. */
function configOf(language: string) {
  const wanted = findContentLanguage(language)?.searchConfig ?? 'simple';
  return sql`coalesce((select oid::regconfig from pg_ts_config where cfgname = ${wanted}), 'simple'::regconfig)`;
}

/** Any script to lower-case Latin letters and digits, one space between words. */
export function latinKey(text: string): string {
  return anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface IndexedText {
  articleId: string;
  language: string;
  title: string;
  summary: string;
  body: string;
}

export async function indexText(db: Kysely<Database>, text: IndexedText): Promise<void> {
  const plain = markdownToPlainText(text.body);
  const config = configOf(text.language);
  const vector = sql<string>`setweight(to_tsvector(${config}, unaccent(${text.title})), 'A') || setweight(to_tsvector(${config}, unaccent(${text.summary})), 'B') || setweight(to_tsvector(${config}, unaccent(${plain})), 'C')`;
  const row = {
    article_id: text.articleId,
    language: text.language,
    title: text.title,
    search_vector: vector,
    words_key: latinKey(`${text.title} ${text.summary} ${plain}`),
    title_key: latinKey(text.title),
  };
  await db
    .insertInto('knowledge_search')
    .values(row)
    .onConflict((oc) => oc.columns(['article_id', 'language']).doUpdateSet({ title: row.title, search_vector: vector, words_key: row.words_key, title_key: row.title_key }))
    .execute();
}

export async function removeFromIndex(db: Kysely<Database>, articleId: string, language: string): Promise<void> {
  await db.deleteFrom('knowledge_search').where('article_id', '=', articleId).where('language', '=', language).execute();
}

export interface SearchHit {
  articleId: string;
  language: string;
  score: number;
}

/**
 * Articles matching the query in the given languages (the reader's and the source), best first,
 * one hit per article and language. A word match by text search ranks above a typo match.
 */
export async function searchIndex(db: Kysely<Database>, query: string, languages: string[], limit = 20): Promise<SearchHit[]> {
  const key = latinKey(query);
  if (key === '' && query.trim() === '') return [];
  const matchesPerLanguage = languages.map((language) => {
    const tsquery = sql`websearch_to_tsquery(${configOf(language)}, unaccent(${query}))`;
    return sql<{ article_id: string; language: string; score: number }>`
      select article_id, language,
        (case when search_vector @@ ${tsquery} then 1 + ts_rank(search_vector, ${tsquery}) else 0 end)
          + greatest(similarity(${key}, title_key), word_similarity(${key}, words_key)) as score
      from knowledge_search
      where language = ${language}
        and (search_vector @@ ${tsquery} or (${key} <> '' and (title_key % ${key} or word_similarity(${key}, words_key) >= 0.5)))`;
  });
  const union = sql.join(matchesPerLanguage, sql` union all `);
  const result = await sql<{ article_id: string; language: string; score: number }>`select * from (${union}) as hits order by score desc limit ${limit}`.execute(db);
  return result.rows.map((row) => ({ articleId: row.article_id, language: row.language, score: Number(row.score) }));
}
