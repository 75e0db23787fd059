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
] as const;
export type Action = (typeof ACTIONS)[number];

const everyStaffMember: Action[] = ['network.read', 'realtime.subscribe'];

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
    'people.retention',
  ],
  // A centre manager runs the staff of their centre: accounts and roles within the centre (see staff.policy.ts).
  centre_manager: [...everyStaffMember, 'network.manage_units', 'network.manage_services', 'staff.read', 'staff.manage', 'queue.read', 'queue.manage', 'people.read', 'people.merge', 'people.access_report', 'people.export', 'appointments.read', 'appointments.manage'],
  unit_manager: [...everyStaffMember, 'network.manage_services', 'staff.read', 'queue.read', 'queue.manage', 'people.read', 'appointments.read', 'appointments.manage'],
  reception_mediator: [...everyStaffMember, 'queue.issue', 'queue.read', 'people.read', 'people.register', 'people.merge', 'appointments.read', 'appointments.book_for_others'],
  support_mediator: [...everyStaffMember, 'queue.serve', 'queue.read', 'people.read', 'people.register'],
  agency_officer: [...everyStaffMember, 'queue.serve', 'queue.read', 'people.read', 'people.register'],
  phone_operator: [...everyStaffMember, 'people.read', 'people.register', 'appointments.read', 'appointments.book_for_others'],
  content_editor: everyStaffMember,
  translator: everyStaffMember,
  statistician: [...everyStaffMember, 'queue.read'],
  auditor: [...everyStaffMember, 'audit.read', 'staff.read', 'people.access_report'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
