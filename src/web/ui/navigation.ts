import {
  IconAddressBook,
  IconAlertTriangle,
  IconArrowsExchange,
  IconBook,
  IconBuildingCommunity,
  IconChartBar,
  IconDeviceDesktop,
  IconDeviceTv,
  IconHeadset,
  IconHome,
  IconHourglass,
  IconLayoutDashboard,
  IconMailForward,
  IconShieldSearch,
  IconTicket,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Action } from '../../shared/access.js';

export interface NavigationItem {
  to: string;
  /** Message id of the label. */
  labelId: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown when the staff member may do this (or any of these) somewhere; null for everyone signed in. */
  action: Action | Action[] | null;
}

/** Whether the menu shows an entry to someone who may do what `can` says. */
export function mayOpen(item: NavigationItem, can: (action: Action) => boolean): boolean {
  if (item.action === null) return true;
  return Array.isArray(item.action) ? item.action.some((action) => can(action)) : can(item.action);
}

/** The back office's menu, in order. Each area adds its entry here. */
export const NAVIGATION: NavigationItem[] = [
  { to: '/office', labelId: 'nav.home', icon: IconHome, action: null },
  { to: '/office/network', labelId: 'nav.network', icon: IconBuildingCommunity, action: 'network.read' },
  { to: '/office/audit', labelId: 'nav.audit', icon: IconShieldSearch, action: 'audit.read' },
  { to: '/office/staff', labelId: 'staff.nav', icon: IconUsers, action: 'staff.read' },
  { to: '/office/outbox', labelId: 'outbox.nav', icon: IconMailForward, action: 'notifications.read' },
  { to: '/office/appointments/patterns', labelId: 'patterns.nav', icon: IconAlertTriangle, action: 'appointments.read' },
  // Articles and translations, and the directory's partners (network administrators keep those too).
  { to: '/office/knowledge', labelId: 'knowledge.nav', icon: IconBook, action: ['knowledge.translate', 'directory.manage'] },
  { to: '/office/people', labelId: 'casefile.nav.people', icon: IconAddressBook, action: 'people.read' },
  { to: '/office/referrals', labelId: 'casefile.nav.referrals', icon: IconArrowsExchange, action: 'casefile.refer' },
  { to: '/office/retention', labelId: 'retention.nav', icon: IconHourglass, action: 'people.retention' },
  { to: '/office/devices', labelId: 'devices.nav', icon: IconDeviceTv, action: 'queue.manage' },
  { to: '/office/reports', labelId: 'report.nav', icon: IconChartBar, action: 'queue.read' },
  // Full-screen working surfaces of the queue (outside /office).
  { to: '/reception', labelId: 'nav.reception', icon: IconTicket, action: 'queue.issue' },
  { to: '/counter', labelId: 'nav.counter', icon: IconDeviceDesktop, action: 'queue.serve' },
  { to: '/board', labelId: 'nav.board', icon: IconLayoutDashboard, action: 'queue.read' },
  // The phone line books for those who cannot use the web (outside /office).
  { to: '/phone', labelId: 'phone.nav', icon: IconHeadset, action: 'appointments.book_for_others' },
];
