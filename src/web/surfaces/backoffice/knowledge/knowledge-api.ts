import type { KnowledgeTopic, TranslationState } from '../../../../shared/knowledge.js';
import type { DiffPart } from '../../../../shared/text-diff.js';

/** Shapes of /api/v1/knowledge (docs/knowledge.md). */
export interface TranslationStatus {
  language: string;
  state: TranslationState;
  sourceVersion: number | null;
  machineMade: boolean;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  topic: KnowledgeTopic;
  title: string;
  publishedVersion: number | null;
  unpublishedChanges: boolean;
  updatedAt: string;
  translations: TranslationStatus[];
}

export interface ArticleDetail extends ArticleSummary {
  sourceLanguage: string;
  summary: string;
  body: string;
  serviceIds: string[];
  requiredDocuments: { names: Record<string, string> }[];
  versions: { version: number; title: string; publishedAt: string }[];
}

export interface WorkItem {
  articleId: string;
  slug: string;
  topic: KnowledgeTopic;
  sourceTitle: string;
  publishedVersion: number;
  state: TranslationState;
  sourceVersion: number | null;
  machineMade: boolean;
}

export interface TranslationWork {
  articleId: string;
  slug: string;
  topic: KnowledgeTopic;
  language: string;
  state: TranslationState;
  source: { version: number; title: string; summary: string; body: string };
  translation: { title: string; summary: string; body: string; sourceVersion: number; status: 'draft' | 'published'; machineMade: boolean; reviewedAt: string | null; updatedAt: string } | null;
  sourceChanges: { fromVersion: number; toVersion: number; title: DiffPart[]; summary: DiffPart[]; body: DiffPart[] } | null;
  machineTranslationAvailable: boolean;
}

export const STATE_COLOURS: Record<TranslationState, string> = { missing: 'red', outdated: 'orange', draft: 'yellow', current: 'green' };
