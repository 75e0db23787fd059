import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useCan } from '../../../app/session.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useUnits } from '../network/network-api.js';
import { useConsents, useRefreshFile, type Consent } from './casefile-api.js';
import { formatDateTime, UnitName, useMyUnits } from './file-helpers.js';

interface ConsentValues { purpose: Consent['purpose']; targetUnitId: string; partnerName: string; givenHow: string; witnessName: string; expiresOn: string }
const PURPOSES: Consent['purpose'][] = ['share_with_unit', 'share_with_partner', 'contact_sms', 'contact_email'];
const HOW = ['in_person_signed', 'verbal_witnessed', 'online'];

/** The person's consents the viewer may see, and recording a new one. */
export function FileConsentsCard({ personId, homeCentreId }: { personId: string; homeCentreId: string | null }) {
  const intl = useIntl();
  const can = useCan();
  const consents = useConsents(personId);
  const myUnits = useMyUnits('casefile.consent');
  const units = useUnits(homeCentreId ?? '', false);
  const refresh = useRefreshFile();
  const form = useForm<ConsentValues>({ initialValues: { purpose: 'contact_sms', targetUnitId: '', partnerName: '', givenHow: 'in_person_signed', witnessName: '', expiresOn: '' } });
  const record = useApiMutation({
    form,
    successMessageId: 'casefile.consents.recorded',
    mutationFn: (v: ConsentValues) =>
      api.post(`/api/v1/people/${personId}/consents`, {
        purpose: v.purpose,
        givenHow: v.givenHow,
        ...(v.purpose.startsWith('share') ? { sourceUnitId: myUnits[0] } : {}),
        ...(v.purpose === 'share_with_unit' ? { targetUnitId: v.targetUnitId } : {}),
        ...(v.purpose === 'share_with_partner' ? { partnerName: v.partnerName } : {}),
        ...(v.givenHow === 'verbal_witnessed' ? { witnessName: v.witnessName } : {}),
        ...(v.expiresOn ? { expiresAt: new Date(`${v.expiresOn}T23:59:59`).toISOString() } : {}),
      }),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  const withdraw = useApiMutation({ successMessageId: 'casefile.consents.withdrawn', mutationFn: (id: string) => api.post(`/api/v1/casefile/consents/${id}/withdraw`, {}), onSuccess: refresh });
  const purposes = PURPOSES.filter((p) => !p.startsWith('share') || myUnits.length > 0);
  const option = (prefix: string) => (value: string) => ({ value, label: intl.formatMessage({ id: `${prefix}.${value}` }) });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.consents.title" /></Title>
      <Stack gap="xs">
        {(consents.data ?? []).length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.consents.empty" /></Text> : null}
        {(consents.data ?? []).map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
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
            <Group gap="xs" wrap="nowrap">
              <Badge color={c.active ? 'teal.9' : 'gray.7'}><FormattedMessage id={c.active ? 'casefile.consents.active' : c.withdrawnAt ? 'casefile.consents.withdrawnState' : 'casefile.consents.inactive'} /></Badge>
              {!c.withdrawnAt ? <Button size="xs" variant="subtle" color="red" onClick={() => withdraw.mutate(c.id)}><FormattedMessage id="casefile.consents.withdraw" /></Button> : null}
            </Group>
          </Group>
        ))}
        {can('casefile.consent') ? (
          <form onSubmit={form.onSubmit((values) => record.mutate(values))}>
            <Stack gap="xs" mt="sm">
              <Select label={<FormattedMessage id="casefile.consents.purposeLabel" />} allowDeselect={false} data={purposes.map(option('casefile.consents.purpose'))} {...form.getInputProps('purpose')} />
              {form.values.purpose === 'share_with_unit' ? (
                <Select label={<FormattedMessage id="casefile.consents.shareWith" />} required data={(units.data ?? []).filter((u) => !myUnits.includes(u.id)).map((u) => ({ value: u.id, label: u.name }))} {...form.getInputProps('targetUnitId')} />
              ) : null}
              {form.values.purpose === 'share_with_partner' ? <TextInput label={<FormattedMessage id="casefile.consents.partner" />} required {...form.getInputProps('partnerName')} /> : null}
              <Select label={<FormattedMessage id="casefile.consents.howLabel" />} allowDeselect={false} data={HOW.map(option('casefile.consents.how'))} {...form.getInputProps('givenHow')} />
              {form.values.givenHow === 'verbal_witnessed' ? <TextInput label={<FormattedMessage id="casefile.consents.witness" />} required {...form.getInputProps('witnessName')} /> : null}
              <TextInput type="date" label={<FormattedMessage id="casefile.consents.expires" />} {...form.getInputProps('expiresOn')} />
              <Group justify="flex-end"><Button type="submit" loading={record.isPending}><FormattedMessage id="casefile.consents.record" /></Button></Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
