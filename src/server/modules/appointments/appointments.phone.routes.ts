import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { contextOf, staffContextOf } from '../../http/request-context.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';
import { AccessLinkAnswer, AccessLinkInput, MyByReferenceInput, MyProcedures, Redeemed, RedeemInput, SessionInput } from './appointments.my.schemas.js';
import { redeemAccessLink, requestAccessLink, viewByReference, viewBySession } from './appointments.my.service.js';
import { PatternBookings, PatternBookingsQuery, PatternList, PatternQuery } from './appointments.patterns.schemas.js';
import { listPatterns, patternBookings } from './appointments.patterns.service.js';
import { BookableService, CancellationInput, CancellationResult, PersonAppointments, ServiceParams, StaffAvailabilityQuery } from './appointments.phone.schemas.js';
import { bookingMessenger } from './appointments.notify.js';
import { bookableServices, cancelWithReason, personAppointments, staffAvailability } from './appointments.phone.service.js';
import { AvailabilityView, IdParams } from './appointments.schemas.js';

const tags = ['appointments'];
const security = [{ session: [] }];

/** The phone line, "my procedures" and suspicious patterns (docs/appointments.md). */
export const phoneLineRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;
  const key = () => secretBoxKey(deps.config.dataDir);
  // A person's own bookings and access links are personal and single-use: never cached.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/public/my/')) reply.header('cache-control', 'no-store');
  });

  // ── Phone line and reception ───────────────────────────────────────────────────────────────────

  app.get('/api/v1/phone/bookable-services', {
    schema: { tags, security, summary: 'Services that can be booked, with their centre, where the caller may book for others', response: { 200: z.array(BookableService) } },
  }, async (request) => bookableServices(db, staffContextOf(request)));

  app.get('/api/v1/phone/services/:serviceId/availability', {
    schema: { tags, security, summary: 'Free seats per time for staff bookings (the staff share included, from today on)', params: ServiceParams, querystring: StaffAvailabilityQuery, response: { 200: AvailabilityView } },
  }, async (request) => staffAvailability(db, staffContextOf(request), request.params.serviceId, request.query));

  app.get('/api/v1/people/:id/appointments', {
    schema: { tags, security, summary: "A person's bookings (for them or with their contacts) and today's tickets (audited read)", params: IdParams, response: { 200: PersonAppointments } },
  }, async (request) => personAppointments(db, staffContextOf(request), request.params.id));

  app.post('/api/v1/appointments/cancellations', {
    schema: { tags, security, summary: 'Cancel one or several bookings with the reason (book_for_others or manage where they are; audited with the reason)', body: CancellationInput, response: { 200: CancellationResult } },
  }, async (request) => cancelWithReason(db, staffContextOf(request), bookingMessenger(deps.config, await key()), request.body));

  // ── Suspicious patterns ────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/appointments/patterns', {
    schema: { tags, security, summary: 'Contacts and client addresses (as fingerprints) with many bookings, holds or cancellations in a period', querystring: PatternQuery, response: { 200: PatternList } },
  }, async (request) => listPatterns(db, staffContextOf(request), request.query));

  app.get('/api/v1/appointments/patterns/bookings', {
    schema: { tags, security, summary: 'The bookings and holds behind one contact or address of the patterns list (audited read)', querystring: PatternBookingsQuery, response: { 200: PatternBookings } },
  }, async (request) => patternBookings(db, staffContextOf(request), request.query));

  // ── My procedures (public) ─────────────────────────────────────────────────────────────────────

  app.post('/api/v1/public/my/by-reference', {
    schema: { tags, summary: 'My procedures opened with a booking reference and its secret (rate-limited per address)', body: MyByReferenceInput, response: { 200: MyProcedures } },
  }, async (request) => viewByReference(db, contextOf(request), await key(), request.body));

  app.post('/api/v1/public/my/access-link', {
    schema: { tags, summary: 'Send a one-time link to an e-mail or phone; the same answer whether or not it is known (rate-limited per address and contact)', body: AccessLinkInput, response: { 202: AccessLinkAnswer } },
  }, async (request, reply) => reply.status(202).send(await requestAccessLink(db, contextOf(request), await key(), deps.config.publicUrl, request.body)));

  app.post('/api/v1/public/my/redeem', {
    schema: { tags, summary: 'Use a one-time link (once, before it expires): answers with a short session and the view', body: RedeemInput, response: { 200: Redeemed } },
  }, async (request) => redeemAccessLink(db, contextOf(request), await key(), request.body.token, request.body.locale));

  app.post('/api/v1/public/my/view', {
    schema: { tags, summary: 'My procedures again while the session from a link lasts', body: SessionInput, response: { 200: MyProcedures } },
  }, async (request) => viewBySession(db, contextOf(request), await key(), request.body.session, request.body.locale));
};
