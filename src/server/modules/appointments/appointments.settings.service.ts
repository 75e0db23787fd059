import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findServiceById } from '../network/network.catalogue.service.js';
import { ensureCan } from './appointments.policy.js';
import { scheduleWaitlistCheck } from './appointments.waitlist.service.js';
import * as repo from './appointments.repo.js';
import { announceSeatsFreed, forgetFullSlots } from './appointments.seat-gate.js';
import type { BookingPolicy, BookingSettings, BookingSettingsView } from './appointments.schemas.js';

/** Capacity schedules and the booking policy of a service, set as one document. */

async function placeOfService(db: Kysely<Database>, serviceId: string) {
  const service = await findServiceById(db, serviceId);
  if (!service) throw AppError.notFound('The service');
  return { centreId: service.centreId, unitId: service.unitId };
}

function presentPolicy(row: repo.PolicyRow | undefined): BookingPolicy | null {
  if (!row) return null;
  return {
    slotMinutes: row.slot_minutes,
    publicSharePercent: row.public_share_percent,
    earliestDays: row.earliest_days,
    latestDays: row.latest_days,
    holdMinutes: row.hold_minutes,
    maxActivePerContact: row.max_active_per_contact,
    releaseWindowMinutes: row.release_window_minutes,
    checkinOpensMinutesBefore: row.checkin_opens_minutes_before,
    lateGraceMinutes: row.late_grace_minutes,
  };
}

async function readSettings(db: Kysely<Database>, serviceId: string): Promise<BookingSettingsView> {
  const [policy, schedules] = await Promise.all([repo.findPolicy(db, serviceId), repo.listSchedules(db, serviceId)]);
  return {
    serviceId,
    policy: presentPolicy(policy),
    schedules: schedules.map((row) => ({ weekdays: row.weekdays, starts: row.starts.slice(0, 5), ends: row.ends.slice(0, 5), desks: row.desks, validFrom: row.valid_from, validTo: row.valid_to })),
  };
}

export async function getBookingSettings(db: Kysely<Database>, context: StaffContext, serviceId: string): Promise<BookingSettingsView> {
  ensureCan(context.actor, 'appointments.read', await placeOfService(db, serviceId), 'The service');
  return readSettings(db, serviceId);
}

/** Replaces the service's schedules and policy (appointments.manage at its unit); existing bookings stay. */
export async function setBookingSettings(db: Kysely<Database>, context: StaffContext, serviceId: string, settings: BookingSettings): Promise<BookingSettingsView> {
  const place = await placeOfService(db, serviceId);
  ensureCan(context.actor, 'appointments.manage', place, 'The service');
  const policy = settings.policy;
  await db.transaction().execute(async (trx) => {
    await repo.replaceSettings(
      trx,
      serviceId,
      policy && {
        slot_minutes: policy.slotMinutes,
        public_share_percent: policy.publicSharePercent,
        earliest_days: policy.earliestDays,
        latest_days: policy.latestDays,
        hold_minutes: policy.holdMinutes,
        max_active_per_contact: policy.maxActivePerContact,
        release_window_minutes: policy.releaseWindowMinutes,
        checkin_opens_minutes_before: policy.checkinOpensMinutesBefore,
        late_grace_minutes: policy.lateGraceMinutes,
      },
      settings.schedules.map((rule) => ({ id: uuidv7(), service_id: serviceId, weekdays: rule.weekdays, starts: rule.starts, ends: rule.ends, desks: rule.desks, valid_from: rule.validFrom, valid_to: rule.validTo })),
    );
    // New capacity may free times people on the waiting list are waiting for.
    if (policy) await scheduleWaitlistCheck(trx, serviceId);
    await recordAudit(trx, context, { action: 'appointment_settings.update', resourceType: 'service', resourceId: serviceId, centreId: place.centreId, unitId: place.unitId, details: { bookable: policy !== null, rules: settings.schedules.length } });
    // More desks or a larger public share free seats of slots remembered as full.
    await announceSeatsFreed(trx, { centreId: place.centreId, serviceId, startsAt: null });
  });
  forgetFullSlots(db, [{ serviceId, startsAt: null }]);
  return readSettings(db, serviceId);
}
