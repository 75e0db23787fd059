import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import type { Unit } from '../network/network-api.js';
import { deviceKeys, type NewDevice } from './devices-api.js';

interface Values {
  kind: 'screen' | 'kiosk';
  label: string;
  unitId: string | null;
}

/** A new screen or kiosk: where it stands and, optionally, the one unit it is for. */
export function NewDeviceModal({ centreId, units, onClose, onCreated }: { centreId: string; units: Unit[]; onClose: () => void; onCreated: (device: NewDevice) => void }) {
  const intl = useIntl();
  const client = useQueryClient();
  const form = useForm<Values>({
    initialValues: { kind: 'screen', label: '', unitId: null },
    validate: { label: (value) => (value.trim() ? null : intl.formatMessage({ id: 'devices.labelRequired' })) },
  });
  const create = useApiMutation<NewDevice, Values>({
    form,
    mutationFn: (values) => api.post<NewDevice>(`/api/v1/centres/${centreId}/queue-devices`, { kind: values.kind, label: values.label.trim(), unitId: values.unitId }),
    onSuccess: (device) => {
      void client.invalidateQueries({ queryKey: deviceKeys.devices(centreId) });
      onCreated(device);
    },
  });
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'devices.new' })} size="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <SegmentedControl
            aria-label={intl.formatMessage({ id: 'devices.kind' })}
            data={[
              { value: 'screen', label: intl.formatMessage({ id: 'devices.kind.screen' }) },
              { value: 'kiosk', label: intl.formatMessage({ id: 'devices.kind.kiosk' }) },
            ]}
            {...form.getInputProps('kind')}
          />
          <Text size="sm" c="dimmed">
            <FormattedMessage id={form.getValues().kind === 'screen' ? 'devices.kindHelp.screen' : 'devices.kindHelp.kiosk'} />
          </Text>
          <TextInput label={intl.formatMessage({ id: 'devices.label' })} description={intl.formatMessage({ id: 'devices.labelHelp' })} withAsterisk maxLength={120} data-autofocus {...form.getInputProps('label')} />
          <Select
            label={intl.formatMessage({ id: 'devices.unit' })}
            placeholder={intl.formatMessage({ id: 'devices.wholeCentre' })}
            description={intl.formatMessage({ id: 'devices.unitHelp' })}
            data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('unitId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="common.cancel" />
            </Button>
            <Button type="submit" loading={create.isPending}>
              <FormattedMessage id="devices.create" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
