import { Modal, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { useFullScreenModal } from './network-layout.js';
import { useRefreshNetwork, type CalendarException, type ExceptionKind } from './network-api.js';
import { FormActions } from '../../../ui/FormActions.js';

interface ExceptionValues {
  date: string;
  kind: ExceptionKind;
  opens: string;
  closes: string;
  label: string;
}

/** Adds a holiday, closed day or day with special hours, or changes one when `exception` is given. */
export function ExceptionForm({ centreId, exception, onClose }: { centreId: string; exception?: CalendarException; onClose: () => void }) {
  const intl = useIntl();
  const fullScreen = useFullScreenModal();
  const refresh = useRefreshNetwork();
  const form = useForm<ExceptionValues>({
    initialValues: {
      date: exception?.date ?? '',
      kind: exception?.kind ?? 'holiday',
      opens: exception?.opens ?? '09:00',
      closes: exception?.closes ?? '13:00',
      label: exception?.label ?? '',
    },
  });
  const save = useApiMutation<CalendarException, ExceptionValues>({
    form,
    successMessageId: 'network.saved',
    mutationFn: (values) => {
      const special = values.kind === 'special_hours';
      const body = { date: values.date, kind: values.kind, label: values.label, opens: special ? values.opens : null, closes: special ? values.closes : null };
      const base = `/api/v1/centres/${centreId}/exceptions`;
      return exception ? api.patch(`${base}/${exception.id}`, body) : api.post(base, body);
    },
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });

  return (
    <Modal fullScreen={fullScreen} opened onClose={onClose} title={intl.formatMessage({ id: exception ? 'network.exceptions.edit' : 'network.exceptions.new' })}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <TextInput required type="date" label={intl.formatMessage({ id: 'network.exceptions.date' })} {...form.getInputProps('date')} />
          <SegmentedControl
            fullWidth
            data={(['holiday', 'closed', 'special_hours'] as const).map((kind) => ({ value: kind, label: intl.formatMessage({ id: `network.exceptionKind.${kind}` }) }))}
            {...form.getInputProps('kind')}
          />
          {form.values.kind === 'special_hours' ? (
            <SimpleGrid cols={2}>
              <TimeInput label={intl.formatMessage({ id: 'network.hours.opens' })} {...form.getInputProps('opens')} />
              <TimeInput label={intl.formatMessage({ id: 'network.hours.closes' })} {...form.getInputProps('closes')} />
            </SimpleGrid>
          ) : null}
          <TextInput label={intl.formatMessage({ id: 'network.exceptions.label' })} placeholder={intl.formatMessage({ id: 'network.exceptions.labelHint' })} {...form.getInputProps('label')} />
          <FormActions onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
