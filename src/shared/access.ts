/**
 * The permission vocabulary shared by the server (policies) and the web app (navigation).
 * A role is always granted with a scope: the whole network, one centre, or one unit.
 */
export const ROLES = [
  'network_admin',
  'centre_manager',
  'unit_manager',
  'reception_mediator',
  'support_mediator',
  'agency_officer',
  'phone_operator',
  'content_editor',
  'translator',
  'statistician',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['network', 'centre', 'unit'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const ACTIONS = [
  // Network model: centres, units, services, counters.
  'network.read',
  'network.manage_centres',
  'network.manage_units',
  'network.manage_services',
  // Staff accounts and role grants.
  'staff.read',
  'staff.manage',
  // The audit journal.
  'audit.read',
  // Realtime streams of the places one works in.
  'realtime.subscribe',
  // Queues: issuing visits and tickets (at a centre), serving at a counter (of a unit), reading
  // waiting lists and daily reports, and setting a unit's ordering policy.
  'queue.issue',
  'queue.serve',
  'queue.read',
  'queue.manage',
  // People registry: reading a person's shared core (identity, languages, contacts), registering and
  // correcting people, and merging duplicate records (see docs/people.md).
  'people.read',
  'people.register',
  'people.merge',
  // Data protection (docs/people.md): telling a person who read or changed their file, handing them
  // a copy of everything held about them, and setting how long people's data is kept.
  'people.access_report',
  'people.export',
  'people.retention',
  // Appointments: reading a centre's bookings (with contacts), booking, changing and cancelling on
  // a person's behalf (phone line, reception), and setting capacity schedules and booking policies.
  'appointments.read',
  'appointments.book_for_others',
  'appointments.manage',
  // Messages to people (e-mail, SMS): reading the outbox of the places one works in (recipients and
  // texts are personal data), sending a failed message again; and the operations view of background
  // jobs (network-wide).
  'notifications.read',
  'notifications.retry',
  'jobs.read',
  // Knowledge base (network-wide content): writing and publishing the host-language source, and
  // translating it (see docs/knowledge.md). The service directory's partner records and imports.
  'knowledge.edit',
  'knowledge.translate',
  'directory.manage',
  // Case file (see docs/casefile.md): reading and writing the sections of one's own unit (a unit
  // grant is needed: a centre or network grant gives the shared core, never a unit's sections),
  // defining a unit's forms and procedure workflows, recording the purpose of a visit at reception,
  // recording and withdrawing consent, sending and answering referrals, and break-glass access.
  'casefile.read',
  'casefile.write',
  'casefile.manage_forms',
  'casefile.record_purpose',
  'casefile.consent',
  'casefile.refer',
  'casefile.break_glass',
] as const;
export type Action = (typeof ACTIONS)[number];

const everyStaffMember: Action[] = ['network.read', 'realtime.subscribe'];
/** What staff who work on people's files in their unit may do there. */
const caseWorker: Action[] = ['casefile.read', 'casefile.write', 'casefile.consent', 'casefile.refer', 'casefile.break_glass'];

/** What each role may do inside the scope it is granted on. */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  network_admin: [
    ...everyStaffMember,
    'network.manage_centres',
    'network.manage_units',
    'network.manage_services',
    'staff.read',
    'staff.manage',
    'queue.read',
    'queue.manage',
    'appointments.manage',
    'notifications.read',
    'notifications.retry',
    'jobs.read',
    'directory.manage',
    'people.retention',
  ],
  // A centre manager runs the staff of their centre: accounts and roles within the centre (see staff.policy.ts).
  centre_manager: [...everyStaffMember, 'network.manage_units', 'network.manage_services', 'staff.read', 'staff.manage', 'queue.read', 'queue.manage', 'people.read', 'people.merge', 'people.access_report', 'people.export', 'appointments.read', 'appointments.manage', 'notifications.read', 'notifications.retry', 'casefile.manage_forms'],
  unit_manager: [...everyStaffMember, 'network.manage_services', 'staff.read', 'queue.read', 'queue.manage', 'people.read', 'appointments.read', 'appointments.manage', ...caseWorker, 'casefile.manage_forms'],
  reception_mediator: [...everyStaffMember, 'queue.issue', 'queue.read', 'people.read', 'people.register', 'people.merge', 'appointments.read', 'appointments.book_for_others', 'casefile.record_purpose', 'casefile.consent'],
  support_mediator: [...everyStaffMember, 'queue.serve', 'queue.read', 'people.read', 'people.register', ...caseWorker],
  agency_officer: [...everyStaffMember, 'queue.serve', 'queue.read', 'people.read', 'people.register', ...caseWorker],
  // The phone line reads what was sent to a caller ("I did not get the SMS") and sends it again.
  phone_operator: [...everyStaffMember, 'people.read', 'people.register', 'appointments.read', 'appointments.book_for_others', 'notifications.read', 'notifications.retry'],
  // Content work is network-wide: these actions count only on grants at network scope.
  content_editor: [...everyStaffMember, 'knowledge.edit', 'knowledge.translate', 'directory.manage'],
  translator: [...everyStaffMember, 'knowledge.translate'],
  statistician: [...everyStaffMember, 'queue.read'],
  auditor: [...everyStaffMember, 'audit.read', 'staff.read', 'people.access_report'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
