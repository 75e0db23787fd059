import type { TranslationState } from '../../../shared/knowledge.js';
import type { ArticleSummaryView } from './knowledge.schemas.js';
import type { ArticleRow, TranslationRow, VersionRow } from './knowledge.repo.js';

/** Where a translation stands: an outdated one was published from an older source version. */
export function stateOf(translation: TranslationRow | undefined, publishedVersion: number | null): TranslationState {
  if (!translation) return 'missing';
  if (translation.status === 'draft') return 'draft';
  return publishedVersion !== null && translation.source_version < publishedVersion ? 'outdated' : 'current';
}

export function presentTranslationStatus(translation: TranslationRow, publishedVersion: number | null) {
  return {
    language: translation.language,
    state: stateOf(translation, publishedVersion),
    sourceVersion: translation.source_version,
    machineMade: translation.machine_made,
  };
}

/** True when the working copy differs from the newest published version (or was never published). */
export function hasUnpublishedChanges(article: ArticleRow, latest: VersionRow | undefined): boolean {
  if (!latest) return true;
  return latest.title !== article.draft_title || latest.summary !== article.draft_summary || latest.body !== article.draft_body;
}

export function presentArticleSummary(article: ArticleRow, latest: VersionRow | undefined, translations: TranslationRow[]): ArticleSummaryView {
  return {
    id: article.id,
    slug: article.slug,
    topic: article.topic as ArticleSummaryView['topic'],
    title: article.draft_title,
    publishedVersion: article.published_version,
    unpublishedChanges: hasUnpublishedChanges(article, latest),
    updatedAt: article.updated_at.toISOString(),
    translations: translations.map((translation) => presentTranslationStatus(translation, article.published_version)),
  };
}
