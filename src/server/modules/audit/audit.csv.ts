import { Readable, pipeline, type Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditEventRow } from './audit.repo.js';

/** Columns of the export, in order; the header row repeats these names. */
export const AUDIT_CSV_COLUMNS = [
  'at',
  'actor_id',
  'actor_name',
  'action',
  'resource_type',
  'resource_id',
  'centre_id',
  'centre_name',
  'unit_id',
  'unit_name',
  'personal_data',
  'break_glass',
  'reason',
  'ip',
  'request_id',
  'details',
] as const;

function csvRecord(row: AuditEventRow): Record<(typeof AUDIT_CSV_COLUMNS)[number], string> {
  return {
    at: row.at.toISOString(),
    actor_id: row.actor_id ?? '',
    actor_name: row.actor_name,
    action: row.action,
    resource_type: row.resource_type,
    resource_id: row.resource_id ?? '',
    centre_id: row.centre_id ?? '',
    centre_name: row.centre_name ?? '',
    unit_id: row.unit_id ?? '',
    unit_name: row.unit_name ?? '',
    personal_data: row.personal_data ? 'true' : 'false',
    break_glass: row.break_glass ? 'true' : 'false',
    reason: row.reason ?? '',
    ip: row.ip ?? '',
    request_id: row.request_id ?? '',
    details: JSON.stringify(row.details),
  };
}

/**
 * The rows as a CSV byte stream: UTF-8 with a byte order mark (spreadsheets then read accents and
 * Arabic correctly), CRLF line ends, a header row, and cells that start like a formula (=, +, -, @)
 * prefixed with ' so a name such as "=HYPERLINK(…)" stays text when the file is opened.
 */
export function auditCsvStream(rows: AsyncIterable<AuditEventRow>, onError: (error: Error) => void): Transform {
  const csv = stringify({
    bom: true,
    header: true,
    columns: [...AUDIT_CSV_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
  pipeline(
    Readable.from((async function* () {
      for await (const row of rows) yield csvRecord(row);
    })()),
    csv,
    (error) => {
      if (error) onError(error);
    },
  );
  return csv;
}
