import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useCan } from '../../../app/session.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useConsents, useRefreshFile } from './casefile-api.js';
import { ConsentForm } from './ConsentForm.js';
import { formatDateTime, UnitName } from './file-helpers.js';

/** The person's consents the viewer may see, and recording a new one. */
export function FileConsentsCard({ personId, homeCentreId }: { personId: string; homeCentreId: string | null }) {
  const intl = useIntl();
  const can = useCan();
  const consents = useConsents(personId);
  const refresh = useRefreshFile();
  const withdraw = useApiMutation({ successMessageId: 'casefile.consents.withdrawn', mutationFn: (id: string) => api.post(`/api/v1/casefile/consents/${id}/withdraw`, {}), onSuccess: refresh });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.consents.title" /></Title>
      <Stack gap="xs">
        {(consents.data ?? []).length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.consents.empty" /></Text> : null}
        {(consents.data ?? []).map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600}>
                <FormattedMessage id={`casefile.consents.purpose.${c.purpose}`} />
                {c.targetUnitId ? <> → <UnitName id={c.targetUnitId} /></> : null}
                {c.partnerName ? <> → {c.partnerName}</> : null}
              </Text>
              <Text size="xs" c="gray.7">
                <FormattedMessage id={`casefile.consents.how.${c.givenHow}`} /> · {formatDateTime(intl.locale, c.givenAt)}
                {c.expiresAt ? <> · <FormattedMessage id="casefile.consents.until" values={{ date: formatDateTime(intl.locale, c.expiresAt) }} /></> : null}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Badge color={c.active ? 'teal.9' : 'gray.7'}><FormattedMessage id={c.active ? 'casefile.consents.active' : c.withdrawnAt ? 'casefile.consents.withdrawnState' : 'casefile.consents.inactive'} /></Badge>
              {!c.withdrawnAt ? <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(c.id)}><FormattedMessage id="casefile.consents.withdraw" /></Button> : null}
            </Group>
          </Group>
        ))}
        {can('casefile.consent') ? <ConsentForm personId={personId} homeCentreId={homeCentreId} /> : null}
      </Stack>
    </Card>
  );
}
