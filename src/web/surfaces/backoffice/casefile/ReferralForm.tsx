import { Button, Checkbox, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useUnits } from '../network/network-api.js';
import { SECTION_NAMES, useRefreshFile, type PartnerSummary, type Referral, type SectionName } from './casefile-api.js';
import { useMyUnits } from './file-helpers.js';
import { PartnerPicker } from './PartnerPicker.js';
import { useUnitOptions } from './useUnitOptions.js';

interface ReferralValues { fromUnitId: string; target: 'unit' | 'partner'; toUnitId: string; partner: PartnerSummary | null; sharedSections: SectionName[]; message: string }

interface ReferralFormProps {
  personId: string;
  homeCentreId: string | null;
  /** A partner already chosen elsewhere (the counter): the referral goes to that partner. */
  partner?: PartnerSummary;
  /** The sending unit, when already chosen. */
  fromUnitId?: string;
  onSent?(referral: Referral): void;
}

/** Sends a referral to another unit or to a partner association of the directory, with the sections it shares. */
export function ReferralForm({ personId, homeCentreId, partner, fromUnitId, onSent }: ReferralFormProps) {
  const intl = useIntl();
  const myUnits = useMyUnits('casefile.refer');
  const unitOptions = useUnitOptions(myUnits);
  const units = useUnits(homeCentreId ?? '', false);
  const refresh = useRefreshFile();
  const form = useForm<ReferralValues>({ initialValues: { fromUnitId: fromUnitId ?? myUnits[0] ?? '', target: partner ? 'partner' : 'unit', toUnitId: '', partner: partner ?? null, sharedSections: ['notes', 'documents'], message: '' } });
  const send = useApiMutation({
    form,
    successMessageId: 'casefile.referrals.sent',
    mutationFn: (v: ReferralValues) =>
      api.post<Referral>(`/api/v1/people/${personId}/referrals`, { fromUnitId: v.fromUnitId, sharedSections: v.sharedSections, message: v.message, ...(v.target === 'unit' ? { toUnitId: v.toUnitId } : { partnerOrganizationId: (partner ?? v.partner)?.id }) }),
    onSuccess: async (referral) => {
      form.reset();
      await refresh();
      onSent?.(referral);
    },
  });
  const values = form.getValues();
  return (
    <form onSubmit={form.onSubmit((v) => send.mutate(v))}>
      <Stack gap="xs" mt="sm">
        {myUnits.length > 1 && !fromUnitId ? <Select label={<FormattedMessage id="casefile.referrals.from" />} data={unitOptions} allowDeselect={false} {...form.getInputProps('fromUnitId')} /> : null}
        {partner ? null : (
          <Select
            label={<FormattedMessage id="casefile.referrals.to" />}
            allowDeselect={false}
            data={[{ value: 'unit', label: intl.formatMessage({ id: 'casefile.referrals.toUnit' }) }, { value: 'partner', label: intl.formatMessage({ id: 'casefile.referrals.toPartner' }) }]}
            {...form.getInputProps('target')}
          />
        )}
        {values.target === 'unit' ? (
          <Select label={<FormattedMessage id="casefile.unit" />} required data={(units.data ?? []).filter((u) => u.id !== values.fromUnitId).map((u) => ({ value: u.id, label: u.name }))} {...form.getInputProps('toUnitId')} />
        ) : partner ? null : (
          <PartnerPicker
            required
            value={values.partner}
            onChange={(chosen) => form.setFieldValue('partner', chosen)}
            description={<Text span size="xs" c="gray.7"><FormattedMessage id="casefile.referrals.partnerNeedsConsent" /></Text>}
            error={form.errors.partnerOrganizationId ?? form.errors.partner}
          />
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
  );
}
