import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/types.js';
import { newReference, emailKey, phoneKey } from '../modules/appointments/appointments.secrets.js';
import { publicSeats, slotsOfDay, type ScheduleRule, type Slot } from '../modules/appointments/appointments.slots.js';
import { addDays, effectiveDays, localDateTime, type CalendarException, type WeeklyInterval } from '../modules/network/network.opening.js';
import { SERVICES, type ServiceKey } from './demo-services.js';
import { demoVisitor, seededRandom, type DemoVisitor } from './demo-visitors.js';

/**
 * Booking in the demo: which services of Lisbon and Porto can be booked, their capacity schedules
 * and policies, and a week of appointments in Lisbon from the day of loading so reception, the
 * counters and the phone line have something to show. Seats follow the engine's rule (public from
 * seat 1 up, phone and staff from the top down), so availability counts stay true.
 */

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

interface Bookable {
  service: ServiceKey;
  /** Desks in the morning (09:00–12:30) and afternoon (14:00–17:30) of working days. */
  desks: number;
  /** Appointments a contact may hold at once for the service. */
  maxActive?: number;
  checkinOpensMinutesBefore?: number;
  lateGraceMinutes?: number;
}

const BOOKABLE: Record<'LIS' | 'OPO', Bookable[]> = {
  LIS: [
    { service: 'permitRenewal', desks: 3 },
    { service: 'permitApplication', desks: 2 },
    { service: 'reunificationApplication', desks: 1 },
    { service: 'socialSecurityNumber', desks: 2 },
    { service: 'benefits', desks: 1 },
    { service: 'citizenship', desks: 2 },
    { service: 'legalAdvice', desks: 1, lateGraceMinutes: 10 },
    { service: 'housing', desks: 1 },
    { service: 'qualifications', desks: 1 },
    { service: 'jobSearch', desks: 1 },
  ],
  OPO: [
    { service: 'permitRenewal', desks: 2 },
    { service: 'permitApplication', desks: 1 },
    { service: 'socialSecurityNumber', desks: 1 },
    { service: 'legalAdvice', desks: 1, lateGraceMinutes: 10 },
    { service: 'jobSearch', desks: 1 },
  ],
};

const SHIFTS = [
  { starts: '09:00', ends: '12:30' },
  { starts: '14:00', ends: '17:30' },
];
const WORKING_DAYS = [1, 2, 3, 4, 5];
/** Share of the seats of the coming week already booked, and of those, how many came by phone or staff. */
const FILL = 0.45;
const BY_PHONE = 0.2;
const BY_STAFF = 0.1;

export interface BookingInput {
  /** Centre code → id, time zone, opening week and calendar exceptions. */
  centres: Map<string, { id: string; timeZone: string; week: WeeklyInterval[]; exceptions: CalendarException[] }>;
  /** "LIS/PERMIT-RENEW" → service id. */
  serviceIds: Map<string, string>;
  now: Date;
}

export interface BookingRows {
  policies: Rows<'booking_policies'>;
  schedules: Rows<'appointment_schedules'>;
  appointments: Rows<'appointments'>;
  seats: Rows<'appointment_seats'>;
}

