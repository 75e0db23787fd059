import { sql } from 'kysely';
import type { RecurringTask } from '../../jobs/jobs.types.js';
import { sweepNoShows } from './appointments.checkin.service.js';
import { purgeAccessRecords } from './appointments.my.service.js';

/** Recurring work of the appointments module (listed in src/server/jobs/catalogue.ts). */

/** Booked appointments whose check-in window has closed become no-shows, every five minutes. */
export const noShowSweepTask: RecurringTask = {
  name: 'appointments.no_show_sweep',
  cron: '*/5 * * * *',
  async run(deps, now) {
    const { marked } = await sweepNoShows(deps.db, now);
    return { marked };
  },
};

/** How long after a hold ran out, or a cancelled seat went back to the pool, their rows are tidied. */
const STALE_AFTER_MINUTES = 60;

/**
 * Tidies what the booking engine leaves behind, every fifteen minutes: holds that ran out are
 * written down as `expired` (they already count as free), seat rows that are free again are dropped,
 * and the access links, sessions and request counts of "my procedures" older than a day go. Seats
 * are only ever dropped while free: a DELETE re-checks its condition on a row another request has
 * just taken over, and skips it.
 */
export const staleHoldsTask: RecurringTask = {
  name: 'appointments.stale_holds',
  cron: '*/15 * * * *',
  async run(deps, now) {
    const before = new Date(now.getTime() - STALE_AFTER_MINUTES * 60_000);
    return deps.db.transaction().execute(async (trx) => {
      const expired = await trx.updateTable('appointments').set({ state: 'expired', updated_at: sql`now()` }).where('state', '=', 'held').where('hold_expires_at', '<', before).executeTakeFirst();
      const seats = await trx
        .deleteFrom('appointment_seats')
        .where((eb) => eb.or([eb.and([eb('held_until', 'is not', null), eb('held_until', '<', before)]), eb.and([eb('released_at', 'is not', null), eb('released_at', '<', before)])]))
        .executeTakeFirst();
      const access = await purgeAccessRecords(trx, now);
      return { expiredHolds: Number(expired.numUpdatedRows), freedSeats: Number(seats.numDeletedRows), accessTokens: access.tokens, accessRequests: access.requests };
    });
  },
};
