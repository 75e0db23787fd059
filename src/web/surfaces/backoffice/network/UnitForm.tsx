import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useFullScreenModal } from './network-layout.js';
import { useRefreshNetwork, type Unit, type UnitKind } from './network-api.js';
import { FormActions } from '../../../ui/FormActions.js';

interface UnitValues {
  code: string;
  name: string;
  kind: UnitKind;
  organisation: string;
  location: string;
}

export const UNIT_KINDS: UnitKind[] = ['agency_branch', 'support_office', 'complementary_service'];

/** Creates a unit in a centre, or edits one when `unit` is given. */
export function UnitForm({ centreId, unit, onClose, onSaved }: { centreId: string; unit?: Unit; onClose: () => void; onSaved?: (unit: Unit) => void }) {
  const intl = useIntl();
  const fullScreen = useFullScreenModal();
  const refresh = useRefreshNetwork();
  const form = useForm<UnitValues>({
    initialValues: { code: unit?.code ?? '', name: unit?.name ?? '', kind: unit?.kind ?? 'support_office', organisation: unit?.organisation ?? '', location: unit?.location ?? '' },
  });
  const save = useApiMutation<Unit, UnitValues>({
    form,
    successMessageId: 'network.saved',
    mutationFn: (values) => {
      const body = { ...values, code: values.code.trim().toUpperCase() };
      return unit ? api.patch<Unit>(`/api/v1/units/${unit.id}`, body) : api.post<Unit>(`/api/v1/centres/${centreId}/units`, body);
    },
    onSuccess: async (saved) => {
      await refresh();
      onSaved?.(saved);
      onClose();
    },
  });

  return (
    <Modal fullScreen={fullScreen} opened onClose={onClose} size="lg" title={intl.formatMessage({ id: unit ? 'network.unit.edit' : 'network.unit.new' })}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput required label={intl.formatMessage({ id: 'network.field.code' })} description={intl.formatMessage({ id: 'network.field.codeHint' })} {...form.getInputProps('code')} />
            <Select
              required
              allowDeselect={false}
              label={intl.formatMessage({ id: 'network.field.kind' })}
              data={UNIT_KINDS.map((kind) => ({ value: kind, label: intl.formatMessage({ id: `network.unitKind.${kind}` }) }))}
              {...form.getInputProps('kind')}
            />
          </SimpleGrid>
          <TextInput required label={intl.formatMessage({ id: 'network.field.name' })} {...form.getInputProps('name')} />
          <TextInput label={intl.formatMessage({ id: 'network.field.organisation' })} description={intl.formatMessage({ id: 'network.field.organisationHint' })} {...form.getInputProps('organisation')} />
          <TextInput label={intl.formatMessage({ id: 'network.field.location' })} {...form.getInputProps('location')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
