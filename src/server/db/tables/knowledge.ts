import type { ColumnType, Generated } from 'kysely';
import type { DefaultedTimestamp, LocalisedText, Timestamp } from './columns.js';

export interface KnowledgeArticlesTable {
  id: string;
  network_id: string;
  slug: string;
  topic: string;
  source_language: string;
  draft_title: string;
  draft_summary: Generated<string>;
  draft_body: string;
  service_ids: Generated<string[]>;
  /** Documents to bring: names per language, the host language required. */
  required_documents: ColumnType<{ names: LocalisedText }[], string | undefined, string>;
  published_version: number | null;
  archived_at: Timestamp | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  updated_by: string | null;
}

export interface KnowledgeArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  summary: Generated<string>;
  body: string;
  published_at: DefaultedTimestamp;
  published_by: string | null;
}

export interface KnowledgeTranslationsTable {
  id: string;
  article_id: string;
  language: string;
  title: string;
  summary: Generated<string>;
  body: string;
  source_version: number;
  status: 'draft' | 'published';
  machine_made: Generated<boolean>;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  published_at: Timestamp | null;
  updated_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface KnowledgeSearchTable {
  article_id: string;
  language: string;
  title: string;
  search_vector: string;
  words_key: string;
  title_key: string;
}
