/** Topics of the knowledge base, in the order readers see them. */
export const KNOWLEDGE_TOPICS = [
  'residence',
  'work',
  'health',
  'education',
  'family_reunification',
  'nationality',
  'housing',
  'social_support',
  'rights_discrimination',
  'language_courses',
  'victims_support',
  'voluntary_return',
] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];

/**
 * How a translation stands against the source: missing (none), draft (being written), current
 * (published from the newest source version), outdated (published from an older source version).
 */
export const TRANSLATION_STATES = ['missing', 'draft', 'current', 'outdated'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];
