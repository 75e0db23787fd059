import { ActionIcon, Button, Group, Input, Modal, MultiSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useFullScreenModal } from './network-layout.js';
import { useRefreshNetwork, type Counter, type CounterBreak, type Service } from './network-api.js';
import { pickName } from './network-labels.js';
import { FormActions } from '../../../ui/FormActions.js';

interface CounterValues {
  label: string;
  location: string;
  serviceIds: string[];
  breaks: CounterBreak[];
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
      breaks: counter?.breaks ?? [],
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
          <Input.Wrapper label={intl.formatMessage({ id: 'network.counter.breaks' })} description={intl.formatMessage({ id: 'network.counter.breaksHint' })} error={form.errors.breaks}>
            <Stack gap="xs" mt={6}>
              {form.values.breaks.map((_, index) => (
                <Stack key={index} gap={4}>
                  <Group gap="xs" align="flex-end" wrap="nowrap">
                    <TimeInput label={intl.formatMessage({ id: 'network.counter.breakStarts' })} style={{ flex: '1 1 90px' }} maw={140} {...form.getInputProps(`breaks.${index}.starts`)} />
                    <TimeInput label={intl.formatMessage({ id: 'network.counter.breakEnds' })} style={{ flex: '1 1 90px' }} maw={140} {...form.getInputProps(`breaks.${index}.ends`)} />
                    <ActionIcon variant="subtle" color="red" size="lg" mb={4} aria-label={intl.formatMessage({ id: 'network.counter.removeBreak' })} onClick={() => form.removeListItem('breaks', index)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Group>
                  {form.errors[`breaks.${index}`] ? (
                    <Text c="red" size="sm" role="alert">
                      {form.errors[`breaks.${index}`]}
                    </Text>
                  ) : null}
                </Stack>
              ))}
              {form.values.breaks.length < 4 ? (
                <Group>
                  <Button variant="default" size="xs" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('breaks', { starts: '12:00', ends: '13:00' })}>
                    {intl.formatMessage({ id: 'network.counter.addBreak' })}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Input.Wrapper>
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
