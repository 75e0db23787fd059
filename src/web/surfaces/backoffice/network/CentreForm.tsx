import { Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useFullScreenModal } from './network-layout.js';
import { useRefreshNetwork, type Centre, type CentreKind } from './network-api.js';
import { COMMON_LANGUAGES, timeZones, useCountryName, useLanguageName } from './network-labels.js';
import { FormActions } from '../../../ui/FormActions.js';

interface CentreValues {
  code: string;
  name: string;
  kind: CentreKind;
  timeZone: string;
  address: { street: string; postalCode: string; city: string; country: string };
  phone: string;
  email: string;
  announcementLanguages: string[];
}

function initialValues(centre: Centre | undefined): CentreValues {
  return {
    code: centre?.code ?? '',
    name: centre?.name ?? '',
    kind: centre?.kind ?? 'local',
    timeZone: centre?.timeZone ?? 'Europe/Lisbon',
    address: { street: '', postalCode: '', city: '', country: 'PT', ...centre?.address },
    phone: centre?.phone ?? '',
    email: centre?.email ?? '',
    announcementLanguages: centre?.announcementLanguages ?? ['pt'],
  };
}

/** Creates a centre, or edits one when `centre` is given; server field errors land on the fields. */
export function CentreForm({ opened, onClose, centre, onSaved }: { opened: boolean; onClose: () => void; centre?: Centre; onSaved?: (centre: Centre) => void }) {
  const intl = useIntl();
  const fullScreen = useFullScreenModal();
  const refresh = useRefreshNetwork();
  const languageName = useLanguageName();
  const countryName = useCountryName();
  const form = useForm<CentreValues>({ initialValues: initialValues(centre) });
  const zones = useMemo(() => timeZones(), []);
  const languages = useMemo(
    () => [...new Set([...COMMON_LANGUAGES, ...form.values.announcementLanguages])].map((code) => ({ value: code, label: `${languageName(code)} (${code})` })),
    [form.values.announcementLanguages, languageName],
  );
  const save = useApiMutation<Centre, CentreValues>({
    form,
    successMessageId: 'network.saved',
    mutationFn: (values) => {
      const body = { ...values, code: values.code.trim().toUpperCase(), phone: values.phone.trim() || null, email: values.email.trim() || null };
      return centre ? api.patch<Centre>(`/api/v1/centres/${centre.id}`, body) : api.post<Centre>('/api/v1/centres', body);
    },
    onSuccess: async (saved) => {
      await refresh();
      onSaved?.(saved);
      onClose();
    },
  });
  const country = countryName(form.values.address.country);

  return (
    <Modal fullScreen={fullScreen} opened={opened} onClose={onClose} size="lg" title={intl.formatMessage({ id: centre ? 'network.centre.edit' : 'network.centre.new' })}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput required label={intl.formatMessage({ id: 'network.field.code' })} description={intl.formatMessage({ id: 'network.field.codeHint' })} {...form.getInputProps('code')} />
            <Select
              required
              label={intl.formatMessage({ id: 'network.field.kind' })}
              data={(['national', 'branch', 'local'] as const).map((kind) => ({ value: kind, label: intl.formatMessage({ id: `network.centreKind.${kind}` }) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
          <TextInput required label={intl.formatMessage({ id: 'network.field.name' })} {...form.getInputProps('name')} />
          <Select required searchable label={intl.formatMessage({ id: 'network.field.timeZone' })} data={zones} allowDeselect={false} limit={50} {...form.getInputProps('timeZone')} />
          <TextInput label={intl.formatMessage({ id: 'network.field.street' })} {...form.getInputProps('address.street')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={intl.formatMessage({ id: 'network.field.postalCode' })} {...form.getInputProps('address.postalCode')} />
            <TextInput label={intl.formatMessage({ id: 'network.field.city' })} {...form.getInputProps('address.city')} />
            <TextInput
              required
              maxLength={2}
              label={intl.formatMessage({ id: 'network.field.country' })}
              description={country ?? intl.formatMessage({ id: 'network.field.countryHint' })}
              {...form.getInputProps('address.country')}
              onChange={(event) => form.setFieldValue('address.country', event.currentTarget.value.toUpperCase())}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="tel" dir="ltr" label={intl.formatMessage({ id: 'network.field.phone' })} {...form.getInputProps('phone')} />
            <TextInput type="email" dir="ltr" label={intl.formatMessage({ id: 'network.field.email' })} {...form.getInputProps('email')} />
          </SimpleGrid>
          <MultiSelect
            searchable
            label={intl.formatMessage({ id: 'network.field.announcementLanguages' })}
            description={intl.formatMessage({ id: 'network.field.announcementLanguagesHint' })}
            data={languages}
            {...form.getInputProps('announcementLanguages')}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
