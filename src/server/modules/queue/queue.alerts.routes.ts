import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDependencies } from '../../app.js';
import { contextOf } from '../../http/request-context.js';
import { AlertContactInput, AlertState } from './queue.alerts.schemas.js';
import { alertOfCode, setAlertOfCode, withdrawAlertOfCode } from './queue.alerts.service.js';
import { PublicTicketParams } from './queue.schemas.js';

const tags = ['queue'];

/** "You are next" on the person's phone page; the code printed on the ticket is the credential. */
export const queueAlertRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db, config } = deps;

  app.get('/api/v1/public/tickets/:code/alert', {
    schema: { tags, summary: 'Whether a contact is left to be told when the turn is near (masked)', params: PublicTicketParams, response: { 200: AlertState } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return alertOfCode(db, request.params.code);
  });

  app.put('/api/v1/public/tickets/:code/alert', {
    schema: { tags, summary: 'Leave a phone number (SMS) or an e-mail address, with consent, to be told when the turn is near', params: PublicTicketParams, body: AlertContactInput, response: { 200: AlertState } },
  }, async (request) => setAlertOfCode(db, contextOf(request), request.params.code, request.body, config.publicUrl));

  app.delete('/api/v1/public/tickets/:code/alert', {
    schema: { tags, summary: 'Withdraw the consent: the contact is erased at once', params: PublicTicketParams, response: { 200: AlertState } },
  }, async (request) => withdrawAlertOfCode(db, contextOf(request), request.params.code));
};
