import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { contextOf, staffContextOf } from '../../http/request-context.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';
import { availability } from './appointments.availability.service.js';
import { authoriseDevice } from '../queue/queue.devices.service.js';
import { CentreParams as KioskParams, KioskHeaders } from '../queue/queue.public.schemas.js';
import { checkInAppointment, checkInAtKiosk } from './appointments.checkin.service.js';
import { confirmHold, holdSlot } from './appointments.booking.service.js';
import { cancelBooking, rescheduleBooking, viewBooking } from './appointments.link.service.js';
import {
  AvailabilityQuery,
  AvailabilityView,
  BookingConfirmation,
  BookingSettings,
  BookingSettingsView,
  CentreServiceParams,
  CheckInInput,
  CheckInResult,
  ConfirmInput,
  DayQuery,
  HoldInput,
  HoldView,
  IdempotencyHeaders,
  IdParams,
  KioskCheckIn,
  KioskCheckInInput,
  MoveInput,
  PublicAppointmentView,
  ReferenceParams,
  RescheduleInput,
  SecretInput,
  StaffAppointmentView,
  StaffBookingInput,
  StaffBookingResult,
} from './appointments.schemas.js';
import { guardPublicBooking } from './appointments.portal.routes.js';
import { bookingMessenger } from './appointments.notify.js';
import { forgetFullSlots, seatsFreedOf } from './appointments.seat-gate.js';
import { getBookingSettings, setBookingSettings } from './appointments.settings.service.js';
import { bookForPerson, cancelForPerson, findForStaff, listDay, moveForPerson } from './appointments.staff.service.js';

const tags = ['appointments'];
const security = [{ session: [] }];

