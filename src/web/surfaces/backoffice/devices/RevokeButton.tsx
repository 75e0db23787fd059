import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../../app/api.js';
import { useApiMutation } from '../../../ui/forms.js';
import { deviceKeys, type Device } from './devices-api.js';

/** Revokes a device's token after a confirmation: its page stops at once and cannot be undone. */
export function RevokeButton({ device }: { device: Device }) {
  const intl = useIntl();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useApiMutation<Device, void>({
    mutationFn: () => api.post<Device>(`/api/v1/queue-devices/${device.id}/revoke`),
    onSuccess: () => {
      close();
      void client.invalidateQueries({ queryKey: deviceKeys.devices(device.centreId) });
    },
  });
  return (
    <>
      <Button variant="light" color="red" size="xs" onClick={open} aria-label={intl.formatMessage({ id: 'devices.revokeNamed' }, { label: device.label })}>
        <FormattedMessage id="devices.revoke" />
      </Button>
      <Modal opened={opened} onClose={close} title={intl.formatMessage({ id: 'devices.revokeTitle' }, { label: device.label })}>
        <Stack>
          <Text>
            <FormattedMessage id="devices.revokeConfirm" />
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="common.cancel" />
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              <FormattedMessage id="devices.revoke" />
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
