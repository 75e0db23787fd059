import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordNetworkChange, withUniqueFields } from './network.changes.js';
import { ensureCanChange } from './network.policy.js';
import { presentException } from './network.presenters.js';
import * as repo from './network.repo.js';
import { exceptionHoursIssues, type ExceptionInput, type ExceptionPatch, type ExceptionView, type OpeningCalendar, type OpeningInterval } from './network.schemas.js';
import { loadReadableCentre, openingDays } from './network.service.js';

// Opening hours and the calendar belong to whoever runs the centre: managing units there covers them.
const CALENDAR_ACTION = 'network.manage_units';

export async function getOpening(db: Kysely<Database>, context: StaffContext, centreId: string, from: string, to: string): Promise<OpeningCalendar> {
  await loadReadableCentre(db, context.actor, centreId);
  return openingDays(db, centreId, from, to);
}

/** Replaces the whole weekly pattern at once (the body was checked for order and overlaps). */
export async function replaceWeeklyHours(db: Kysely<Database>, context: StaffContext, centreId: string, hours: OpeningInterval[]): Promise<OpeningInterval[]> {
  await loadReadableCentre(db, context.actor, centreId);
  ensureCanChange(context.actor, CALENDAR_ACTION, { centreId }, 'The centre');
  return db.transaction().execute(async (trx) => {
    await repo.replaceOpeningHours(trx, centreId, hours);
    await recordNetworkChange(trx, context, {
      action: 'centre.opening_hours.replace',
      resourceType: 'centre_calendar',
      resourceId: centreId,
      centreId,
      details: { intervals: hours.length },
    });
    return repo.listOpeningHours(trx, centreId);
  });
}

export async function listExceptions(db: Kysely<Database>, context: StaffContext, centreId: string, range: { from?: string; to?: string }): Promise<ExceptionView[]> {
  await loadReadableCentre(db, context.actor, centreId);
  return (await repo.listCalendarExceptions(db, centreId, range)).map(presentException);
}

function exceptionValues(value: { date: string; kind: ExceptionView['kind']; opens?: string | null; closes?: string | null; label?: string }): repo.CalendarExceptionValues {
  const special = value.kind === 'special_hours';
  return { on_date: value.date, kind: value.kind, opens: special ? (value.opens ?? null) : null, closes: special ? (value.closes ?? null) : null, label: value.label ?? '' };
}

export async function addException(db: Kysely<Database>, context: StaffContext, centreId: string, input: ExceptionInput): Promise<ExceptionView> {
  await loadReadableCentre(db, context.actor, centreId);
  ensureCanChange(context.actor, CALENDAR_ACTION, { centreId }, 'The centre');
  const row = await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      const inserted = await repo.insertCalendarException(trx, centreId, exceptionValues(input));
      await recordNetworkChange(trx, context, {
        action: 'centre.calendar_exception.create',
        resourceType: 'centre_calendar',
        resourceId: inserted.id,
        centreId,
        details: { date: input.date, kind: input.kind },
      });
      return inserted;
    }),
  );
  return presentException(row);
}

export async function updateException(db: Kysely<Database>, context: StaffContext, centreId: string, exceptionId: string, patch: ExceptionPatch): Promise<ExceptionView> {
  await loadReadableCentre(db, context.actor, centreId);
  const existing = await repo.findCalendarException(db, centreId, exceptionId);
  if (!existing) throw AppError.notFound('The calendar exception');
  ensureCanChange(context.actor, CALENDAR_ACTION, { centreId }, 'The calendar exception');
  const current = presentException(existing);
  const merged = {
    date: patch.date ?? current.date,
    kind: patch.kind ?? current.kind,
    // Changing a special day into a holiday drops its hours unless new ones are given.
    opens: patch.opens !== undefined ? patch.opens : patch.kind && patch.kind !== 'special_hours' ? null : current.opens,
    closes: patch.closes !== undefined ? patch.closes : patch.kind && patch.kind !== 'special_hours' ? null : current.closes,
    label: patch.label ?? current.label,
  };
  const issues = exceptionHoursIssues(merged);
  if (issues.length > 0) throw AppError.invalid(issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message })));
  const row = await withUniqueFields(() =>
    db.transaction().execute(async (trx) => {
      const updated = await repo.updateCalendarException(trx, exceptionId, exceptionValues(merged));
      await recordNetworkChange(trx, context, {
        action: 'centre.calendar_exception.update',
        resourceType: 'centre_calendar',
        resourceId: exceptionId,
        centreId,
        details: { date: merged.date, kind: merged.kind },
      });
      return updated;
    }),
  );
  return presentException(row);
}

export async function deleteException(db: Kysely<Database>, context: StaffContext, centreId: string, exceptionId: string): Promise<void> {
  await loadReadableCentre(db, context.actor, centreId);
  const existing = await repo.findCalendarException(db, centreId, exceptionId);
  if (!existing) throw AppError.notFound('The calendar exception');
  ensureCanChange(context.actor, CALENDAR_ACTION, { centreId }, 'The calendar exception');
  await db.transaction().execute(async (trx) => {
    await repo.deleteCalendarException(trx, exceptionId);
    await recordNetworkChange(trx, context, {
      action: 'centre.calendar_exception.delete',
      resourceType: 'centre_calendar',
      resourceId: exceptionId,
      centreId,
      details: { date: existing.on_date, kind: existing.kind },
    });
  });
}
