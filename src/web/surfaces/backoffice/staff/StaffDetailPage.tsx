import { Alert, Anchor, Button, Loader, SimpleGrid, Stack, useDirection } from '@mantine/core';
import { IconArrowLeft, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { grantsAllow, useCan, useSession, type Grant } from '../../../app/session.js';
import { api } from '../../../app/api.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { useRefreshStaff, useStaffMember, type StaffMember } from './staff-api.js';
import { StaffBadges } from './StaffBadges.js';
import { StaffProfileCard } from './StaffProfileCard.js';
import { StaffRolesCard } from './StaffRolesCard.js';
import { StaffSecurityCard } from './StaffSecurityCard.js';

/** As the server's policy: account-wide changes need staff.manage over every place the person works in. */
function managesAccount(myGrants: Grant[], staff: StaffMember): boolean {
  if (grantsAllow(myGrants, 'staff.manage', {})) return true;
  if (staff.grants.length === 0) return false;
  return staff.grants.every((g) => grantsAllow(myGrants, 'staff.manage', { centreId: g.centreId, unitId: g.scopeType === 'unit' ? g.scopeId : null }));
}

export function StaffDetailPage() {
  const { staffId = '' } = useParams();
  const intl = useIntl();
  const { me } = useSession();
  const { dir } = useDirection();
  const can = useCan();
  const staff = useStaffMember(staffId);
  const refresh = useRefreshStaff();
  const setDisabled = useApiMutation({
    mutationFn: (disabled: boolean) => api.post<StaffMember>(`/api/v1/staff/${staffId}/${disabled ? 'disable' : 'enable'}`),
    successMessageId: 'staff.status.changed',
    onSettled: refresh,
  });

  if (staff.isLoading) return <Loader />;
  if (staff.error || !staff.data || !me) return <Alert color="red">{describeError(intl, staff.error)}</Alert>;
  const member = staff.data;
  const isSelf = member.id === me.id;
  const mayManage = managesAccount(me.grants, member);
  // Grants may be given to someone who works in one's places, even if they also work elsewhere.
  const mayGrantRoles = can('staff.manage', {}) || member.grants.some((g) => can('staff.manage', { centreId: g.centreId, unitId: g.scopeType === 'unit' ? g.scopeId : null }));

  return (
    <Stack>
      <Anchor component={Link} to="/office/staff" size="sm">
        {/* The arrow points back in the reading direction. */}
        <IconArrowLeft size={14} style={{ verticalAlign: 'middle', transform: dir === 'rtl' ? 'scaleX(-1)' : undefined }} /> <FormattedMessage id="staff.detail.back" />
      </Anchor>
      <PageHeader
        title={member.displayName}
        description={member.username}
        actions={
          mayManage && !isSelf ? (
            <Button
              variant="light"
              color={member.disabled ? 'green' : 'red'}
              leftSection={member.disabled ? <IconUserCheck size={18} /> : <IconUserOff size={18} />}
              loading={setDisabled.isPending}
              onClick={() => setDisabled.mutate(!member.disabled)}
            >
              <FormattedMessage id={member.disabled ? 'staff.status.enable' : 'staff.status.disable'} />
            </Button>
          ) : null
        }
      />
      <StaffBadges staff={member} />
      {member.disabled ? (
        <Alert color="gray">
          <FormattedMessage id="staff.status.disabledNote" />
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <StaffProfileCard key={member.id} staff={member} editable={mayManage} />
        <StaffRolesCard staff={member} mayManage={mayGrantRoles} isSelf={isSelf} />
      </SimpleGrid>
      <StaffSecurityCard staff={member} mayManage={mayManage} managesNetwork={can('staff.manage', {})} isSelf={isSelf} />
    </Stack>
  );
}
