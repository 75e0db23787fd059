import { Alert, Anchor, Badge, Button, Card, Center, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../app/api.js';
import { describeError, useApiMutation } from '../../../ui/forms.js';
import { PageHeader } from '../../../ui/PageHeader.js';
import { useReferralsLive, useRefreshFile, useReferralWorkList, type Referral } from './casefile-api.js';
import { ReferralStatusBadge } from './ReferralStatusBadge.js';
import { PartnerContact } from './PartnerContact.js';
import { Loading } from '../../../ui/Loading.js';

type Move = 'accept' | 'reject' | 'complete' | 'revoke';
/** A referral waiting this many days or more is marked: ageing is what the work list is for. */
const OLD_AFTER_DAYS = 5;

function movesOf(referral: Referral, box: 'incoming' | 'outgoing'): Move[] {
  const receiving = box === 'incoming' || referral.toUnit === null;
  const moves: Move[] = [];
  if (receiving && referral.status === 'sent') moves.push('accept', 'reject');
  if (receiving && referral.status === 'accepted') moves.push('complete');
  if (box === 'outgoing' && (referral.status === 'sent' || referral.status === 'accepted')) moves.push('revoke');
  return moves;
}

/** The receiving unit's work list (and the referrals one's units sent), oldest first, with their age. */
export function ReferralWorkListPage() {
  const intl = useIntl();
  const [search, setSearch] = useSearchParams();
  const box = search.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const status = search.get('status') ?? 'sent,accepted';
  const list = useReferralWorkList(box, status);
  useReferralsLive();
  const refresh = useRefreshFile();
  const move = useApiMutation({ mutationFn: ({ id, move }: { id: string; move: Move }) => api.post(`/api/v1/referrals/${id}/${move}`, {}), onSuccess: refresh });
  const set = (key: string, value: string) => setSearch((prev) => { const next = new URLSearchParams(prev); next.set(key, value); return next; });
  return (
    <Stack>
      <PageHeader title={<FormattedMessage id="casefile.worklist.title" />} description={<FormattedMessage id="casefile.worklist.subtitle" />} />
      <Group>
        <SegmentedControl value={box} onChange={(v) => set('box', v)} data={[{ value: 'incoming', label: intl.formatMessage({ id: 'casefile.worklist.incoming' }) }, { value: 'outgoing', label: intl.formatMessage({ id: 'casefile.worklist.outgoing' }) }]} />
        <SegmentedControl value={status} onChange={(v) => set('status', v)} data={[{ value: 'sent,accepted', label: intl.formatMessage({ id: 'casefile.worklist.open' }) }, { value: 'rejected,done,revoked', label: intl.formatMessage({ id: 'casefile.worklist.closed' }) }]} />
      </Group>
      {list.error ? <Alert color="red">{describeError(intl, list.error)}</Alert> : null}
      {list.isLoading ? <Center><Loading /></Center> : null}
      {list.isSuccess && list.data.length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.worklist.empty" /></Text> : null}
      {list.data && list.data.length > 0 ? (
        <Card withBorder padding={0}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th><FormattedMessage id="casefile.worklist.person" /></Table.Th>
                <Table.Th><FormattedMessage id="casefile.worklist.route" /></Table.Th>
                <Table.Th><FormattedMessage id="casefile.referrals.share" /></Table.Th>
                <Table.Th><FormattedMessage id="casefile.worklist.age" /></Table.Th>
                <Table.Th><FormattedMessage id="casefile.worklist.status" /></Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/office/people/${r.person.id}`}>{r.person.name}</Anchor>
                    {r.message ? <Text size="xs" c="gray.7" lineClamp={2}>{r.message}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {r.fromUnit.name} → {r.toUnit?.name ?? r.partner?.name ?? r.partnerName}
                    {r.partner ? <PartnerContact partner={r.partner} withName={false} /> : null}
                  </Table.Td>
                  <Table.Td>{r.sharedSections.map((s) => intl.formatMessage({ id: `casefile.section.${s}` })).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={(r.waitingDays ?? 0) >= OLD_AFTER_DAYS ? 'red.9' : 'gray.7'} variant="filled" style={{ minWidth: 'max-content' }}>
                      <FormattedMessage id="casefile.worklist.days" values={{ count: r.waitingDays ?? r.ageDays }} />
                    </Badge>
                  </Table.Td>
                  <Table.Td><ReferralStatusBadge status={r.status} /></Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {movesOf(r, box).map((m) => (
                        <Button key={m} size="xs" variant={m === 'accept' || m === 'complete' ? 'filled' : 'light'} color={m === 'reject' || m === 'revoke' ? 'red' : undefined} loading={move.isPending} onClick={() => move.mutate({ id: r.id, move: m })}>
                          <FormattedMessage id={`casefile.worklist.move.${m}`} />
                        </Button>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ) : null}
    </Stack>
  );
}
