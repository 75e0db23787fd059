import { stringify } from 'csv-stringify/sync';
import type { AccessReport } from './people.data-protection.schemas.js';

/** A spreadsheet formula at the start of a cell (=, +, -, @, tab) is neutralised with a quote. */
function safe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The access report as CSV: UTF-8 with a byte order mark (accents and Arabic open right), CRLF. */
export function accessReportCsv(report: AccessReport): string {
  const header = ['at', 'staff', 'roles', 'unit', 'centre', 'action', 'kind', 'break_glass', 'reason'];
  const rows = report.items.map((item) => [
    item.at,
    item.staff.name,
    item.staff.roles.join(' '),
    item.unit?.name ?? '',
    item.centre?.name ?? '',
    item.action,
    item.kind,
    item.breakGlass ? 'true' : 'false',
    item.reason ?? '',
  ].map(safe));
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}
