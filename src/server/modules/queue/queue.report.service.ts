import { sql, type Kysely } from 'kysely';
import type { Database, LocalisedText } from '../../db/types.js';
import { AppError } from '../../http/errors.js';
import type { StaffContext } from '../../http/request-context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCentreById } from '../network/network.service.js';
import { ensureCanSee, readableUnitsAt } from './queue.policy.js';
import type { DailyReport, ReportRow } from './queue.schemas.js';

interface RawRow {
  unit_id: string | null;
  unit_name: string | null;
  service_id: string | null;
  service_names: LocalisedText | null;
  level: number;
  visits: number;
  tickets: number;
  served: number;
  no_shows: number;
  cancelled: number;
  transferred_out: number;
  wait_p50: number | null;
  wait_p90: number | null;
  service_mean: number | null;
  service_p50: number | null;
  service_p90: number | null;
}

interface AppointmentRow {
  unit_id: string | null;
  unit_name: string | null;
  service_id: string | null;
  service_names: LocalisedText | null;
  level: number;
  appointments: number;
  checked_in: number;
  no_shows: number;
  cancelled: number;
}

const levelOf = (grouping: number): ReportRow['level'] => (grouping === 3 ? 'centre' : grouping === 1 ? 'unit' : 'service');

const round = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * A centre's day from the recorded moments: per service, per unit and for the whole centre, the
 * visits, tickets, outcomes, waits (queued → first call) and service times (start → end), as
 * percentiles in minutes, and the appointments due that day: booked, checked in, not come
 * (no-shows) and cancelled. A unit manager sees the rows of their units only.
 */
