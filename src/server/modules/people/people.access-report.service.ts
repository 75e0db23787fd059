import type { Kysely } from 'kysely';
import { actorMay } from '../../access/actor.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordPersonalDataRead } from '../audit/audit.service.js';
import { findCentreById } from '../network/network.service.js';
import { findEventsAboutPerson, findStaffGrants, type AccessEventRow } from './people.access-report.repo.js';
import type { AccessReport, AccessReportEntry, AccessReportQuery } from './people.data-protection.schemas.js';
import { findPersonRow } from './people.repo.js';

/** A report longer than this asks for a narrower period rather than growing without bound. */
export const ACCESS_REPORT_LIMIT = 5000;

/** Journal verbs that show data without changing it; every other event on the file changed it. */
const READ_VERBS = new Set(['read', 'search_hit', 'duplicate_candidate', 'duplicate_review', 'merge_history', 'timeline', 'list', 'access_report', 'subject_export']);

/**
 * "Who accessed my file": for staff answering a person's request (centre managers and auditors
 * whose scope holds the person's home centre, action people.access_report). Lists every journal
 * event on the person — who (name, roles, unit), what, when, break-glass flags and reasons — at any
 * centre. Anonymised people have no one to hand it to: 404. The request itself is journalled.
 */
export async function personAccessReport(db: Kysely<Database>, context: StaffContext, id: string, query: AccessReportQuery, format: 'json' | 'csv' | 'print'): Promise<AccessReport> {
  const found = await findPersonRow(db, id);
  const row = found?.merged_into ? await findPersonRow(db, found.merged_into) : found;
  if (!row || row.anonymised_at || !actorMay(context.actor, 'people.access_report', { centreId: row.home_centre_id })) {
    // Like every people endpoint: a person out of reach looks like no person.
    if (row && !row.anonymised_at && actorMay(context.actor, 'people.read', { centreId: row.home_centre_id })) throw AppError.forbidden();
    throw AppError.notFound('The person');
  }
  const merged = await db.selectFrom('people').select('id').where('merged_into', '=', row.id).execute();
  const events = await findEventsAboutPerson(db, [row.id, ...merged.map((m) => m.id)], query, ACCESS_REPORT_LIMIT + 1);
  const shown = events.slice(0, ACCESS_REPORT_LIMIT);
  const grants = await findStaffGrants(db, [...new Set(shown.flatMap((e) => (e.actor_id ? [e.actor_id] : [])))]);
  const centre = await findCentreById(db, row.home_centre_id);
  await recordPersonalDataRead(db, context, {
    action: 'person.access_report',
    resourceType: 'person',
    resourceId: row.id,
    centreId: row.home_centre_id,
    details: { format, count: shown.length, from: query.from ?? null, to: query.to ?? null },
  });
  return {
    person: { id: row.id, displayName: displayNameOf(row), homeCentre: { id: row.home_centre_id, name: centre?.name ?? '' } },
    generatedAt: new Date().toISOString(),
    from: query.from ?? null,
    to: query.to ?? null,
    items: shown.map((event) => presentEvent(event, grants)),
    truncated: events.length > ACCESS_REPORT_LIMIT,
  };
}

function displayNameOf(row: { given_names: string; family_names: string; native_given_names: string; native_family_names: string }): string {
  const latin = `${row.given_names} ${row.family_names}`.trim();
  const native = `${row.native_given_names} ${row.native_family_names}`.trim();
  return latin && native ? `${latin} (${native})` : latin || native;
}

function presentEvent(event: AccessEventRow, grants: Awaited<ReturnType<typeof findStaffGrants>>): AccessReportEntry {
  const own = grants.filter((g) => g.staff_id === event.actor_id);
  // The place of the event when it has one, otherwise the unit the staff member works in.
  const unitGrant = own.find((g) => g.unit_id && g.unit_name);
  const unit = event.unit_id && event.unit_name ? { id: event.unit_id, name: event.unit_name } : unitGrant ? { id: unitGrant.unit_id!, name: unitGrant.unit_name! } : null;
  const verb = event.action.split('.').at(-1) ?? '';
  return {
    at: new Date(event.at).toISOString(),
    action: event.action,
    kind: READ_VERBS.has(verb) ? 'read' : event.actor_id ? 'change' : 'other',
    staff: { id: event.actor_id, name: event.staff_display_name ?? event.actor_name, roles: [...new Set(own.map((g) => g.role))] },
    centre: event.centre_id && event.centre_name ? { id: event.centre_id, name: event.centre_name } : null,
    unit,
    breakGlass: event.break_glass,
    reason: event.reason,
  };
}
