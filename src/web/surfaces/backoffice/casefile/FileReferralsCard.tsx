import { Button, Card, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useUnits } from '../network/network-api.js';
import { SECTION_NAMES, usePersonReferrals, useRefreshFile, type SectionName } from './casefile-api.js';
import { useMyUnits } from './file-helpers.js';
import { ReferralStatusBadge } from './ReferralStatusBadge.js';
import { useUnitOptions } from './useUnitOptions.js';

interface ReferralValues { fromUnitId: string; target: 'unit' | 'partner'; toUnitId: string; partnerName: string; sharedSections: SectionName[]; message: string }

/** Referrals of this person that involve the viewer's units, and sending a new one. */
export function FileReferralsCard({ personId, homeCentreId }: { personId: string; homeCentreId: string | null }) {
  const intl = useIntl();
  const referrals = usePersonReferrals(personId);
  const myUnits = useMyUnits('casefile.refer');
  const unitOptions = useUnitOptions(myUnits);
  const units = useUnits(homeCentreId ?? '', false);
  const refresh = useRefreshFile();
  const form = useForm<ReferralValues>({ initialValues: { fromUnitId: myUnits[0] ?? '', target: 'unit', toUnitId: '', partnerName: '', sharedSections: ['notes', 'documents'], message: '' } });
  const send = useApiMutation({
    form,
    successMessageId: 'casefile.referrals.sent',
    mutationFn: (v: ReferralValues) =>
      api.post(`/api/v1/people/${personId}/referrals`, { fromUnitId: v.fromUnitId, sharedSections: v.sharedSections, message: v.message, ...(v.target === 'unit' ? { toUnitId: v.toUnitId } : { partnerName: v.partnerName }) }),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm"><FormattedMessage id="casefile.referrals.title" /></Title>
      <Stack gap="xs">
        {(referrals.data ?? []).length === 0 ? <Text c="gray.7"><FormattedMessage id="casefile.referrals.empty" /></Text> : null}
        {(referrals.data ?? []).map((r) => (
          <Group key={r.id} justify="space-between">
            <Text size="sm">{r.fromUnit.name} → {r.toUnit?.name ?? r.partnerName}</Text>
            <ReferralStatusBadge status={r.status} />
          </Group>
        ))}
        {myUnits.length > 0 ? (
          <form onSubmit={form.onSubmit((values) => send.mutate(values))}>
            <Stack gap="xs" mt="sm">
              {myUnits.length > 1 ? <Select label={<FormattedMessage id="casefile.referrals.from" />} data={unitOptions} allowDeselect={false} {...form.getInputProps('fromUnitId')} /> : null}
              <Select
                label={<FormattedMessage id="casefile.referrals.to" />}
                allowDeselect={false}
                data={[{ value: 'unit', label: intl.formatMessage({ id: 'casefile.referrals.toUnit' }) }, { value: 'partner', label: intl.formatMessage({ id: 'casefile.referrals.toPartner' }) }]}
                {...form.getInputProps('target')}
              />
              {form.values.target === 'unit' ? (
                <Select label={<FormattedMessage id="casefile.unit" />} required data={(units.data ?? []).filter((u) => u.id !== form.values.fromUnitId).map((u) => ({ value: u.id, label: u.name }))} {...form.getInputProps('toUnitId')} />
              ) : (
                <TextInput label={<FormattedMessage id="casefile.consents.partner" />} description={<Text span size="xs" c="gray.7"><FormattedMessage id="casefile.referrals.partnerNeedsConsent" /></Text>} required {...form.getInputProps('partnerName')} />
              )}
              <Checkbox.Group label={<FormattedMessage id="casefile.referrals.share" />} {...form.getInputProps('sharedSections')}>
                <Group gap="sm" mt={4}>
                  {SECTION_NAMES.map((s) => <Checkbox key={s} value={s} label={intl.formatMessage({ id: `casefile.section.${s}` })} />)}
                </Group>
              </Checkbox.Group>
              <Textarea label={<FormattedMessage id="casefile.referrals.message" />} autosize minRows={2} {...form.getInputProps('message')} />
              <Group justify="flex-end"><Button type="submit" loading={send.isPending}><FormattedMessage id="casefile.referrals.send" /></Button></Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