export function demoBookingRows(input: BookingInput): BookingRows {
  const rows: BookingRows = { policies: [], schedules: [], appointments: [], seats: [] };
  const random = seededRandom(20_240_601);
  for (const [code, bookables] of Object.entries(BOOKABLE)) {
    const centre = input.centres.get(code);
    if (!centre) throw new Error(`The demo books at ${code}, which the demo network does not have`);
    const today = localDateTime(centre.timeZone, input.now).date;
    for (const bookable of bookables) {
      const serviceId = input.serviceIds.get(`${code}/${SERVICES[bookable.service].code}`);
      if (!serviceId) throw new Error(`The demo books ${bookable.service} at ${code}, which is not offered there`);
      const rules: ScheduleRule[] = SHIFTS.map((shift) => ({ weekdays: WORKING_DAYS, ...shift, desks: bookable.desks, validFrom: `${today.slice(0, 4)}-01-01`, validTo: null }));
      rows.schedules.push(...rules.map((rule) => ({ id: uuidv7(), service_id: serviceId, weekdays: rule.weekdays, starts: rule.starts, ends: rule.ends, desks: rule.desks, valid_from: rule.validFrom, valid_to: rule.validTo })));
      // A single desk cannot be shared out: the portal books it, phone and staff book like everyone.
      const publicShare = bookable.desks === 1 ? 100 : 70;
      rows.policies.push({
        service_id: serviceId,
        slot_minutes: null,
        public_share_percent: publicShare,
        earliest_days: 1,
        latest_days: 60,
        hold_minutes: 10,
        max_active_per_contact: bookable.maxActive ?? 1,
        release_window_minutes: 120,
        checkin_opens_minutes_before: bookable.checkinOpensMinutesBefore ?? 60,
        late_grace_minutes: bookable.lateGraceMinutes ?? 15,
      });
      if (code !== 'LIS') continue;
      const days = effectiveDays(centre.week, centre.exceptions, today, addDays(today, 6)).filter((day) => day.open);
      const slots = days.flatMap((day) => slotsOfDay(centre.timeZone, day, rules, SERVICES[bookable.service].minutes)).filter((slot) => slot.startsAt > input.now);
      for (const slot of slots) bookSlot(rows, random, { centreId: centre.id, serviceId, slot, publicShare, now: input.now });
    }
  }
  return rows;
}

function bookSlot(rows: BookingRows, random: () => number, args: { centreId: string; serviceId: string; slot: Slot; publicShare: number; now: Date }): void {
  const publicTop = publicSeats(args.slot.capacity, args.publicShare);
  let nextPublic = 1;
  let nextReserved = args.slot.capacity;
  for (let seat = 0; seat < args.slot.capacity; seat++) {
    if (random() >= FILL) continue;
    const roll = random();
    const channel = roll < BY_STAFF ? 'staff' : roll < BY_STAFF + BY_PHONE ? 'phone' : 'public';
    // Public bookings take the lowest free public seat; phone and staff the highest free seat.
    if (nextPublic > nextReserved) break;
    let seatNo: number;
    if (channel !== 'public') seatNo = nextReserved--;
    else if (nextPublic <= publicTop) seatNo = nextPublic++;
    else continue;
    const id = uuidv7();
    const visitor = demoVisitor(random, rows.appointments.length + 1);
    rows.appointments.push(appointmentRow(id, args, seatNo, channel, visitor));
    rows.seats.push({ service_id: args.serviceId, starts_at: args.slot.startsAt, seat_no: seatNo, appointment_id: id, held_until: null, released_at: null });
  }
}

function appointmentRow(id: string, args: { centreId: string; serviceId: string; slot: Slot; now: Date }, seatNo: number, channel: 'public' | 'phone' | 'staff', visitor: DemoVisitor): Insertable<Database['appointments']> {
  // Booked some days before: the demo has no person's link for them (no token), staff still find them by reference.
  const bookedAt = new Date(args.now.getTime() - (1 + (seatNo % 9)) * 86_400_000);
  return {
    id,
    reference: newReference(),
    centre_id: args.centreId,
    service_id: args.serviceId,
    starts_at: args.slot.startsAt,
    ends_at: args.slot.endsAt,
    seat_no: seatNo,
    state: 'booked',
    channel,
    hold_expires_at: bookedAt,
    contact_name: visitor.name,
    contact_email: visitor.email,
    contact_phone: visitor.phone,
    preferred_language: visitor.language,
    email_key: emailKey(visitor.email),
    phone_key: phoneKey(visitor.phone),
    booked_at: bookedAt,
    created_at: bookedAt,
  };
}
