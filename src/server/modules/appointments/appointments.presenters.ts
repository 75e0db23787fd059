import type { AppointmentRow } from './appointments.repo.js';
import type { HoldView, PublicAppointmentView, StaffAppointmentView } from './appointments.schemas.js';

/** A hold past its end is shown as expired even before anything has written that down. */
function stateOf(row: AppointmentRow, now = new Date()): AppointmentRow['state'] {
  return row.state === 'held' && row.hold_expires_at <= now ? 'expired' : row.state;
}

export function presentHold(row: AppointmentRow): HoldView {
  return {
    holdId: row.id,
    centreId: row.centre_id,
    serviceId: row.service_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    expiresAt: row.hold_expires_at.toISOString(),
  };
}

export function presentPublic(row: AppointmentRow): PublicAppointmentView {
  return {
    reference: row.reference,
    state: stateOf(row),
    centreId: row.centre_id,
    serviceId: row.service_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    language: row.preferred_language,
  };
}

export function presentStaff(row: AppointmentRow): StaffAppointmentView {
  return {
    id: row.id,
    reference: row.reference,
    state: stateOf(row),
    channel: row.channel,
    centreId: row.centre_id,
    serviceId: row.service_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone, language: row.preferred_language },
    bookedAt: row.booked_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    checkedInAt: row.checked_in_at?.toISOString() ?? null,
    ticketId: row.ticket_id,
    personId: row.person_id,
    cancelReason: row.cancel_reason,
  };
}
