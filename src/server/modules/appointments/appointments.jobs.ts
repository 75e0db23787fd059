import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDependencies } from '../../app.js';
import { defineJobHandler } from '../../jobs/jobs.types.js';
import { secretBoxKey } from '../auth/auth.secret-box.js';
import { bookingMessenger, REMINDER_JOB, tellPerson } from './appointments.notify.js';
import * as repo from './appointments.repo.js';
import { SEAT_RETURNED_JOB, tellWaitingPeople } from './appointments.waitlist.service.js';

/** Durable jobs of the appointments module (listed in src/server/jobs/catalogue.ts). */

async function messengerOf(deps: AppDependencies) {
  return bookingMessenger(deps.config, await secretBoxKey(deps.config.dataDir));
}

/**
 * The reminder before an appointment. It re-checks the booking: nothing for a cancelled or past
 * one, and one reminder per appointment time even if the job runs twice (a process died mid-way).
 */
export const appointmentReminderJob = defineJobHandler({
  kind: REMINDER_JOB,
  payload: z.object({ appointmentId: z.uuid() }),
  async run(deps, payload) {
    const messenger = await messengerOf(deps);
    await deps.db.transaction().execute(async (trx) => {
      const row = await repo.lockAppointment(trx, payload.appointmentId);
      if (!row || row.state !== 'booked' || row.starts_at <= new Date()) return;
      const earlier = await trx
        .selectFrom('notifications')
        .select('id')
        .where('subject_type', '=', 'appointment')
        .where('subject_id', '=', row.id)
        .where('template', '=', 'appointments.reminder')
        .where(sql<string>`params->>'startsAt'`, '=', row.starts_at.toISOString())
        .executeTakeFirst();
      if (earlier) return;
      await tellPerson(trx, messenger, row, 'reminder');
    });
  },
});

/** A released seat is free again (or a service got new capacity): tell the earliest waiting people. */
export const seatReturnedJob = defineJobHandler({
  kind: SEAT_RETURNED_JOB,
  payload: z.object({ serviceId: z.uuid(), startsAt: z.string().nullable() }),
  async run(deps, payload) {
    await tellWaitingPeople(deps.db, await messengerOf(deps), payload.serviceId, payload.startsAt);
  },
});
