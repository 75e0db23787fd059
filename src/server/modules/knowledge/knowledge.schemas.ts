import { z } from 'zod';
import { KNOWLEDGE_TOPICS, TRANSLATION_STATES } from '../../../shared/knowledge.js';
import { findContentLanguage } from '../../../shared/locales.js';
import { LocalisedText } from '../network/network.schemas.js';

export const Topic = z.enum(KNOWLEDGE_TOPICS);
export const TranslationState = z.enum(TRANSLATION_STATES);

/** A content language of src/shared/locales.ts CONTENT_LANGUAGES, normalised to its listed spelling. */
export const ContentLanguageCode = z
  .string()
  .refine((code) => findContentLanguage(code) !== undefined, 'expected a content language code such as pt, en, uk or zh-Hans')
  .transform((code) => findContentLanguage(code)!.code);

export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case words joined by -').min(3).max(80);
const Title = z.string().trim().min(1, 'must not be empty').max(200);
const Summary = z.string().trim().max(500);
const Body = z.string().max(60_000, 'expected at most 60 000 characters');

export const ArticleInput = z.object({
  slug: Slug,
  topic: Topic,
  title: Title,
  summary: Summary.default(''),
  body: Body,
  serviceIds: z.array(z.uuid()).max(20).default([]),
  requiredDocuments: z.array(z.object({ names: LocalisedText })).max(30).default([]),
});
export type ArticleInput = z.infer<typeof ArticleInput>;

export const ArticlePatch = z.object({
  slug: Slug.optional(),
  topic: Topic.optional(),
  title: Title.optional(),
  summary: Summary.optional(),
  body: Body.optional(),
  serviceIds: z.array(z.uuid()).max(20).optional(),
  requiredDocuments: z.array(z.object({ names: LocalisedText })).max(30).optional(),
});
export type ArticlePatch = z.infer<typeof ArticlePatch>;

export const TranslationStatusView = z.object({
  language: z.string(),
  state: TranslationState,
  sourceVersion: z.int().nullable(),
  machineMade: z.boolean(),
});

export const ArticleSummaryView = z.object({
  id: z.uuid(),
  slug: z.string(),
  topic: Topic,
  title: z.string(),
  publishedVersion: z.int().nullable(),
  unpublishedChanges: z.boolean(),
  updatedAt: z.string(),
  translations: z.array(TranslationStatusView),
});
export type ArticleSummaryView = z.infer<typeof ArticleSummaryView>;

export const VersionView = z.object({ version: z.int(), title: z.string(), publishedAt: z.string() });

export const ArticleDetailView = ArticleSummaryView.extend({
  sourceLanguage: z.string(),
  summary: z.string(),
  body: z.string(),
  serviceIds: z.array(z.uuid()),
  requiredDocuments: z.array(z.object({ names: z.record(z.string(), z.string()) })),
  versions: z.array(VersionView),
});
export type ArticleDetailView = z.infer<typeof ArticleDetailView>;

export const ArticleListQuery = z.object({ topic: Topic.optional() });
export const IdParams = z.object({ id: z.uuid() });
export const TranslationParams = z.object({ id: z.uuid(), language: ContentLanguageCode });
export const LanguageParams = z.object({ language: ContentLanguageCode });

export const TranslationInput = z.object({
  title: Title,
  summary: Summary.default(''),
  body: Body,
  /** The published source version this text translates (the one the translator was shown). */
  sourceVersion: z.int().min(1),
  /** Publish at once (readers get it) instead of keeping it a draft. */
  publish: z.boolean().default(false),
});
export type TranslationInput = z.infer<typeof TranslationInput>;

export const PublishTranslationInput = z.object({
  /** A person has read the text against the source: clears the machine-made mark. */
  reviewed: z.boolean().default(true),
});

const DiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

export const SourceText = z.object({ version: z.int(), title: z.string(), summary: z.string(), body: z.string() });

export const TranslationWorkView = z.object({
  articleId: z.uuid(),
  slug: z.string(),
  topic: Topic,
  language: z.string(),
  state: TranslationState,
  source: SourceText,
  translation: z
    .object({
      title: z.string(),
      summary: z.string(),
      body: z.string(),
      sourceVersion: z.int(),
      status: z.enum(['draft', 'published']),
      machineMade: z.boolean(),
      reviewedAt: z.string().nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** What changed in the source since the version the translation was made from. */
  sourceChanges: z
    .object({ fromVersion: z.int(), toVersion: z.int(), title: z.array(DiffPart), summary: z.array(DiffPart), body: z.array(DiffPart) })
    .nullable(),
  machineTranslationAvailable: z.boolean(),
});
export type TranslationWorkView = z.infer<typeof TranslationWorkView>;

export const WorkListItem = z.object({
  articleId: z.uuid(),
  slug: z.string(),
  topic: Topic,
  sourceTitle: z.string(),
  publishedVersion: z.int(),
  state: TranslationState,
  sourceVersion: z.int().nullable(),
  machineMade: z.boolean(),
});
export type WorkListItem = z.infer<typeof WorkListItem>;

export const PreviewInput = z.object({ markdown: Body });
export const PreviewView = z.object({ html: z.string() });

// ── Readers ──────────────────────────────────────────────────────────────────────────────────────

export const ReaderQuery = z.object({
  lang: ContentLanguageCode.optional(),
  /** When the reader's language has no current translation: the source (default) or English. */
  fallback: z.enum(['source', 'en']).optional(),
});
export const ReaderListQuery = ReaderQuery.extend({ topic: Topic.optional() });
export const SlugParams = z.object({ slug: Slug });
export const SearchQuery = ReaderQuery.extend({ q: z.string().trim().min(2, 'expected at least 2 characters').max(200) });

/** Why the reader sees another language than the one asked for, or a machine-made text. */
export const ReaderNote = z.enum(['missing', 'outdated', 'machine']).nullable();

export const ReaderArticleItem = z.object({
  slug: z.string(),
  topic: Topic,
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  note: ReaderNote,
});
export type ReaderArticleItem = z.infer<typeof ReaderArticleItem>;

export const ReaderArticle = ReaderArticleItem.extend({
  requestedLanguage: z.string(),
  html: z.string(),
  plainText: z.string(),
  version: z.int(),
  publishedAt: z.string(),
  services: z.array(z.object({ id: z.uuid(), name: z.string() })),
  requiredDocuments: z.array(z.string()),
  /** Languages with a current translation (and the source). */
  languages: z.array(z.string()),
});
export type ReaderArticle = z.infer<typeof ReaderArticle>;

export const ReaderTopic = z.object({ topic: Topic, articles: z.int() });

export const SearchResult = ReaderArticleItem.extend({ score: z.number() });
