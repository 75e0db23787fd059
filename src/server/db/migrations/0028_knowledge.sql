-- The knowledge base (docs/knowledge.md): articles written in the host language, published in
-- numbered versions, and translated per language. A translation remembers the source version it was
-- made from; it is outdated when the article has a newer published version.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE knowledge_articles (
  id uuid PRIMARY KEY,
  network_id uuid NOT NULL REFERENCES networks(id),
  -- The address readers see: /info/<slug>.
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  topic text NOT NULL CHECK (topic IN ('residence', 'work', 'health', 'education', 'family_reunification', 'nationality',
    'housing', 'social_support', 'rights_discrimination', 'language_courses', 'victims_support', 'voluntary_return')),
  source_language text NOT NULL,
  -- The working copy of the source; publishing copies it into knowledge_article_versions.
  draft_title text NOT NULL,
  draft_summary text NOT NULL DEFAULT '',
  draft_body text NOT NULL,
  -- Network services this article explains (services.id), and documents to bring (names per language).
  service_ids uuid[] NOT NULL DEFAULT '{}',
  required_documents jsonb NOT NULL DEFAULT '[]',
  -- The newest published version; null until the first publication.
  published_version integer,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES staff(id),
  UNIQUE (network_id, slug)
);
CREATE INDEX knowledge_articles_topic_idx ON knowledge_articles (topic) WHERE archived_at IS NULL;

CREATE TABLE knowledge_article_versions (
  article_id uuid NOT NULL REFERENCES knowledge_articles(id),
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  body text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES staff(id),
  PRIMARY KEY (article_id, version)
);

CREATE TABLE knowledge_translations (
  id uuid PRIMARY KEY,
  article_id uuid NOT NULL REFERENCES knowledge_articles(id),
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z]{2,4})?$'),
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  body text NOT NULL,
  -- The published source version this text translates.
  source_version integer NOT NULL CHECK (source_version >= 1),
  -- draft: being written; published: readers get it (as current, or with a note once outdated).
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  -- Made by the machine translation provider and not yet reviewed by a person.
  machine_made boolean NOT NULL DEFAULT false,
  reviewed_by uuid REFERENCES staff(id),
  reviewed_at timestamptz,
  published_at timestamptz,
  updated_by uuid REFERENCES staff(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (article_id, language)
);

-- What readers search: one row per published article and language (the source and each published
-- translation). The vector uses the language's text search configuration when the database has one
-- ('simple' otherwise) over unaccented text; `words_key` is the text in plain Latin letters
-- (any-ascii, computed by the server) for typo-tolerant trigram matching in every script.
CREATE TABLE knowledge_search (
  article_id uuid NOT NULL REFERENCES knowledge_articles(id),
  language text NOT NULL,
  title text NOT NULL,
  search_vector tsvector NOT NULL,
  words_key text NOT NULL,
  title_key text NOT NULL,
  PRIMARY KEY (article_id, language)
);
CREATE INDEX knowledge_search_vector_idx ON knowledge_search USING gin (search_vector);
CREATE INDEX knowledge_search_words_trgm_idx ON knowledge_search USING gin (words_key gin_trgm_ops);
CREATE INDEX knowledge_search_title_trgm_idx ON knowledge_search USING gin (title_key gin_trgm_ops);
