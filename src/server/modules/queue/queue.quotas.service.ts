import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { localDateTime } from '../network/network.opening.js';
import { findCentreById } from '../network/network.service.js';
import { can, ensureCanSee } from './queue.policy.js';
import type { DailyQuotaList } from './queue.public.schemas.js';

/**
 * The kiosk quotas of a centre's live services that the actor may change (queue.manage at the
 * service's unit), with the tickets handed out today: a unit manager sees their unit's services.
 * Nobody with queue.manage there: 403.
 */
export async function listDailyQuotas(db: Kysely<Database>, context: StaffContext, centreId: string, now = new Date()): Promise<DailyQuotaList> {
  const centre = await findCentreById(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCanSee(context.actor, { centreId }, 'The centre');
  const today = localDateTime(centre.timeZone, now).date;
  const rows = await db
    .selectFrom('services')
    .innerJoin('units', 'units.id', 'services.unit_id')
    .leftJoin('ticket_sequences', (join) => join.onRef('ticket_sequences.service_id', '=', 'services.id').on('ticket_sequences.local_day', '=', today))
    .select(['services.id', 'services.unit_id', 'services.names', 'services.ticket_prefix', 'services.daily_quota', 'units.name as unit_name', 'ticket_sequences.last_number'])
    .where('units.centre_id', '=', centreId)
    .where('services.archived_at', 'is', null)
    .where('units.archived_at', 'is', null)
    .orderBy('units.name')
    .orderBy('services.ticket_prefix')
    .execute();
  const mine = rows.filter((row) => can(context.actor, 'queue.manage', { centreId, unitId: row.unit_id }));
  if (mine.length === 0 && !can(context.actor, 'queue.manage', { centreId })) throw AppError.forbidden();
  return {
    day: today,
    items: mine.map((row) => ({
      serviceId: row.id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      serviceNames: row.names,
      ticketPrefix: row.ticket_prefix,
      dailyQuota: row.daily_quota,
      issuedToday: row.last_number ?? 0,
    })),
  };
}
