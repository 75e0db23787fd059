import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { staffContextOf } from '../../http/request-context.js';
import { listConsents, openBreakGlassAccess, recordConsent, withdrawConsent } from './casefile.consents.service.js';
import { addFormAnswers, addNote, addPurpose, fileOverview, getEntry, listEntries, updateEntry } from './casefile.entries.service.js';
import { defineForm, getForm, listForms } from './casefile.forms.service.js';
import {
  BreakGlassInput,
  BreakGlassView,
  ConsentInput,
  ConsentView,
  EntryListQuery,
  EntryPatch,
  EntryView,
  FileOverview,
  FormAnswersInput,
  FormInput,
  FormView,
  IdParams,
  NoteInput,
  PersonParams,
  PurposeInput,
  UnitParams,
  WithdrawInput,
} from './casefile.schemas.js';

const tags = ['casefile'];
const security = [{ session: [] }];

/** A person's file: the sections of units (notes, forms, purposes of visit), consents and break-glass. */
export const casefileRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;

  app.get('/api/v1/people/:personId/file', {
    schema: { tags, security, summary: 'What the viewer may see of a person\'s file, by unit and section; other units\' sections only as a count', params: PersonParams, response: { 200: FileOverview } },
  }, async (request) => fileOverview(db, staffContextOf(request), request.params.personId));

  app.get('/api/v1/people/:personId/file/entries', {
    schema: { tags, security, summary: 'Notes, filled forms and purposes of visit the viewer may see (each read is audited)', params: PersonParams, querystring: EntryListQuery, response: { 200: z.object({ items: z.array(EntryView) }) } },
  }, async (request) => ({ items: await listEntries(db, staffContextOf(request), request.params.personId, request.query) }));

  app.post('/api/v1/people/:personId/file/notes', {
    schema: { tags, security, summary: 'Add a note to the section of one\'s own unit', params: PersonParams, body: NoteInput, response: { 201: EntryView } },
  }, async (request, reply) => reply.status(201).send(await addNote(db, staffContextOf(request), request.params.personId, request.body)));

  app.post('/api/v1/people/:personId/file/purposes', {
    schema: { tags, security, summary: 'Record the purpose of the visit (reception) in the section of the unit the person is sent to', params: PersonParams, body: PurposeInput, response: { 201: EntryView } },
  }, async (request, reply) => reply.status(201).send(await addPurpose(db, staffContextOf(request), request.params.personId, request.body)));

  app.post('/api/v1/people/:personId/file/forms', {
    schema: { tags, security, summary: 'Fill one of the unit\'s forms (answers are checked against the form\'s fields)', params: PersonParams, body: FormAnswersInput, response: { 201: EntryView } },
  }, async (request, reply) => reply.status(201).send(await addFormAnswers(db, staffContextOf(request), request.params.personId, request.body)));

  app.get('/api/v1/casefile/entries/:id', {
    schema: { tags, security, summary: 'One entry of a section (404 outside need-to-know)', params: IdParams, response: { 200: EntryView } },
  }, async (request) => getEntry(db, staffContextOf(request), request.params.id));

  app.patch('/api/v1/casefile/entries/:id', {
    schema: { tags, security, summary: 'Correct an entry (the owning unit\'s staff only)', params: IdParams, body: EntryPatch, response: { 200: EntryView } },
  }, async (request) => updateEntry(db, staffContextOf(request), request.params.id, request.body));

  app.get('/api/v1/units/:unitId/forms', {
    schema: { tags, security, summary: 'The unit\'s forms (current versions, or all with allVersions=true)', params: UnitParams, querystring: z.object({ allVersions: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(FormView) }) } },
  }, async (request) => ({ items: await listForms(db, staffContextOf(request), request.params.unitId, request.query.allVersions === 'true') }));

  app.post('/api/v1/units/:unitId/forms', {
    schema: { tags, security, summary: 'Define a new version of a service\'s form (unit administrators)', params: UnitParams, body: FormInput, response: { 201: FormView } },
  }, async (request, reply) => reply.status(201).send(await defineForm(db, staffContextOf(request), request.params.unitId, request.body)));

  app.get('/api/v1/casefile/forms/:id', {
    schema: { tags, security, summary: 'One version of a form', params: IdParams, response: { 200: FormView } },
  }, async (request) => getForm(db, staffContextOf(request), request.params.id));

  app.get('/api/v1/people/:personId/consents', {
    schema: { tags, security, summary: 'The person\'s consents the viewer may see, with whether each holds now', params: PersonParams, response: { 200: z.object({ items: z.array(ConsentView) }) } },
  }, async (request) => ({ items: await listConsents(db, staffContextOf(request), request.params.personId) }));

  app.post('/api/v1/people/:personId/consents', {
    schema: { tags, security, summary: 'Record a consent (sharing: by the staff of the unit whose section is shared)', params: PersonParams, body: ConsentInput, response: { 201: ConsentView } },
  }, async (request, reply) => reply.status(201).send(await recordConsent(db, staffContextOf(request), request.params.personId, request.body)));

  app.post('/api/v1/casefile/consents/:id/withdraw', {
    schema: { tags, security, summary: 'Withdraw a consent: sharing stops at once', params: IdParams, body: WithdrawInput, response: { 200: ConsentView } },
  }, async (request) => withdrawConsent(db, staffContextOf(request), request.params.id, request.body.note));

  app.post('/api/v1/people/:personId/break-glass', {
    schema: { tags, security, summary: 'Open every section of the person\'s file for reading, for a limited time, with a reason (flagged for the auditor)', params: PersonParams, body: BreakGlassInput, response: { 201: BreakGlassView } },
  }, async (request, reply) => reply.status(201).send(await openBreakGlassAccess(db, staffContextOf(request), request.params.personId, request.body.reason, config.breakGlassMinutes)));
};
