import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { mergeHistory, mergePeople, undoMerge } from './people.merge.service.js';
import { DuplicateCandidate, IdParams, MergeHistory, MergeInput, MergeView, PersonInput, PersonPatch, PersonSearchQuery, PersonSearchResult, PersonView, RegisterResult } from './people.schemas.js';
import * as people from './people.service.js';

const tags = ['people'];
const security = [{ session: [] }];

/** The people registry: search before create, registration with duplicate detection, merges. */
export const peopleRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;

  app.get('/api/v1/people', {
    schema: { tags, security, summary: 'Search people by a name in any script, a phone, an e-mail or a document number (every hit is audited)', querystring: PersonSearchQuery, response: { 200: PersonSearchResult } },
  }, async (request) => people.searchPeople(db, staffContextOf(request), request.query));

  app.post('/api/v1/people', {
    schema: {
      tags,
      security,
      summary: 'Register a person: 201 with the record, or 200 with likely duplicates and no record unless confirmNotDuplicate is set',
      body: PersonInput,
      response: { 200: RegisterResult, 201: RegisterResult },
    },
  }, async (request, reply) => {
    const { created, result } = await people.registerPerson(db, staffContextOf(request), request.body);
    return reply.status(created ? 201 : 200).send(result);
  });

  app.get('/api/v1/people/:id', {
    schema: { tags, security, summary: 'One person (a merged record answers with the record it was merged into)', params: IdParams, response: { 200: PersonView } },
  }, async (request) => people.getPerson(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/people/:id', {
    schema: { tags, security, summary: 'Correct a person\'s record; documents and contacts, when given, replace the stored ones', params: IdParams, body: PersonPatch, response: { 200: PersonView } },
  }, async (request) => people.updatePerson(db, staffContextOf(request), request.params.id, request.body));

  app.get('/api/v1/people/:id/duplicates', {
    schema: { tags, security, summary: 'Likely duplicates of a stored person, with score and reasons', params: IdParams, response: { 200: z.object({ items: z.array(DuplicateCandidate) }) } },
  }, async (request) => ({ items: await people.duplicatesOfPerson(db, staffContextOf(request), request.params.id) }));

  app.get('/api/v1/people/:id/merges', {
    schema: { tags, security, summary: 'Merges this person took part in, newest first', params: IdParams, response: { 200: MergeHistory } },
  }, async (request) => ({ items: await mergeHistory(db, staffContextOf(request), request.params.id) }));

  app.post('/api/v1/people/merges', {
    schema: { tags, security, summary: 'Merge a duplicate into the record that stays (people.merge on both home centres)', body: MergeInput, response: { 201: MergeView } },
  }, async (request, reply) => reply.status(201).send(await mergePeople(db, staffContextOf(request), request.body)));

  app.post('/api/v1/people/merges/:id/undo', {
    schema: { tags, security, summary: 'Undo a merge: the duplicate becomes a record of its own again', params: IdParams, response: { 200: MergeView } },
  }, async (request) => undoMerge(db, staffContextOf(request), request.params.id));
};
