import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { roleAllows } from '../../../shared/access.js';
import type { Actor } from '../../access/actor.js';
import type { Centre, Database, NewCentre } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordNetworkChange, withUniqueFields } from './network.changes.js';
import { effectiveDays, isOpenAt, localDateTime } from './network.opening.js';
import { can, ensureCanChange, ensureCanRead, readableCentres } from './network.policy.js';
import { presentCentre, presentException } from './network.presenters.js';
import * as repo from './network.repo.js';
import type { CentreDetail, CentreInput, CentrePatch, CentreView, NetworkView, OpeningCalendar } from './network.schemas.js';

// ── For other modules (no actor: they have authorised their own request) ────────────────────────

/** A centre as the API shows it, archived or not; undefined when there is none. */
export async function findCentreById(db: Kysely<Database>, centreId: string): Promise<CentreView | undefined> {
  const row = await repo.findCentre(db, centreId);
  return row ? presentCentre(row) : undefined;
}

/**
 * The hours a centre is open on each day from `from` to `to` (both included, 'YYYY-MM-DD' in the
 * centre's time zone): calendar exceptions replace the weekly pattern. Booking and queues use this.
 */
export async function openingDays(db: Kysely<Database>, centreId: string, from: string, to: string): Promise<OpeningCalendar> {
  const centre = await repo.findCentre(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  const [week, exceptions] = await Promise.all([repo.listOpeningHours(db, centreId), repo.listCalendarExceptions(db, centreId, { from, to })]);
  return { centreId, timeZone: centre.time_zone, days: effectiveDays(week, exceptions.map(presentException), from, to) };
}

/** Whether the centre is open at an instant, judged by its own wall clock. */
export async function isCentreOpenAt(db: Kysely<Database>, centreId: string, instant: Date = new Date()): Promise<boolean> {
  const centre = await repo.findCentre(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  const local = localDateTime(centre.time_zone, instant);
  const [day] = (await openingDays(db, centreId, local.date, local.date)).days;
  return day !== undefined && isOpenAt(day, local.time);
}

// ── Requests of staff ────────────────────────────────────────────────────────────────────────────

export async function getNetwork(db: Kysely<Database>, context: StaffContext): Promise<NetworkView> {
  const network = await repo.findNetwork(db);
  if (!network || !can(context.actor, 'network.read', null)) throw AppError.notFound('The network');
  return { id: network.id, name: network.name, hostLanguage: network.host_language };
}

export async function listCentres(db: Kysely<Database>, context: StaffContext, options: { includeArchived: boolean }): Promise<CentreView[]> {
  const rows = await repo.listCentres(db, readableCentres(context.actor), options.includeArchived);
  return rows.map(presentCentre);
}

/** The centre, when the actor may read it; otherwise the same 404 as for a centre that does not exist. */
export async function loadReadableCentre(db: Kysely<Database>, actor: Actor, centreId: string): Promise<Centre> {
  const centre = await repo.findCentre(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCanRead(actor, { centreId }, 'The centre');
  return centre;
}

export async function getCentre(db: Kysely<Database>, context: StaffContext, centreId: string): Promise<CentreDetail> {
  const centre = await loadReadableCentre(db, context.actor, centreId);
  const today = localDateTime(centre.time_zone).date;
  const [hours, exceptions] = await Promise.all([repo.listOpeningHours(db, centreId), repo.listCalendarExceptions(db, centreId, { from: today })]);
  return { ...presentCentre(centre), openingHours: hours, calendarExceptions: exceptions.map(presentException) };
}

function centreColumns(input: CentrePatch): Partial<NewCentre> {
  const columns: Partial<NewCentre> = {};
  if (input.code !== undefined) columns.code = input.code;
  if (input.name !== undefined) columns.name = input.name;
  if (input.kind !== undefined) columns.kind = input.kind;
  if (input.timeZone !== undefined) columns.time_zone = input.timeZone;
  if (input.address !== undefined) {
    columns.street = input.address.street ?? '';
    columns.postal_code = input.address.postalCode ?? '';
    columns.city = input.address.city ?? '';
    columns.country = input.address.country;
  }
  if (input.phone !== undefined) columns.phone = input.phone || null;
  if (input.email !== undefined) columns.email = input.email || null;
  if (input.announcementLanguages !== undefined) columns.announcement_languages = input.announcementLanguages;
  return columns;
}

/** The network an actor manages centres of: the scope of their network-wide grant. */
function managedNetworkId(actor: Actor): string {
  const grant = actor.grants.find((one) => one.scopeType === 'network' && roleAllows(one.role, 'network.manage_centres'));
  if (!grant) throw AppError.forbidden();
  return grant.scopeId;
}

export async function createCentre(db: Kysely<Database>, context: StaffContext, input: CentreInput): Promise<CentreView> {
  ensureCanChange(context.actor, 'network.manage_centres', null, 'The centre');
  const networkId = managedNetworkId(context.actor);
  const created = await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      const row = await repo.insertCentre(trx, {
        id: uuidv7(),
        network_id: networkId,
        phone: null,
        email: null,
        announcement_languages: [],
        ...centreColumns(input),
      } as NewCentre);
      await recordNetworkChange(trx, context, { action: 'centre.create', resourceType: 'centre', resourceId: row.id, centreId: row.id, details: { code: row.code } });
      return row;
    }),
  );
  return presentCentre(created);
}

export async function updateCentre(db: Kysely<Database>, context: StaffContext, centreId: string, patch: CentrePatch): Promise<CentreView> {
  await loadReadableCentre(db, context.actor, centreId);
  ensureCanChange(context.actor, 'network.manage_centres', { centreId }, 'The centre');
  const updated = await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      const row = await repo.updateCentre(trx, centreId, centreColumns(patch));
      await recordNetworkChange(trx, context, { action: 'centre.update', resourceType: 'centre', resourceId: centreId, centreId, details: { fields: Object.keys(patch) } });
      return row;
    }),
  );
  return presentCentre(updated);
}

export async function setCentreArchived(db: Kysely<Database>, context: StaffContext, centreId: string, archived: boolean): Promise<CentreView> {
  await loadReadableCentre(db, context.actor, centreId);
  ensureCanChange(context.actor, 'network.manage_centres', { centreId }, 'The centre');
  const row = await db.transaction().execute(async (trx) => {
    const updated = await repo.updateCentre(trx, centreId, { archived_at: archived ? new Date() : null });
    await recordNetworkChange(trx, context, { action: archived ? 'centre.archive' : 'centre.restore', resourceType: 'centre', resourceId: centreId, centreId });
    return updated;
  });
  return presentCentre(row);
}