export async function dailyReport(db: Kysely<Database>, context: StaffContext, centreId: string, day: string): Promise<DailyReport> {
  const centre = await findCentreById(db, centreId);
  if (!centre) throw AppError.notFound('The centre');
  ensureCanSee(context.actor, { centreId }, 'The centre');
  const readable = readableUnitsAt(context.actor, centreId);
  if (!readable.allUnits && readable.unitIds.length === 0) throw AppError.forbidden();
  const unitFilter = readable.allUnits ? sql`true` : sql`t.unit_id IN (${sql.join(readable.unitIds.map((id) => sql`${id}::uuid`))})`;
  const minutes = (from: string, to: string) => sql.raw(`extract(epoch FROM t.${to} - t.${from})::float8 / 60`);
  const result = await sql<RawRow>`
    SELECT t.unit_id, min(u.name) AS unit_name, t.service_id, (array_agg(s.names))[1] AS service_names,
      GROUPING(t.unit_id, t.service_id) AS level,
      count(DISTINCT t.visit_id)::int AS visits,
      count(*)::int AS tickets,
      count(*) FILTER (WHERE t.state = 'done')::int AS served,
      count(*) FILTER (WHERE t.state = 'no_show')::int AS no_shows,
      count(*) FILTER (WHERE t.state = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE t.state = 'transferred')::int AS transferred_out,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes('queued_at', 'first_called_at')}) AS wait_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${minutes('queued_at', 'first_called_at')}) AS wait_p90,
      avg(${minutes('started_at', 'ended_at')}) AS service_mean,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes('started_at', 'ended_at')}) AS service_p50,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${minutes('started_at', 'ended_at')}) AS service_p90
    FROM tickets t
    JOIN units u ON u.id = t.unit_id
    JOIN services s ON s.id = t.service_id
    WHERE t.centre_id = ${centreId} AND t.local_day = ${day}::date AND ${unitFilter}
    GROUP BY GROUPING SETS ((), (t.unit_id), (t.unit_id, t.service_id))
    ORDER BY GROUPING(t.unit_id, t.service_id) DESC, min(u.name), t.unit_id, t.service_id`.execute(db);
  // Due that day in the centre's zone; holds that never became bookings are not appointments.
  const appointmentUnitFilter = readable.allUnits ? sql`true` : sql`s.unit_id IN (${sql.join(readable.unitIds.map((id) => sql`${id}::uuid`))})`;
  const appointments = await sql<AppointmentRow>`
    SELECT s.unit_id, min(u.name) AS unit_name, a.service_id, (array_agg(s.names))[1] AS service_names,
      GROUPING(s.unit_id, a.service_id) AS level,
      count(*) FILTER (WHERE a.state IN ('booked', 'checked_in', 'no_show'))::int AS appointments,
      count(*) FILTER (WHERE a.state = 'checked_in')::int AS checked_in,
      count(*) FILTER (WHERE a.state = 'no_show')::int AS no_shows,
      count(*) FILTER (WHERE a.state = 'cancelled')::int AS cancelled
    FROM appointments a
    JOIN services s ON s.id = a.service_id
    JOIN units u ON u.id = s.unit_id
    WHERE a.centre_id = ${centreId}
      AND a.starts_at >= (${day}::date)::timestamp AT TIME ZONE ${centre.timeZone}
      AND a.starts_at < (${day}::date + 1)::timestamp AT TIME ZONE ${centre.timeZone}
      AND a.state IN ('booked', 'checked_in', 'no_show', 'cancelled')
      AND ${appointmentUnitFilter}
    GROUP BY GROUPING SETS ((), (s.unit_id), (s.unit_id, a.service_id))`.execute(db);
  await db.transaction().execute((trx) =>
    recordAudit(trx, context, { action: 'queue.report.read', resourceType: 'queue_report', resourceId: centreId, centreId, details: { day, allUnits: readable.allUnits } }),
  );
  const keyOf = (level: ReportRow['level'], unitId: string | null, serviceId: string | null) => `${level}:${unitId ?? ''}:${serviceId ?? ''}`;
  const byKey = new Map<string, ReportRow>();
  for (const row of result.rows) {
    const level = levelOf(Number(row.level));
    byKey.set(keyOf(level, row.unit_id, row.service_id), {
      level,
      unitId: row.unit_id,
      unitName: level === 'centre' ? null : row.unit_name,
      serviceId: row.service_id,
      serviceNames: level === 'service' ? row.service_names : null,
      visits: row.visits,
      tickets: row.tickets,
      served: row.served,
      noShows: row.no_shows,
      cancelled: row.cancelled,
      transferredOut: row.transferred_out,
      waitP50Minutes: round(row.wait_p50),
      waitP90Minutes: round(row.wait_p90),
      serviceMeanMinutes: round(row.service_mean),
      serviceP50Minutes: round(row.service_p50),
      serviceP90Minutes: round(row.service_p90),
      appointments: 0,
      appointmentsCheckedIn: 0,
      appointmentNoShows: 0,
      appointmentsCancelled: 0,
    });
  }
  // A service whose booked people all stayed away has appointments and no tickets: it gets a row too.
  for (const row of appointments.rows) {
    const level = levelOf(Number(row.level));
    const key = keyOf(level, row.unit_id, row.service_id);
    const existing =
      byKey.get(key) ??
      ({
        level, unitId: row.unit_id, unitName: level === 'centre' ? null : row.unit_name, serviceId: row.service_id, serviceNames: level === 'service' ? row.service_names : null,
        visits: 0, tickets: 0, served: 0, noShows: 0, cancelled: 0, transferredOut: 0,
        waitP50Minutes: null, waitP90Minutes: null, serviceMeanMinutes: null, serviceP50Minutes: null, serviceP90Minutes: null,
      } as ReportRow);
    byKey.set(key, { ...existing, appointments: row.appointments, appointmentsCheckedIn: row.checked_in, appointmentNoShows: row.no_shows, appointmentsCancelled: row.cancelled });
  }
  const order: Record<ReportRow['level'], number> = { centre: 0, unit: 1, service: 2 };
  const rows = [...byKey.values()]
    // A unit-scoped reader gets their units and services, not a centre total that hides the others.
    .filter((row) => readable.allUnits || row.level !== 'centre')
    .sort((a, b) => order[a.level] - order[b.level] || (a.unitName ?? '').localeCompare(b.unitName ?? '') || (a.unitId ?? '').localeCompare(b.unitId ?? '') || (a.serviceId ?? '').localeCompare(b.serviceId ?? ''));
  return { centreId, day, timeZone: centre.timeZone, rows };
}

export const REPORT_CSV_COLUMNS = [
  'level', 'unit', 'service', 'visits', 'tickets', 'served', 'no_shows', 'cancelled', 'transferred_out', 'wait_p50_min', 'wait_p90_min', 'service_mean_min', 'service_p50_min', 'service_p90_min',
  'appointments', 'appointments_checked_in', 'appointment_no_shows', 'appointments_cancelled',
] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what needs it, and defuse spreadsheet formulas in names.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV (UTF-8 with BOM so spreadsheets read accents), service names in `language`. */
export function reportCsv(report: DailyReport, language: string): string {
  const lines = [REPORT_CSV_COLUMNS.join(',')];
  for (const row of report.rows) {
    const service = row.serviceNames ? (row.serviceNames[language] ?? Object.values(row.serviceNames)[0] ?? '') : '';
    lines.push(
      [row.level, row.unitName, service, row.visits, row.tickets, row.served, row.noShows, row.cancelled, row.transferredOut, row.waitP50Minutes, row.waitP90Minutes, row.serviceMeanMinutes, row.serviceP50Minutes, row.serviceP90Minutes, row.appointments, row.appointmentsCheckedIn, row.appointmentNoShows, row.appointmentsCancelled]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
