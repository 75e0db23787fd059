import { Badge, Group } from '@mantine/core';
import { IconLock, IconShieldCheck } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import type { StaffMember } from './staff-api.js';

/** Disabled, locked, 2-step verification, single sign-on: what an administrator checks at a glance. */
export function StaffBadges({ staff }: { staff: StaffMember }) {
  return (
    <Group gap={6}>
      {staff.disabled ? (
        <Badge color="gray" tt="none">
          <FormattedMessage id="staff.badge.disabled" />
        </Badge>
      ) : null}
      {staff.lockedUntil ? (
        <Badge color="orange" variant="light" tt="none" leftSection={<IconLock size={12} />}>
          <FormattedMessage id="staff.badge.locked" />
        </Badge>
      ) : null}
      {staff.totpEnabled ? (
        <Badge color="green" variant="light" tt="none" leftSection={<IconShieldCheck size={12} />}>
          <FormattedMessage id="staff.badge.totp" />
        </Badge>
      ) : null}
      {staff.ssoLinked ? (
        <Badge color="blue" variant="light" tt="none">
          <FormattedMessage id="staff.badge.sso" />
        </Badge>
      ) : null}
      {!staff.hasPassword ? (
        <Badge color="blue" variant="outline" tt="none">
          <FormattedMessage id="staff.badge.noPassword" />
        </Badge>
      ) : null}
    </Group>
  );
}
