import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../db/types.js';
import { hashPassword } from '../modules/auth/auth.passwords.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { demoBookingRows, type BookingRows } from './demo-appointments.js';
import { DEMO_CENTRES, NETWORK_NAME, type DemoCentre } from './demo-network.js';
import { documentNames, SERVICES } from './demo-services.js';
import { DEMO_STAFF } from './demo-staff.js';
import { insertDemoPeople } from './demo-people.js';
import { portugueseHolidays } from './portuguese-holidays.js';
import { hashDeviceToken } from '../modules/queue/queue.devices.service.js';
import { loadDemoKnowledge } from './demo-knowledge.js';
import { loadDemoDirectory } from './demo-directory.js';

export interface DemoAccount {
  username: string;
  description: string;
}

export interface DemoLoadResult {
  loaded: boolean;
  accounts: DemoAccount[];
  /** Pages for Lisbon's information screen and kiosk, with their device tokens (shown once). */
  devices: { label: string; path: string }[];
  /** Set when no DEMO_PASSWORD was given: printed once at start, never stored in clear. */
  generatedPassword: string | undefined;
}

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

interface NetworkRows {
  centres: Rows<'centres'>;
  hours: Rows<'centre_opening_hours'>;
  exceptions: Rows<'centre_calendar_exceptions'>;
  units: Rows<'units'>;
  services: Rows<'services'>;
  counters: Rows<'counters'>;
  counterServices: Rows<'counter_services'>;
  /** "LIS" → centre id, "LIS/GAJ" → unit id: where staff grants point. */
  places: Map<string, string>;
}

const WORKDAYS = [1, 2, 3, 4, 5];
const FULL_DAY = [{ opens: '08:30', closes: '18:30' }];
const WITH_LUNCH = [
  { opens: '09:00', closes: '12:30' },
  { opens: '14:00', closes: '17:30' },
];

/** Loads the demo network into an empty database; a database with a network is left as it is. */
export async function loadDemoNetworkIfEmpty(db: Kysely<Database>, options: { password: string | undefined }): Promise<DemoLoadResult> {
  const existing = await db.selectFrom('networks').select('id').limit(1).executeTakeFirst();
  if (existing) return { loaded: false, accounts: [], devices: [], generatedPassword: undefined };
  const generatedPassword = options.password ? undefined : randomBytes(9).toString('base64url');
  // One hash for every account: argon2 is slow on purpose, and these accounts share the password.
  const passwordHash = await hashPassword(options.password ?? generatedPassword ?? '');
  const networkId = uuidv7();
  const rows = networkRows(networkId, new Date().getUTCFullYear());
  const booking = bookingRowsOf(rows, new Date());
  const devices = demoDevices(rows.centres);
  const loaded = await db.transaction().execute(async (trx) => {
    // Two processes starting on one empty database: the second waits here and then finds the network.
    await sql`SELECT pg_advisory_xact_lock(hashtext('oneroof.demo-load'))`.execute(trx);
    if (await trx.selectFrom('networks').select('id').limit(1).executeTakeFirst()) return false;
    await trx.insertInto('networks').values({ id: networkId, name: NETWORK_NAME, host_language: 'pt' }).execute();
    await trx.insertInto('centres').values(rows.centres).execute();
    await trx.insertInto('centre_opening_hours').values(rows.hours).execute();
    await trx.insertInto('centre_calendar_exceptions').values(rows.exceptions).execute();
    await trx.insertInto('units').values(rows.units).execute();
    await trx.insertInto('services').values(rows.services).execute();
    await trx.insertInto('counters').values(rows.counters).execute();
    await trx.insertInto('counter_services').values(rows.counterServices).execute();
    await insertStaff(trx, networkId, rows.places, passwordHash);
    await trx.insertInto('booking_policies').values(booking.policies).execute();
    await trx.insertInto('appointment_schedules').values(booking.schedules).execute();
    if (booking.appointments.length > 0) {
      await trx.insertInto('appointments').values(booking.appointments).execute();
      await trx.insertInto('appointment_seats').values(booking.seats).execute();
    }
    await trx.insertInto('queue_devices').values(devices.map((device) => device.row)).execute();
    const people = await insertDemoPeople(trx, rows.centres.find((centre) => centre.code === 'LIS')!.id);
    await loadDemoKnowledge(trx, networkId);
    await loadDemoDirectory(trx);
    const details = { centres: rows.centres.length, staff: DEMO_STAFF.length, appointments: booking.appointments.length, people };
    await recordAudit(trx, { actor: null, ip: null, requestId: null }, { action: 'demo.load', resourceType: 'network', resourceId: networkId, details });
    return true;
  });
  if (!loaded) return { loaded: false, accounts: [], devices: [], generatedPassword: undefined };
  return {
    loaded: true,
    accounts: DEMO_STAFF.map(({ username, description }) => ({ username, description })),
    devices: devices.map(({ row, path }) => ({ label: row.label, path })),
    generatedPassword,
  };
}

