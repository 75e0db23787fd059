import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { contextOf } from '../../http/request-context.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';
import { BookingCatalogue, bookingCatalogue } from './appointments.catalogue.js';
import { createBookingChallenge, enforceRateLimit, publicClientAddressHash, spendProofOfWork, type PublicBookingAction } from './appointments.fairness.js';
import { bookingMessenger } from './appointments.notify.js';
import { WaitlistJoined, WaitlistJoinInput, WaitlistLeaveInput } from './appointments.waitlist.schemas.js';
import { joinWaitlist, leaveWaitlist } from './appointments.waitlist.service.js';

const tags = ['appointments'];

/**
 * Rate limit per client address (and proof-of-work where `altcha` is given or required) before a
 * public booking request; returns the keyed hash of the address, kept on holds and bookings.
 */
export function guardPublicBooking(deps: AppDependencies) {
  return async (request: FastifyRequest, action: PublicBookingAction, altcha?: string): Promise<string | null> => {
    const addressHash = await publicClientAddressHash(deps.config, request.ip);
    await enforceRateLimit(deps.db, deps.config, action, addressHash);
    if (action === 'hold' || action === 'waitlist') await spendProofOfWork(deps.db, deps.config, altcha);
    return addressHash;
  };
}

const Challenge = z.object({
  parameters: z.looseObject({ algorithm: z.string(), nonce: z.string(), salt: z.string(), cost: z.number(), keyLength: z.number(), keyPrefix: z.string() }),
  signature: z.string().optional(),
});

/** The portal's own public routes: what can be booked, the proof-of-work challenge, the waiting list. */
export const appointmentPortalRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;
  const guard = guardPublicBooking(deps);
  const messenger = async () => bookingMessenger(deps.config, await secretBoxKey(deps.config.dataDir));

  app.get('/api/v1/public/booking/catalogue', {
    schema: { tags, summary: 'Bookable services (grouped by who provides them, with the documents to bring) and the centres where each can be booked', response: { 200: BookingCatalogue } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=60');
    return bookingCatalogue(db);
  });

  app.get('/api/v1/public/appointments/challenge', {
    schema: { tags, summary: 'A proof-of-work challenge for the booking form (altcha); solved once, used once', response: { 200: Challenge } },
  }, async (request, reply) => {
    await guard(request, 'challenge');
    reply.header('cache-control', 'no-store');
    return createBookingChallenge(deps.config);
  });

  app.post('/api/v1/public/appointments/waitlist', {
    schema: { tags, summary: 'Join the waiting list of a service at a centre: told by e-mail or SMS when a time frees', body: WaitlistJoinInput, response: { 201: WaitlistJoined } },
  }, async (request, reply) => {
    const addressHash = await guard(request, 'waitlist', request.body.altcha);
    reply.header('cache-control', 'no-store');
    return reply.status(201).send(await joinWaitlist(db, contextOf(request), await messenger(), deps.config.booking.waitlistMaxDays, request.body, addressHash));
  });

  app.post('/api/v1/public/appointments/waitlist/leave', {
    schema: { tags, summary: 'Leave the waiting list with the link from the message', body: WaitlistLeaveInput, response: { 200: z.object({ left: z.literal(true) }) } },
  }, async (request, reply) => {
    await guard(request, 'link');
    reply.header('cache-control', 'no-store');
    return leaveWaitlist(db, contextOf(request), request.body);
  });
};
