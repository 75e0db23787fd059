import { Modal, MultiSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useFullScreenModal } from './network-layout.js';
import { useRefreshNetwork, type Counter, type Service } from './network-api.js';
import { pickName } from './network-labels.js';
import { FormActions } from '../../../ui/FormActions.js';

interface CounterValues {
  label: string;
  location: string;
  serviceIds: string[];
}

/** Creates a counter of a unit, or edits one; it may serve any live service of the same centre. */
export function CounterForm({ unitId, counter, centreServices, hostLanguage, onClose }: { unitId: string; counter?: Counter; centreServices: Service[]; hostLanguage: string; onClose: () => void }) {
  const intl = useIntl();
  const fullScreen = useFullScreenModal();
  const refresh = useRefreshNetwork();
  const form = useForm<CounterValues>({
    initialValues: {
      label: counter?.label ?? '',
      location: counter?.location ?? '',
      serviceIds: counter?.serviceIds ?? centreServices.filter((service) => service.unitId === unitId).map((service) => service.id),
    },
  });
  const save = useApiMutation<Counter, CounterValues>({
    form,
    successMessageId: 'network.saved',
    mutationFn: (values) => (counter ? api.patch<Counter>(`/api/v1/counters/${counter.id}`, values) : api.post<Counter>(`/api/v1/units/${unitId}/counters`, values)),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const options = centreServices.map((service) => ({ value: service.id, label: `${service.ticketPrefix} · ${pickName(service.names, intl.locale, hostLanguage)}` }));

  return (
    <Modal fullScreen={fullScreen} opened onClose={onClose} size="lg" title={intl.formatMessage({ id: counter ? 'network.counter.edit' : 'network.counter.new' })}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput required label={intl.formatMessage({ id: 'network.field.counterLabel' })} description={intl.formatMessage({ id: 'network.field.counterLabelHint' })} {...form.getInputProps('label')} />
            <TextInput label={intl.formatMessage({ id: 'network.field.location' })} {...form.getInputProps('location')} />
          </SimpleGrid>
          <MultiSelect
            searchable
            label={intl.formatMessage({ id: 'network.counter.services' })}
            description={intl.formatMessage({ id: 'network.counter.servicesHint' })}
            data={options}
            {...form.getInputProps('serviceIds')}
            error={form.errors.serviceIds ?? Object.entries(form.errors).find(([path]) => path.startsWith('serviceIds.'))?.[1]}
          />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