/**
 * A screen and a kiosk for Lisbon, so the public side works right after `npm start`. Their tokens
 * are random and printed once, like the demo password; only hashes are stored.
 */
function demoDevices(centres: { id: string; code: string }[]) {
  const lisbon = centres.find((centre) => centre.code === 'LIS');
  if (!lisbon) return [];
  return (['screen', 'kiosk'] as const).map((kind) => {
    const token = `${kind === 'screen' ? 'scr_' : 'ksk_'}${randomBytes(32).toString('base64url')}`;
    const label = kind === 'screen' ? 'Lisbon: waiting room screen' : 'Lisbon: entrance kiosk';
    return {
      row: { id: uuidv7(), kind, centre_id: lisbon.id, unit_id: null, label, token_hash: hashDeviceToken(token), created_by: null },
      path: `/${kind === 'screen' ? 'display' : 'kiosk'}/${lisbon.id}?token=${encodeURIComponent(token)}`,
    };
  });
}

function networkRows(networkId: string, year: number): NetworkRows {
  const rows: NetworkRows = { centres: [], hours: [], exceptions: [], units: [], services: [], counters: [], counterServices: [], places: new Map() };
  for (const centre of DEMO_CENTRES) {
    const centreId = uuidv7();
    rows.places.set(centre.code, centreId);
    rows.centres.push({
      id: centreId,
      network_id: networkId,
      code: centre.code,
      name: centre.name,
      kind: centre.kind,
      time_zone: centre.timeZone,
      street: centre.street,
      postal_code: centre.postalCode,
      city: centre.city,
      country: 'PT',
      phone: centre.phone,
      email: centre.email,
      announcement_languages: centre.announcementLanguages,
    });
    for (const weekday of WORKDAYS) {
      for (const interval of centre.hours === 'full' ? FULL_DAY : WITH_LUNCH) rows.hours.push({ id: uuidv7(), centre_id: centreId, weekday, ...interval });
    }
    for (const exception of calendarOf(centre, [year, year + 1])) rows.exceptions.push({ id: uuidv7(), centre_id: centreId, ...exception });
    addUnits(rows, centre, centreId);
  }
  return rows;
}

/** Booking policies and schedules of Lisbon and Porto, and a week of Lisbon appointments from `now`. */
function bookingRowsOf(rows: NetworkRows, now: Date): BookingRows {
  const centres: Parameters<typeof demoBookingRows>[0]['centres'] = new Map();
  for (const centre of rows.centres) {
    centres.set(centre.code, {
      id: centre.id,
      timeZone: centre.time_zone,
      week: rows.hours.filter((row) => row.centre_id === centre.id).map((row) => ({ weekday: row.weekday, opens: row.opens, closes: row.closes })),
      exceptions: rows.exceptions.filter((row) => row.centre_id === centre.id).map((row) => ({ date: row.on_date, kind: row.kind, opens: row.opens ?? null, closes: row.closes ?? null, label: row.label ?? '' })),
    });
  }
  const centreCodeOfUnit = new Map(rows.units.map((unit) => [unit.id, rows.centres.find((centre) => centre.id === unit.centre_id)!.code]));
  const serviceIds = new Map(rows.services.map((service) => [`${centreCodeOfUnit.get(service.unit_id)}/${service.code}`, service.id]));
  return demoBookingRows({ centres, serviceIds, now });
}

