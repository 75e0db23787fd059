import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { machineTranslatorFrom } from './knowledge.machine-translation.js';
import * as reader from './knowledge.reader.service.js';
import {
  ArticleDetailView,
  ArticleInput,
  ArticleListQuery,
  ArticlePatch,
  ArticleSummaryView,
  IdParams,
  LanguageParams,
  PreviewInput,
  PreviewView,
  PublishTranslationInput,
  ReaderArticle,
  ReaderArticleItem,
  ReaderListQuery,
  ReaderQuery,
  ReaderTopic,
  SearchQuery,
  SearchResult,
  SlugParams,
  TranslationInput,
  TranslationParams,
  TranslationWorkView,
  WorkListItem,
} from './knowledge.schemas.js';
import * as articles from './knowledge.service.js';
import * as translations from './knowledge.translation.service.js';

const tags = ['knowledge'];
const security = [{ session: [] }];

/** The knowledge base: editors and translators (session), and readers (public, no sign-in). */
export const knowledgeRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;
  const machine = machineTranslatorFrom(config);

  // ── Editors ─────────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/knowledge/articles', {
    schema: { tags, security, summary: 'Every live article with its translation states (knowledge.edit or knowledge.translate)', querystring: ArticleListQuery, response: { 200: z.array(ArticleSummaryView) } },
  }, async (request) => articles.listArticles(db, staffContextOf(request), request.query));

  app.post('/api/v1/knowledge/articles', {
    schema: { tags, security, summary: 'Create an article in the host language (knowledge.edit)', body: ArticleInput, response: { 201: ArticleDetailView } },
  }, async (request, reply) => reply.status(201).send(await articles.createArticle(db, staffContextOf(request), request.body, config.hostLanguage)));

  app.get('/api/v1/knowledge/articles/:id', {
    schema: { tags, security, summary: 'One article: working copy, versions, translation states', params: IdParams, response: { 200: ArticleDetailView } },
  }, async (request) => articles.getArticle(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/knowledge/articles/:id', {
    schema: { tags, security, summary: 'Change the working copy (readers see nothing until it is published)', params: IdParams, body: ArticlePatch, response: { 200: ArticleDetailView } },
  }, async (request) => articles.updateArticle(db, staffContextOf(request), request.params.id, request.body, config.hostLanguage));

  app.post('/api/v1/knowledge/articles/:id/publish', {
    schema: { tags, security, summary: 'Publish the working copy as the next numbered version (409 when nothing changed)', params: IdParams, response: { 200: ArticleDetailView } },
  }, async (request) => articles.publishArticle(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/knowledge/articles/:id/archive', {
    schema: { tags, security, summary: 'Take an article off the public pages', params: IdParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await articles.archiveArticle(db, staffContextOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/knowledge/preview', {
    schema: { tags, security, summary: 'Markdown rendered exactly as readers will see it', body: PreviewInput, response: { 200: PreviewView } },
  }, async (request) => articles.previewMarkdown(staffContextOf(request), request.body.markdown));

  // ── Translators ─────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/knowledge/work/:language', {
    schema: { tags, security, summary: 'A language’s work list: missing and outdated translations first (knowledge.translate)', params: LanguageParams, response: { 200: z.array(WorkListItem) } },
  }, async (request) => translations.workList(db, staffContextOf(request), request.params.language));

  app.get('/api/v1/knowledge/articles/:id/translations/:language', {
    schema: { tags, security, summary: 'Source, translation and what changed in the source since the translation was made', params: TranslationParams, response: { 200: TranslationWorkView } },
  }, async (request) => translations.getTranslationWork(db, staffContextOf(request), request.params.id, request.params.language, machine !== undefined));

  app.put('/api/v1/knowledge/articles/:id/translations/:language', {
    schema: { tags, security, summary: 'Save a translation as a draft, or publish it (a person’s publication clears the machine mark)', params: TranslationParams, body: TranslationInput, response: { 200: TranslationWorkView } },
  }, async (request) => {
    const context = staffContextOf(request);
    await translations.saveTranslation(db, context, request.params.id, request.params.language, request.body);
    return translations.getTranslationWork(db, context, request.params.id, request.params.language, machine !== undefined);
  });

  app.post('/api/v1/knowledge/articles/:id/translations/:language/publish', {
    schema: { tags, security, summary: 'Publish the saved translation; reviewed (default true) clears the machine-made mark', params: TranslationParams, body: PublishTranslationInput, response: { 200: TranslationWorkView } },
  }, async (request) => {
    const context = staffContextOf(request);
    await translations.publishTranslation(db, context, request.params.id, request.params.language, request.body.reviewed);
    return translations.getTranslationWork(db, context, request.params.id, request.params.language, machine !== undefined);
  });

  app.post('/api/v1/knowledge/articles/:id/translations/:language/machine', {
    schema: { tags, security, summary: 'A machine-made draft from the configured provider (503 when none)', params: TranslationParams, response: { 200: TranslationWorkView } },
  }, async (request) => {
    const context = staffContextOf(request);
    await translations.machineTranslate(db, context, request.params.id, request.params.language, machine);
    return translations.getTranslationWork(db, context, request.params.id, request.params.language, machine !== undefined);
  });

  // ── Readers (public) ────────────────────────────────────────────────────────────────────────────

  const publicTags = ['knowledge (public)'];

  app.get('/api/v1/public/knowledge/topics', {
    schema: { tags: publicTags, summary: 'Topics with published articles, and how many', response: { 200: z.array(ReaderTopic) } },
  }, async () => reader.listTopics(db));

  app.get('/api/v1/public/knowledge/articles', {
    schema: { tags: publicTags, summary: 'Published articles in the reader’s language where current (with a note otherwise)', querystring: ReaderListQuery, response: { 200: z.array(ReaderArticleItem) } },
  }, async (request) => reader.listPublished(db, { topic: request.query.topic }, request.query));

  app.get('/api/v1/public/knowledge/articles/:slug', {
    schema: { tags: publicTags, summary: 'One article as safe HTML, in the reader’s language when its translation is current', params: SlugParams, querystring: ReaderQuery, response: { 200: ReaderArticle } },
  }, async (request) => reader.readArticle(db, request.params.slug, request.query));

  app.get('/api/v1/public/knowledge/search', {
    schema: { tags: publicTags, summary: 'Full-text search in the reader’s language and the source, tolerant to typos', querystring: SearchQuery, response: { 200: z.array(SearchResult) } },
  }, async (request) => reader.search(db, request.query.q, request.query));
};
