import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { usePersonReferrals } from './casefile-api.js';
import { useMyUnits } from './file-helpers.js';
import { PartnerContact } from './PartnerContact.js';
import { ReferralForm } from './ReferralForm.js';
import { ReferralStatusBadge } from './ReferralStatusBadge.js';

/** Referrals of this person that involve the viewer's units, and sending a new one. */
export function FileReferralsCard({ personId, homeCentreId }: { personId: string; homeCentreId: string | null }) {
  const referrals = usePersonReferrals(personId);
  const myUnits = useMyUnits('casefile.refer');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.referrals.title" /></Title>
      <Stack gap="xs">
        {(referrals.data ?? []).length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.referrals.empty" /></Text> : null}
        {(referrals.data ?? []).map((r) => (
          <Stack key={r.id} gap={4} data-testid="file-referral">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{r.fromUnit.name} → {r.toUnit?.name ?? r.partner?.name ?? r.partnerName}</Text>
              <ReferralStatusBadge status={r.status} />
            </Group>
            {r.partner ? <PartnerContact partner={r.partner} withName={false} /> : null}
          </Stack>
        ))}
        {myUnits.length > 0 ? <ReferralForm personId={personId} homeCentreId={homeCentreId} /> : null}
      </Stack>
    </Card>
  );
}
