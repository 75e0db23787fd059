import type { Centre, Unit } from '../../db/types.js';
import { hhmm } from './network.opening.js';
import type { CalendarExceptionRow } from './network.repo.js';
import type { CentreView, ExceptionView } from './network.schemas.js';
import type { CounterView, ServiceView, UnitView } from './network.units.schemas.js';
import type { CounterRow, ServiceRow } from './network.units.repo.js';

/** Rows as the API shows them: camelCase, ISO timestamps, times as HH:MM. */

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function presentCentre(row: Centre): CentreView {
  return {
    id: row.id,
    networkId: row.network_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    timeZone: row.time_zone,
    address: { street: row.street, postalCode: row.postal_code, city: row.city, country: row.country },
    phone: row.phone,
    email: row.email,
    announcementLanguages: row.announcement_languages,
    archivedAt: iso(row.archived_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentException(row: CalendarExceptionRow): ExceptionView {
  return {
    id: row.id,
    date: row.on_date,
    kind: row.kind,
    opens: row.opens ? hhmm(row.opens) : null,
    closes: row.closes ? hhmm(row.closes) : null,
    label: row.label,
  };
}

export function presentUnit(row: Unit): UnitView {
  return {
    id: row.id,
    centreId: row.centre_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    organisation: row.organisation,
    location: row.location,
    archivedAt: iso(row.archived_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentService(row: ServiceRow): ServiceView {
  return {
    id: row.id,
    unitId: row.unit_id,
    centreId: row.centre_id,
    code: row.code,
    names: row.names,
    typicalMinutes: row.typical_minutes,
    ticketPrefix: row.ticket_prefix,
    requiredDocuments: row.required_documents.map((names) => ({ names })),
    languages: row.languages,
    archivedAt: iso(row.archived_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentCounter(row: CounterRow): CounterView {
  return {
    id: row.id,
    unitId: row.unit_id,
    centreId: row.centre_id,
    label: row.label,
    location: row.location,
    serviceIds: row.service_ids,
    breaks: row.breaks,
    archivedAt: iso(row.archived_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
