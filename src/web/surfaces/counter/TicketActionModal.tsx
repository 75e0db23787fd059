import { Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { FormActions } from '../../ui/FormActions.js';
import { useApiMutation } from '../../ui/forms.js';
import { networkKeys, type Service, type Unit } from '../backoffice/network/network-api.js';
import { idempotent, newIdempotencyKey, OUTCOMES, useLocalised, type Outcome, type Ticket } from '../queue/queue-api.js';
import { useQueryClient } from '@tanstack/react-query';
import { queueKeys } from '../queue/queue-api.js';

export type TicketActionKind = 'end' | 'transfer' | 'park' | 'cancel';

interface Values {
  outcome: Outcome;
  serviceId: string;
  note: string;
}

/** End (with an outcome), transfer (to a service of any unit of the centre, with a note), park or cancel. */
export function TicketActionModal({ kind, ticket, centreId, onClose }: { kind: TicketActionKind; ticket: Ticket; centreId: string; onClose: () => void }) {
  const intl = useIntl();
  const localised = useLocalised();
  const client = useQueryClient();
  const form = useForm<Values>({
    initialValues: { outcome: 'resolved', serviceId: '', note: '' },
    validate: {
      serviceId: (value) => (kind === 'transfer' && !value ? intl.formatMessage({ id: 'counter.transferServiceRequired' }) : null),
      note: (value) => (kind === 'transfer' && !value.trim() ? intl.formatMessage({ id: 'counter.transferNoteRequired' }) : null),
    },
  });
  const services = useQuery({ queryKey: networkKeys.centreServices(centreId), queryFn: () => api.get<Service[]>(`/api/v1/centres/${centreId}/services`), enabled: kind === 'transfer' });
  const units = useQuery({ queryKey: networkKeys.units(centreId, false), queryFn: () => api.get<Unit[]>(`/api/v1/centres/${centreId}/units`), enabled: kind === 'transfer' });
  const submit = useApiMutation<unknown, Values>({
    form,
    mutationFn: (values) => {
      const note = values.note.trim() || undefined;
      const body = kind === 'end' ? { outcome: values.outcome, note } : kind === 'transfer' ? { serviceId: values.serviceId, note } : { note };
      return api.post(`/api/v1/queue/tickets/${ticket.id}/${kind}`, body, idempotent(newIdempotencyKey()));
    },
    onSuccess: () => onClose(),
    onSettled: () => client.invalidateQueries({ queryKey: queueKeys.all }),
  });
  const serviceOptions = (units.data ?? []).map((unit) => ({
    group: unit.name,
    items: (services.data ?? []).filter((service) => service.unitId === unit.id && service.id !== ticket.serviceId).map((service) => ({ value: service.id, label: localised(service.names) })),
  })).filter((group) => group.items.length > 0);

  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: `counter.modal.${kind}` }, { number: ticket.number })}>
      <form onSubmit={form.onSubmit((values) => submit.mutate(values))}>
        <Stack>
          {kind === 'end' ? (
            <SegmentedControl
              orientation="vertical"
              fullWidth
              data={OUTCOMES.map((outcome) => ({ value: outcome, label: intl.formatMessage({ id: `staffQueue.outcome.${outcome}` }) }))}
              {...form.getInputProps('outcome')}
            />
          ) : null}
          {kind === 'transfer' ? (
            <Select label={<FormattedMessage id="counter.transferTo" />} data={serviceOptions} searchable withAsterisk comboboxProps={{ withinPortal: true }} {...form.getInputProps('serviceId')} />
          ) : null}
          <Textarea
            label={<FormattedMessage id={kind === 'transfer' ? 'counter.noteForNext' : 'counter.note'} />}
            withAsterisk={kind === 'transfer'}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('note')}
          />
          <FormActions onCancel={onClose} saving={submit.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
