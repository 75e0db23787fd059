import { Alert, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/session.js';
import { describeError } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { CreateStaffModal } from './CreateStaffModal.js';
import { PAGE_SIZE, useStaffList, type StaffStatus } from './staff-api.js';
import { StaffBadges } from './StaffBadges.js';

const SHOWN_ROLES = 3;
/** The server sends at most this many at once; beyond it a search narrows the list. */
const MAX_LIMIT = 200;

/** The staff accounts the signed-in manager may see: everyone network-wide, or those of their centres. */
export function StaffListPage() {
  const intl = useIntl();
  const can = useCan();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [status, setStatus] = useState<StaffStatus>('active');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [creating, { open, close }] = useDisclosure(false);
  const staff = useStaffList(q, status, limit);

  return (
    <Stack>
      <PageHeader
        title={<FormattedMessage id="staff.list.title" />}
        description={<FormattedMessage id="staff.list.subtitle" />}
        actions={
          can('staff.manage') ? (
            <Button leftSection={<IconPlus size={18} />} onClick={open}>
              <FormattedMessage id="staff.list.new" />
            </Button>
          ) : null
        }
      />
      <Group align="flex-end" gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={intl.formatMessage({ id: 'staff.list.search' })}
          aria-label={intl.formatMessage({ id: 'staff.list.search' })}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
        />
        <SegmentedControl
          value={status}
          onChange={(value) => setStatus(value as StaffStatus)}
          data={(['active', 'disabled', 'all'] as const).map((value) => ({ value, label: intl.formatMessage({ id: `staff.list.status.${value}` }) }))}
        />
      </Group>
      {staff.isLoading ? <Loader /> : null}
      {staff.error ? <Alert color="red">{describeError(intl, staff.error)}</Alert> : null}
      {staff.data && staff.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="staff.list.empty" />
        </Text>
      ) : null}
      <Stack gap="xs">
        {staff.data?.items.map((member) => (
          <Card key={member.id} component={Link} to={`/office/staff/${member.id}`} withBorder padding="sm" style={{ textDecoration: 'none' }} data-testid="staff-row">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconUser size={26} stroke={1.5} style={{ flexShrink: 0 }} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600} truncate>
                    {member.displayName}
                  </Text>
                  <Text size="sm" c="dimmed" truncate>
                    {member.username}
                    {member.email ? ` · ${member.email}` : ''}
                  </Text>
                </Stack>
              </Group>
              <StaffBadges staff={member} />
            </Group>
            <Group gap={6} mt={6}>
              {member.grants.slice(0, SHOWN_ROLES).map((grant) => (
                <Badge key={grant.id} variant="light" tt="none">
                  {intl.formatMessage({ id: `role.${grant.role}` })} · {grant.scopeName}
                </Badge>
              ))}
              {member.grants.length > SHOWN_ROLES ? (
                <Badge variant="outline" tt="none">
                  <FormattedMessage id="staff.list.moreRoles" values={{ count: member.grants.length - SHOWN_ROLES }} />
                </Badge>
              ) : null}
              {member.grants.length === 0 ? (
                <Text size="sm" c="dimmed">
                  <FormattedMessage id="staff.roles.none" />
                </Text>
              ) : null}
            </Group>
          </Card>
        ))}
      </Stack>
      {staff.data && staff.data.total > staff.data.items.length ? (
        limit < MAX_LIMIT ? (
          <Button variant="default" onClick={() => setLimit((current) => Math.min(current + PAGE_SIZE, MAX_LIMIT))} loading={staff.isFetching} style={{ alignSelf: 'center' }}>
            <FormattedMessage id="common.loadMore" />
          </Button>
        ) : (
          <Text c="dimmed" ta="center">
            <FormattedMessage id="staff.list.refine" values={{ total: staff.data.total }} />
          </Text>
        )
      ) : null}
      {creating ? <CreateStaffModal opened={creating} onClose={close} onCreated={(member) => void navigate(`/office/staff/${member.id}`)} /> : null}
    </Stack>
  );
}
