import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CentreCalendarExceptionsTable, CentreOpeningHoursTable, CentresTable, CounterServicesTable, CountersTable, NetworksTable, ServicesTable, UnitsTable } from './tables/network.js';
import type { LoginAttemptsTable, OidcLoginsTable, StaffIdentitiesTable, StaffRolesTable, StaffSessionsTable, StaffTable } from './tables/accounts.js';
import type { AuditEventsTable, RealtimeEventsTable, RealtimeRetentionTable } from './tables/audit-realtime.js';
import type { CounterSessionsTable, IdempotencyKeysTable, QueuePoliciesTable, TicketEventsTable, TicketSequencesTable, TicketsTable, VisitsTable } from './tables/queue.js';
import type { AppointmentSchedulesTable, AppointmentSeatsTable, AppointmentsTable, BookingPoliciesTable } from './tables/appointments.js';
import type { QueueDevicesTable } from './tables/queue-public.js';
import type { PeopleTable, PersonContactsTable, PersonDocumentsTable, PersonMergesTable } from './tables/people.js';
import type { JobsTable, RecurringTaskRunsTable } from './tables/jobs.js';

/** Every table, by module: each module owns the tables in its file under ./tables. */
export type * from './tables/columns.js';
export type * from './tables/network.js';
export type * from './tables/accounts.js';
export type * from './tables/audit-realtime.js';
export type * from './tables/queue.js';
export type * from './tables/appointments.js';
export type * from './tables/queue-public.js';
export type * from './tables/people.js';
export type * from './tables/jobs.js';

export interface Database {
  networks: NetworksTable;
  centres: CentresTable;
  centre_opening_hours: CentreOpeningHoursTable;
  centre_calendar_exceptions: CentreCalendarExceptionsTable;
  units: UnitsTable;
  services: ServicesTable;
  counters: CountersTable;
  counter_services: CounterServicesTable;
  staff: StaffTable;
  staff_roles: StaffRolesTable;
  staff_identities: StaffIdentitiesTable;
  staff_sessions: StaffSessionsTable;
  oidc_logins: OidcLoginsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  realtime_events: RealtimeEventsTable;
  realtime_retention: RealtimeRetentionTable;
  visits: VisitsTable;
  ticket_sequences: TicketSequencesTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  counter_sessions: CounterSessionsTable;
  queue_policies: QueuePoliciesTable;
  idempotency_keys: IdempotencyKeysTable;
  queue_devices: QueueDevicesTable;
  people: PeopleTable;
  person_documents: PersonDocumentsTable;
  person_contacts: PersonContactsTable;
  person_merges: PersonMergesTable;
  appointment_schedules: AppointmentSchedulesTable;
  booking_policies: BookingPoliciesTable;
  appointments: AppointmentsTable;
  appointment_seats: AppointmentSeatsTable;
  jobs: JobsTable;
  recurring_task_runs: RecurringTaskRunsTable;
}

export type Centre = Selectable<CentresTable>;
export type NewCentre = Insertable<CentresTable>;
export type CentreUpdate = Updateable<CentresTable>;
export type Unit = Selectable<UnitsTable>;
export type Service = Selectable<ServicesTable>;
export type Counter = Selectable<CountersTable>;
export type Staff = Selectable<StaffTable>;
export type StaffSession = Selectable<StaffSessionsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
export type RealtimeEvent = Selectable<RealtimeEventsTable>;