/** National and municipal holidays, and short days on Christmas and New Year's Eve. */
function calendarOf(centre: DemoCentre, years: number[]): { on_date: string; kind: 'holiday' | 'special_hours'; opens: string | null; closes: string | null; label: string }[] {
  const byDate = new Map<string, { on_date: string; kind: 'holiday' | 'special_hours'; opens: string | null; closes: string | null; label: string }>();
  for (const year of years) {
    const { month, day, label } = centre.municipalHoliday;
    const municipal = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    byDate.set(municipal, { on_date: municipal, kind: 'holiday', opens: null, closes: null, label });
    for (const eve of [`${year}-12-24`, `${year}-12-31`]) byDate.set(eve, { on_date: eve, kind: 'special_hours', opens: '09:00', closes: '13:00', label: 'Horário reduzido' });
    // National holidays last, so they win when a movable feast falls on the municipal holiday.
    for (const holiday of portugueseHolidays(year)) byDate.set(holiday.date, { on_date: holiday.date, kind: 'holiday', opens: null, closes: null, label: holiday.label });
  }
  return [...byDate.values()].sort((a, b) => a.on_date.localeCompare(b.on_date));
}

/** Units, their services, and counters numbered across the centre ("1", "2", …) as screens announce them. */
function addUnits(rows: NetworkRows, centre: DemoCentre, centreId: string): void {
  let counterNumber = 0;
  for (const unit of centre.units) {
    const unitId = uuidv7();
    rows.places.set(`${centre.code}/${unit.code}`, unitId);
    rows.units.push({ id: unitId, centre_id: centreId, code: unit.code, name: unit.name, kind: unit.kind, organisation: unit.organisation, location: unit.location });
    const serviceIds = unit.services.map((key) => {
      const service = SERVICES[key];
      const id = uuidv7();
      rows.services.push({
        id,
        unit_id: unitId,
        code: service.code,
        names: JSON.stringify({ pt: service.pt, en: service.en }),
        typical_minutes: service.minutes,
        ticket_prefix: service.prefix,
        required_documents: JSON.stringify(service.documents.map(documentNames)),
        languages: service.languages,
      });
      return id;
    });
    for (let i = 0; i < unit.counters; i++) {
      const counterId = uuidv7();
      rows.counters.push({ id: counterId, unit_id: unitId, label: String(++counterNumber), location: unit.location });
      for (const serviceId of serviceIds) rows.counterServices.push({ counter_id: counterId, service_id: serviceId });
    }
  }
}

async function insertStaff(trx: Kysely<Database>, networkId: string, places: Map<string, string>, passwordHash: string): Promise<void> {
  const staff: Rows<'staff'> = [];
  const roles: Rows<'staff_roles'> = [];
  for (const person of DEMO_STAFF) {
    const staffId = uuidv7();
    staff.push({ id: staffId, username: person.username, display_name: person.displayName, password_hash: passwordHash, languages: person.languages, locale: person.locale });
    const scope = person.scope;
    const [scopeType, scopeId] =
      'network' in scope ? (['network', networkId] as const) : 'unit' in scope ? (['unit', places.get(`${scope.centre}/${scope.unit}`)] as const) : (['centre', places.get(scope.centre)] as const);
    if (!scopeId) throw new Error(`The demo account ${person.username} points at a place the demo network does not have`);
    roles.push({ id: uuidv7(), staff_id: staffId, role: person.role, scope_type: scopeType, scope_id: scopeId });
  }
  await trx.insertInto('staff').values(staff).execute();
  await trx.insertInto('staff_roles').values(roles).execute();
}