/** Booking: public availability, holds and the person's link; the phone line and reception (docs/appointments.md). */
export const appointmentRoutes = (deps: AppDependencies): FastifyPluginAsyncZod => async (app) => {
  const { db } = deps;
  const linkKey = () => secretBoxKey(deps.config.dataDir);
  const messenger = async () => bookingMessenger(deps.config, await linkKey());
  const guard = guardPublicBooking(deps);
  const key = (headers: IdempotencyHeaders) => headers['idempotency-key'];
  // Seats freed through another process (a cancel, a move, new capacity): forget those slots here too.
  const stopListening = deps.bus.subscribe((event) => {
    const freed = seatsFreedOf(event.type, event.payload);
    if (freed) forgetFullSlots(db, [{ serviceId: freed.serviceId, startsAt: freed.startsAt ? new Date(freed.startsAt) : null }]);
  });
  app.addHook('onClose', async () => {
    stopListening();
  });
  // Answers about bookings are personal or time-sensitive: never cached.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/public/appointments') || request.url.includes('/availability')) reply.header('cache-control', 'no-store');
  });

  // ── Public: the virtual One-Stop-Shop ──────────────────────────────────────────────────────────

  app.get('/api/v1/public/centres/:centreId/services/:serviceId/availability', {
    schema: { tags, summary: 'Free times of a service at a centre over a range of days (counts only, no sign-in)', params: CentreServiceParams, querystring: AvailabilityQuery, response: { 200: AvailabilityView } },
  }, async (request) => {
    await guard(request, 'availability');
    return availability(db, request.params.centreId, request.params.serviceId, request.query);
  });

  app.post('/api/v1/public/appointments/holds', {
    schema: { tags, summary: 'Hold a free time for a few minutes while the person fills in the form', headers: IdempotencyHeaders, body: HoldInput, response: { 201: HoldView } },
  }, async (request, reply) => {
    const addressHash = await guard(request, 'hold', request.body.altcha);
    return reply.status(201).send(await holdSlot(db, request.body, key(request.headers), addressHash));
  });

  app.post('/api/v1/public/appointments/holds/:id/confirm', {
    schema: { tags, summary: 'Confirm a hold with contact details; returns the reference and the secret of the link', params: IdParams, headers: IdempotencyHeaders, body: ConfirmInput, response: { 200: BookingConfirmation } },
  }, async (request) => {
    const addressHash = await guard(request, 'confirm');
    return confirmHold(db, contextOf(request), await messenger(), request.params.id, request.body, key(request.headers), addressHash);
  });

  app.post('/api/v1/public/appointments/view', {
    schema: { tags, summary: 'A booking opened with its reference and secret (in the body, never the URL)', body: SecretInput, response: { 200: PublicAppointmentView } },
  }, async (request) => {
    await guard(request, 'link');
    return viewBooking(db, request.body);
  });

  app.post('/api/v1/public/appointments/reschedule', {
    schema: { tags, summary: 'Move a booking to another free time of the same service', body: RescheduleInput, response: { 200: PublicAppointmentView } },
  }, async (request) => {
    await guard(request, 'link');
    return rescheduleBooking(db, contextOf(request), await messenger(), request.body);
  });

  app.post('/api/v1/public/appointments/cancel', {
    schema: { tags, summary: 'Cancel a booking; the time returns to the pool a little later', body: SecretInput, response: { 200: PublicAppointmentView } },
  }, async (request) => {
    await guard(request, 'link');
    return cancelBooking(db, contextOf(request), await messenger(), request.body);
  });

  app.post('/api/v1/public/kiosk/:centreId/check-in', {
    schema: { tags, summary: 'Check in for an appointment at the kiosk with the booking reference (kiosk token); repeating returns the same ticket', params: KioskParams, headers: KioskHeaders, body: KioskCheckInInput, response: { 200: KioskCheckIn } },
  }, async (request, reply) => {
    const device = await authoriseDevice(db, request.headers['x-device-token'], 'kiosk', request.params.centreId);
    reply.header('cache-control', 'no-store');
    return checkInAtKiosk(db, contextOf(request), { kioskId: device.id, centreId: device.centre_id, unitId: device.unit_id }, request.body.reference);
  });

  // ── Staff: phone line and reception ────────────────────────────────────────────────────────────

  app.post('/api/v1/appointments', {
    schema: { tags, security, summary: "Book on a person's behalf (appointments.book_for_others at the centre)", headers: IdempotencyHeaders, body: StaffBookingInput, response: { 201: StaffBookingResult } },
  }, async (request, reply) => reply.status(201).send(await bookForPerson(db, staffContextOf(request), await messenger(), request.body, key(request.headers))));

  app.get('/api/v1/centres/:id/appointments', {
    schema: { tags, security, summary: "A centre's appointments of one day with contacts (audited read)", params: IdParams, querystring: DayQuery, response: { 200: z.array(StaffAppointmentView) } },
  }, async (request) => listDay(db, staffContextOf(request), request.params.id, request.query.day));

  app.get('/api/v1/appointments/by-reference/:reference', {
    schema: { tags, security, summary: 'The booking a person reads out on the phone (audited read)', params: ReferenceParams, response: { 200: StaffAppointmentView } },
  }, async (request) => findForStaff(db, staffContextOf(request), request.params.reference));

  app.post('/api/v1/appointments/:id/move', {
    schema: { tags, security, summary: "Move a booking on the person's behalf", params: IdParams, body: MoveInput, response: { 200: StaffAppointmentView } },
  }, async (request) => moveForPerson(db, staffContextOf(request), await messenger(), request.params.id, request.body.startsAt));

  app.post('/api/v1/appointments/:id/cancel', {
    schema: { tags, security, summary: "Cancel a booking on the person's behalf", params: IdParams, response: { 200: StaffAppointmentView } },
  }, async (request) => cancelForPerson(db, staffContextOf(request), await messenger(), request.params.id));

  app.post('/api/v1/appointments/check-in', {
    schema: { tags, security, summary: 'Check a person in for their appointment: issues a queue ticket with appointment priority (queue.issue at the centre; repeating returns the same ticket)', body: CheckInInput, response: { 200: CheckInResult } },
  }, async (request) => checkInAppointment(db, staffContextOf(request), request.body));

  // ── Settings ───────────────────────────────────────────────────────────────────────────────────

  app.get('/api/v1/services/:id/booking-settings', {
    schema: { tags, security, summary: "A service's capacity schedules and booking policy", params: IdParams, response: { 200: BookingSettingsView } },
  }, async (request) => getBookingSettings(db, staffContextOf(request), request.params.id));

  app.put('/api/v1/services/:id/booking-settings', {
    schema: { tags, security, summary: "Replace a service's capacity schedules and booking policy (appointments.manage)", params: IdParams, body: BookingSettings, response: { 200: BookingSettingsView } },
  }, async (request) => setBookingSettings(db, staffContextOf(request), request.params.id, request.body));
};
