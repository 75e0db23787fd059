import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../app/api.js';
import { useApiMutation } from '../../ui/forms.js';
import { dayRange, phoneKeys, useStaffAvailability, type PersonBooking, type StaffAppointment } from './phone-api.js';
import { SlotPicker } from './SlotPicker.js';

/** Move a booking to another free time of the same service. */
export function MoveModal({ booking, personId, onClose }: { booking: PersonBooking; personId: string; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const range = dayRange(45);
  const availability = useStaffAvailability(booking.serviceId, range.from, range.to);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const move = useApiMutation<StaffAppointment, string>({
    mutationFn: (time) => api.post(`/api/v1/appointments/${booking.id}/move`, { startsAt: time }),
    successMessageId: 'phone.moved',
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: phoneKeys.person(personId) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={intl.formatMessage({ id: 'phone.move.title' }, { reference: booking.reference })}>
      <Stack>
        <SlotPicker availability={availability.data} loading={availability.isLoading} value={startsAt} onChange={setStartsAt} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <FormattedMessage id="phone.cancel" />
          </Button>
          <Button disabled={!startsAt} loading={move.isPending} onClick={() => startsAt && move.mutate(startsAt)}>
            <FormattedMessage id="phone.move.submit" />
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Cancel one or several bookings, saying why (kept on the booking and in the journal). */
export function CancelModal({ ids, title, invalidate, onClose }: { ids: string[]; title: string; invalidate: readonly unknown[]; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: (value) => (value.trim().length < 3 ? intl.formatMessage({ id: 'phone.cancelBooking.reasonNeeded' }) : null) } });
  const cancel = useApiMutation<{ items: StaffAppointment[] }, string>({
    form,
    mutationFn: (reason) => api.post('/api/v1/appointments/cancellations', { appointmentIds: ids, reason }),
    successMessageId: 'phone.cancelled',
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invalidate });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={form.onSubmit((values) => cancel.mutate(values.reason.trim()))}>
        <Stack>
          <Textarea label={<FormattedMessage id="phone.cancelBooking.reason" />} autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="phone.cancelBooking.keep" />
            </Button>
            <Button color="red" type="submit" loading={cancel.isPending}>
              <FormattedMessage id="phone.cancelBooking.submit" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
