import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useUnits } from '../network/network-api.js';
import { useRefreshFile, type Consent, type PartnerSummary } from './casefile-api.js';
import { useMyUnits } from './file-helpers.js';
import { PartnerPicker } from './PartnerPicker.js';

interface ConsentValues { purpose: Consent['purpose']; targetUnitId: string; partner: PartnerSummary | null; givenHow: string; witnessName: string; expiresOn: string }
const PURPOSES: Consent['purpose'][] = ['share_with_unit', 'share_with_partner', 'contact_sms', 'contact_email'];
const HOW = ['in_person_signed', 'verbal_witnessed', 'online'];

interface ConsentFormProps {
  personId: string;
  homeCentreId: string | null;
  /** Only these purposes (the counter records sharing with a partner only). */
  purposes?: Consent['purpose'][];
  /** A partner already chosen elsewhere: the form records consent for that one. */
  partner?: PartnerSummary;
  /** The unit whose section is shared; the viewer's first unit otherwise. */
  sourceUnitId?: string;
  onRecorded?(consent: Consent): void;
}

/** Records a consent: how it was given, for what, until when; a partner is picked from the directory. */
export function ConsentForm({ personId, homeCentreId, purposes = PURPOSES, partner, sourceUnitId, onRecorded }: ConsentFormProps) {
  const intl = useIntl();
  const myUnits = useMyUnits('casefile.consent');
  const units = useUnits(homeCentreId ?? '', false);
  const refresh = useRefreshFile();
  const offered = purposes.filter((p) => !p.startsWith('share') || myUnits.length > 0);
  const form = useForm<ConsentValues>({ initialValues: { purpose: offered.includes('contact_sms') ? 'contact_sms' : (offered[0] ?? 'contact_sms'), targetUnitId: '', partner: partner ?? null, givenHow: 'in_person_signed', witnessName: '', expiresOn: '' } });
  const record = useApiMutation({
    form,
    successMessageId: 'casefile.consents.recorded',
    mutationFn: (v: ConsentValues) =>
      api.post<Consent>(`/api/v1/people/${personId}/consents`, {
        purpose: v.purpose,
        givenHow: v.givenHow,
        ...(v.purpose.startsWith('share') ? { sourceUnitId: sourceUnitId ?? myUnits[0] } : {}),
        ...(v.purpose === 'share_with_unit' ? { targetUnitId: v.targetUnitId } : {}),
        ...(v.purpose === 'share_with_partner' ? { partnerOrganizationId: (partner ?? v.partner)?.id } : {}),
        ...(v.givenHow === 'verbal_witnessed' ? { witnessName: v.witnessName } : {}),
        ...(v.expiresOn ? { expiresAt: new Date(`${v.expiresOn}T23:59:59`).toISOString() } : {}),
      }),
    onSuccess: async (consent) => {
      form.reset();
      await refresh();
      onRecorded?.(consent);
    },
  });
  const option = (prefix: string) => (value: string) => ({ value, label: intl.formatMessage({ id: `${prefix}.${value}` }) });
  const values = form.getValues();
  return (
    <form onSubmit={form.onSubmit((v) => record.mutate(v))}>
      <Stack gap="xs" mt="sm">
        {offered.length > 1 ? <Select label={<FormattedMessage id="casefile.consents.purposeLabel" />} allowDeselect={false} data={offered.map(option('casefile.consents.purpose'))} {...form.getInputProps('purpose')} /> : null}
        {values.purpose === 'share_with_unit' ? (
          <Select label={<FormattedMessage id="casefile.consents.shareWith" />} required data={(units.data ?? []).filter((u) => !myUnits.includes(u.id)).map((u) => ({ value: u.id, label: u.name }))} {...form.getInputProps('targetUnitId')} />
        ) : null}
        {values.purpose === 'share_with_partner' && !partner ? (
          <PartnerPicker required value={values.partner} onChange={(chosen) => form.setFieldValue('partner', chosen)} error={form.errors.partnerOrganizationId ?? form.errors.partner} />
        ) : null}
        <Select label={<FormattedMessage id="casefile.consents.howLabel" />} allowDeselect={false} data={HOW.map(option('casefile.consents.how'))} {...form.getInputProps('givenHow')} />
        {values.givenHow === 'verbal_witnessed' ? <TextInput label={<FormattedMessage id="casefile.consents.witness" />} required {...form.getInputProps('witnessName')} /> : null}
        <TextInput type="date" label={<FormattedMessage id="casefile.consents.expires" />} {...form.getInputProps('expiresOn')} />
        <Group justify="flex-end"><Button type="submit" loading={record.isPending}><FormattedMessage id="casefile.consents.record" /></Button></Group>
      </Stack>
    </form>
  );
}
